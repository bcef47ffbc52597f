/**
 * The check of a state document before it is loaded (issue 5: "`PUT /__mock/state` imports one …;
 * an invalid document → 400 with details and nothing changed. `--data <file>` … a bad file stops
 * start-up with a message naming the file and the first error"; spec/control.yaml `importState`,
 * `StateDocument`). Validators are the real ones of spec/openapi.yaml and spec/control.yaml.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CONTROL_PATH, loadSpec, OPENAPI_PATH } from "../spec/load.ts";
import { compileValidators } from "../spec/validators.ts";
import { exportState, type StateDocument } from "../stateful/snapshot.ts";
import { CountingIds, ManualClock } from "../stateful/common/test-support.ts";
import { createState } from "../state.ts";
import { checkStateDocument, upgradeStateDocument } from "./state-import.ts";

const publicApi = compileValidators(loadSpec(OPENAPI_PATH));
const control = compileValidators(loadSpec(CONTROL_PATH));

const ORG = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";
const OTHER_ORG = "5d2a8e7f-1b3c-4d6e-9f0a-2b4c6d8e0f1a";
const USER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

/** A document exported from a mock with one of everything in two organizations. */
async function exported(): Promise<StateDocument> {
  const clock = new ManualClock();
  const state = createState({ clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 });
  for (const orgId of [ORG, OTHER_ORG]) {
    const org = state.forOrg(orgId);
    const actor = { orgId, userId: USER };
    org.workspaces.ensurePersonal(actor);
    const data = org.workspaces.create({ name: "Data" }, actor);
    org.sandboxes.create({ template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [{ workspaceId: data.id, path: "/workspace/data", readOnly: false }], name: "build-runner" });
    clock.nextRequest();
    clock.advance(1000);
    org.agents.upsert({ slug: "code-assistant", model: "claude-sonnet-4", executionMode: "in_sandbox", visibility: "private", sandbox: "build-runner" }, actor);
    await org.runner.start("code-assistant", { stream: false, prompt: "hello" }, actor).complete();
  }
  return exportState(state, clock.now());
}

let document: StateDocument;

beforeAll(async () => {
  document = await exported();
});

/** A copy of the document, changed by `edit`. */
function edited(edit: (doc: StateDocument & Record<string, unknown>) => void): unknown {
  const copy = structuredClone(document) as StateDocument & Record<string, unknown>;
  edit(copy);
  return copy;
}

function org(doc: StateDocument, index = 0) {
  const found = doc.organizations[index];
  if (!found) throw new Error(`no organization ${index}`);
  return found;
}

describe("checkStateDocument", () => {
  it("an exported document has one of everything, and passes", () => {
    const first = org(document);
    expect(document.organizations).toHaveLength(2);
    expect([first.workspaces.length, first.sandboxes.length, first.agents.length, first.threads.length, first.runs.length]).toEqual([2, 1, 1, 1, 1]);
    expect(first.threads[0]?.events.length).toBeGreaterThan(2);
    expect(checkStateDocument(document, control, publicApi)).toEqual([]);
    expect(checkStateDocument(document, control, publicApi, "")).toEqual([]);
  });

  it("an empty document passes", () => {
    expect(checkStateDocument({ format: "runtools-mock/state", version: 1, exportedAt: "2026-11-29T09:00:00.000Z", organizations: [] }, control, publicApi)).toEqual([]);
  });

  it("a wrong format or version is refused at /body/format, /body/version", () => {
    const problems = checkStateDocument(
      edited((d) => {
        (d as Record<string, unknown>).format = "other/state";
        (d as Record<string, unknown>).version = 2;
      }),
      control,
      publicApi,
    );
    expect(problems.map((p) => p.path).sort()).toEqual(["/body/format", "/body/version"]);
  });

  it("not a document at all", () => {
    expect(checkStateDocument(null, control, publicApi).length).toBeGreaterThan(0);
    expect(checkStateDocument([], control, publicApi).length).toBeGreaterThan(0);
    expect(checkStateDocument({ format: "runtools-mock/state", version: 1, exportedAt: "2026-11-29T09:00:00.000Z" }, control, publicApi)).toEqual([
      { path: "/body/organizations", message: "is required" },
    ]);
  });

  it("an unknown field in the document or in an organization is refused (closed format)", () => {
    const problems = checkStateDocument(
      edited((d) => {
        d.extra = true;
        (org(d) as unknown as Record<string, unknown>).users = [];
      }),
      control,
      publicApi,
    );
    expect(problems.map((p) => p.path).sort()).toEqual(["/body/extra", "/body/organizations/0/users"]);
  });

  it("an agent that violates the public Agent schema: a pointer into the document under /body", () => {
    const problems = checkStateDocument(
      edited((d) => {
        const agent = org(d).agents[0];
        if (agent) agent.slug = "Not A Slug!";
      }),
      control,
      publicApi,
    );
    expect(problems).toEqual([{ path: "/body/organizations/0/agents/0/slug", message: expect.stringContaining("pattern") }]);
  });

  it("with prefix '' (a --data file) the pointer starts at the document", () => {
    const problems = checkStateDocument(
      edited((d) => {
        const agent = org(d, 1).agents[0];
        if (agent) agent.slug = "Not A Slug!";
      }),
      control,
      publicApi,
      "",
    );
    expect(problems.map((p) => p.path)).toEqual(["/organizations/1/agents/0/slug"]);
  });

  it("every kind of resource is checked against its own schema", () => {
    const problems = checkStateDocument(
      edited((d) => {
        const o = org(d);
        (o.workspaces[1] as unknown as Record<string, unknown>).sizeBytes = "big";
        (o.sandboxes[0] as unknown as Record<string, unknown>).status = "exploded";
        delete (o.agents[0] as unknown as Record<string, unknown>).model;
        (o.threads[0]?.thread as unknown as Record<string, unknown>).archived = "no";
        (o.threads[0]?.events[1] as unknown as Record<string, unknown>).sequence = -1;
        (o.runs[0]?.run as unknown as Record<string, unknown>).status = "sleeping";
      }),
      control,
      publicApi,
    );
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        "/body/organizations/0/agents/0/model",
        "/body/organizations/0/runs/0/run/status",
        "/body/organizations/0/sandboxes/0/status",
        "/body/organizations/0/threads/0/events/1/sequence",
        "/body/organizations/0/threads/0/thread/archived",
        "/body/organizations/0/workspaces/1/sizeBytes",
      ].sort(),
    );
  });

  it("a run's rolloutId must be a rollout id (the document's own schema)", () => {
    const problems = checkStateDocument(
      edited((d) => {
        const run = org(d).runs[0];
        if (run) run.rolloutId = "not-a-rollout";
      }),
      control,
      publicApi,
    );
    expect(problems.map((p) => p.path)).toEqual(["/body/organizations/0/runs/0/rolloutId"]);
  });

  it("an agent or thread of another organization: orgId mismatch", () => {
    const problems = checkStateDocument(
      edited((d) => {
        const o = org(d, 1);
        const agent = o.agents[0];
        const thread = o.threads[0];
        if (agent) agent.orgId = ORG;
        if (thread) thread.thread.orgId = ORG;
      }),
      control,
      publicApi,
    );
    expect(problems).toEqual([
      { path: "/body/organizations/1/agents/0/orgId", message: expect.stringContaining(OTHER_ORG) },
      { path: "/body/organizations/1/threads/0/thread/orgId", message: expect.stringContaining(OTHER_ORG) },
    ]);
  });

  it("does not change the document it checks", () => {
    const copy = structuredClone(document);
    checkStateDocument(copy, control, publicApi);
    expect(copy).toEqual(document);
  });
});

describe("upgradeStateDocument", () => {
  it("fills in the sandbox fields a document written before them lacks, so that it passes again", () => {
    const older = edited((doc) => {
      for (const sandbox of org(doc).sandboxes as unknown as Record<string, unknown>[]) {
        for (const field of ["ownerUserId", "ownerDisplayName", "ownerEmail", "projectId", "ip", "publicIp", "sshAccessConfigured", "sshAuthMethod"]) delete sandbox[field];
      }
    });
    expect(checkStateDocument(structuredClone(older), control, publicApi)).not.toEqual([]);
    upgradeStateDocument(older);
    expect(checkStateDocument(older, control, publicApi)).toEqual([]);
    expect(org(older as StateDocument).sandboxes[0]).toMatchObject({ ownerUserId: null, sshAccessConfigured: false, sshAuthMethod: null, publicIp: null });
  });

  it("leaves a current document, and what is not a document, as they are", () => {
    const copy = structuredClone(document);
    upgradeStateDocument(copy);
    expect(copy).toEqual(document);
    for (const odd of [null, 42, { organizations: "x" }, { organizations: [null, { sandboxes: [null, 7] }] }]) expect(() => upgradeStateDocument(structuredClone(odd))).not.toThrow();
  });
});
