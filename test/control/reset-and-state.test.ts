/**
 * The control plane's state operations through the real server (issue 5; spec/control.yaml
 * resetState, exportState, importState): reset everything or one organization, export the state
 * as a versioned document, import it back (replace or merge), and refuse an invalid document
 * without changing anything. Public responses are validated against spec/openapi.yaml by the
 * contract client, control responses against spec/control.yaml by the control client.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Agent, AgentUpsertResult, Sandbox, Workspace } from "../../src/api-types.ts";
import type { StateDocument } from "../../src/control/control-types.ts";
import { SEED_BODY, expectError, getAgent, upsertManaged } from "../http/helpers.ts";
import { runJson, seedOrg } from "../http/run-helpers.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { ControlClient, expectControlBadRequest, expectControlError, expectOk, orgIdOf, withoutExportedAt } from "./control-client.ts";

const { client, server, violations } = useServer();
const control = () => new ControlClient(server().url);

beforeEach(async () => {
  expectOk(await control().reset());
});

afterEach(() => {
  expect(violations).toEqual([]);
});

/** An organization with one managed agent, `slug`. */
async function orgWithAgent(label: string, slug = "helper"): Promise<{ c: ContractClient; orgId: string; agent: Agent }> {
  const c = client(label);
  const upsert = await upsertManaged(c, slug);
  expect(upsert.status, JSON.stringify(upsert.body)).toBe(201);
  const agent = await getAgent(c, slug);
  return { c, orgId: agent.orgId, agent };
}

async function expectNoAgent(c: ContractClient, slug: string): Promise<void> {
  expectError(await c.get(`/v1/agents/${slug}`), 404, "not_found");
}

/** Everything, for "nothing changed" checks. */
async function exportAll(): Promise<Omit<StateDocument, "exportedAt">> {
  return withoutExportedAt(expectOk(await control().exportState()));
}

describe("POST /__mock/reset", () => {
  it("resets every organization when neither org nor X-API-Key is given", async () => {
    const a = await orgWithAgent("resetAllA");
    const b = await orgWithAgent("resetAllB");

    const res = await control().reset();
    expect(expectOk(res).data).toEqual({ scope: "all", orgId: null });

    // Exported before any further public request (a request brings its organization back, empty).
    expect(expectOk(await control().exportState()).organizations).toEqual([]);
    await expectNoAgent(a.c, "helper");
    await expectNoAgent(b.c, "helper");
  });

  it("resets only the organization named by ?org=, leaving the others untouched", async () => {
    const a = await orgWithAgent("resetOrgA");
    const b = await orgWithAgent("resetOrgB");
    const bBefore = withoutExportedAt(expectOk(await control().exportState({ org: b.orgId })));

    const res = await control().reset({ org: a.orgId });
    expect(expectOk(res).data).toEqual({ scope: "organization", orgId: a.orgId });

    await expectNoAgent(a.c, "helper");
    expect(await getAgent(b.c, "helper")).toEqual(b.agent);
    expect(withoutExportedAt(expectOk(await control().exportState({ org: b.orgId })))).toEqual(bBefore);
  });

  it("resets only the organization of the caller's X-API-Key when no org is given", async () => {
    const a = await orgWithAgent("resetKeyA");
    const b = await orgWithAgent("resetKeyB");

    const res = await control().reset({}, { "X-API-Key": a.c.apiKey });
    expect(expectOk(res).data).toEqual({ scope: "organization", orgId: a.orgId });

    await expectNoAgent(a.c, "helper");
    expect(await getAgent(b.c, "helper")).toEqual(b.agent);
  });

  it("prefers ?org= over X-API-Key when both are sent", async () => {
    const a = await orgWithAgent("resetBothA");
    const b = await orgWithAgent("resetBothB");

    const res = await control().reset({ org: b.orgId }, { "X-API-Key": a.c.apiKey });
    expect(expectOk(res).data).toEqual({ scope: "organization", orgId: b.orgId });

    expect(await getAgent(a.c, "helper")).toEqual(a.agent);
    await expectNoAgent(b.c, "helper");
  });

  it("starts a reset organization again as if new: only its personal workspace reappears on its next request", async () => {
    const a = await orgWithAgent("resetFresh");
    expect((await a.c.post("/v1/workspaces", { name: "Data" })).status).toBe(201);

    expectOk(await control().reset({ org: a.orgId }));

    const workspaces = await a.c.get<{ data: { workspaces: Workspace[] } }>("/v1/workspaces");
    expect(workspaces.status).toBe(200);
    expect(workspaces.body.data.workspaces.map((w) => [w.slug, w.isPersonal])).toEqual([["personal", true]]);
    expect((await a.c.get<{ data: Agent[] }>("/v1/agents")).body.data).toEqual([]);
  });

  it("succeeds and changes nothing for an organization that has no state", async () => {
    const a = await orgWithAgent("resetNone");
    const before = await exportAll();
    const res = await control().reset({ org: "0b0b0b0b-1c1c-4d2d-8e3e-4f4f4f4f4f4f" });
    expect(expectOk(res).data).toEqual({ scope: "organization", orgId: "0b0b0b0b-1c1c-4d2d-8e3e-4f4f4f4f4f4f" });
    expect(await exportAll()).toEqual(before);
    expect(await getAgent(a.c, "helper")).toEqual(a.agent);
  });

  it("answers 400 at /query/org for a malformed org, and resets nothing", async () => {
    const a = await orgWithAgent("resetBadOrg");
    const res = await control().reset({ org: "not-a-uuid" });
    expectControlBadRequest(res, "/query/org");
    expect(await getAgent(a.c, "helper")).toEqual(a.agent);
  });

  it("answers 401 invalid_token for a malformed X-API-Key, and resets nothing", async () => {
    const a = await orgWithAgent("resetBadKey");
    const res = await control().reset({}, { "X-API-Key": "not-a-runtools-key" });
    expectControlError(res, 401, "invalid_token");
    expect(await getAgent(a.c, "helper")).toEqual(a.agent);
  });
});

describe("GET /__mock/state", () => {
  it("exports every organization as a StateDocument holding the resources the public API shows", async () => {
    const a = await orgWithAgent("exportAllA", "alpha");
    const b = await orgWithAgent("exportAllB", "beta");

    const document = expectOk(await control().exportState());
    expect(document.format).toBe("runtools-mock/state");
    expect(document.version).toBe(1);
    expect(Number.isNaN(Date.parse(document.exportedAt))).toBe(false);
    expect(document.organizations.map((o) => o.id).sort()).toEqual([a.orgId, b.orgId].sort());
    const orgA = document.organizations.find((o) => o.id === a.orgId);
    expect(orgA?.agents).toEqual([a.agent]);
    expect(orgA?.workspaces.map((w) => w.slug)).toEqual(["personal"]);
    expect(document.organizations.find((o) => o.id === b.orgId)?.agents).toEqual([b.agent]);
  });

  it("exports one organization by ?org= or by the X-API-Key, the same document both ways", async () => {
    const a = await orgWithAgent("exportOneA");
    await orgWithAgent("exportOneB");

    const byOrg = expectOk(await control().exportState({ org: a.orgId }));
    const byKey = expectOk(await control().exportState({}, { "X-API-Key": a.c.apiKey }));
    expect(byOrg.organizations.map((o) => o.id)).toEqual([a.orgId]);
    expect(byOrg.organizations[0]?.agents).toEqual([a.agent]);
    expect(withoutExportedAt(byKey)).toEqual(withoutExportedAt(byOrg));
  });

  it("exports an organization without state as no entry", async () => {
    await orgWithAgent("exportEmpty");
    const document = expectOk(await control().exportState({ org: "5d2a8e7f-1b3c-4d6e-9f0a-2b4c6d8e0f1a" }));
    expect(document.organizations).toEqual([]);
  });

  it("answers 400 at /query/org for a malformed org", async () => {
    expectControlBadRequest(await control().exportState({ org: "42" }), "/query/org");
  });
});

describe("PUT /__mock/state", () => {
  it("round-trips: export, reset, import gives back the same agent, sandbox, workspace and thread, and versions continue", async () => {
    const c = client("roundTrip");
    const { sandbox } = await seedOrg(c);
    const created = await c.post<{ data: Workspace }>("/v1/workspaces", { name: "Data Sets" });
    expect(created.status).toBe(201);
    const { result: run } = await runJson(c, { agent: "code-assistant", prompt: "hello" });

    const read = async () => ({
      agent: (await c.get<{ data: Agent }>("/v1/agents/code-assistant")).body.data,
      sandbox: (await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`)).body.data,
      workspace: (await c.get<{ data: Workspace }>(`/v1/workspaces/${created.body.data.id}`)).body.data,
      thread: (await c.get(`/v1/threads/${run.threadId}`)).body.data,
      runs: (await c.get("/v1/run?limit=500")).body.data,
    });
    const before = await read();
    expect(before.agent.version).toBe(1);
    expect(before.sandbox.status).toBe("running");
    expect(before.thread.events.length).toBeGreaterThan(0);
    expect(before.runs.map((r: { id: string }) => r.id)).toEqual([run.runId]);

    const document = expectOk(await control().exportState());
    expectOk(await control().reset());
    await expectNoAgent(c, "code-assistant");

    const imported = await control().importState(document);
    expect(expectOk(imported).data).toEqual({ mode: "replace", organizations: document.organizations.length });

    expect(await read()).toEqual(before);
    expect(withoutExportedAt(expectOk(await control().exportState()))).toEqual(withoutExportedAt(document));

    // The imported agent's version continues: the next upsert is version 2.
    const upsert = await c.post<{ data: AgentUpsertResult }>("/v1/agents", { ...SEED_BODY, name: "Code Assistant 2" });
    expect(upsert.status, JSON.stringify(upsert.body)).toBe(200);
    expect(upsert.body.data).toMatchObject({ action: "updated", version: before.agent.version + 1, id: before.agent.id });
  });

  it("replaces the whole state by default: organizations the document does not list lose their state", async () => {
    const a = await orgWithAgent("replaceA");
    const b = await orgWithAgent("replaceB");
    const onlyA = expectOk(await control().exportState({ org: a.orgId }));

    expect(expectOk(await control().importState(onlyA)).data).toEqual({ mode: "replace", organizations: 1 });

    expect(withoutExportedAt(expectOk(await control().exportState()))).toEqual(withoutExportedAt(onlyA));
    expect(await getAgent(a.c, "helper")).toEqual(a.agent);
    await expectNoAgent(b.c, "helper");
  });

  it("merges with ?mode=merge: the document's organizations are replaced, the others stay", async () => {
    const a = await orgWithAgent("mergeA");
    const b = await orgWithAgent("mergeB");
    const snapshotA = expectOk(await control().exportState({ org: a.orgId }));
    // A changes after the snapshot; B is never in the document.
    expect((await upsertManaged(a.c, "extra")).status).toBe(201);
    const bBefore = withoutExportedAt(expectOk(await control().exportState({ org: b.orgId })));

    expect(expectOk(await control().importState(snapshotA, "merge")).data).toEqual({ mode: "merge", organizations: 1 });

    expect(await getAgent(a.c, "helper")).toEqual(a.agent);
    await expectNoAgent(a.c, "extra");
    expect(await getAgent(b.c, "helper")).toEqual(b.agent);
    expect(withoutExportedAt(expectOk(await control().exportState({ org: b.orgId })))).toEqual(bBefore);
  });

  it("imports a hand-written document for a new organization, which its key then sees", async () => {
    const c = client("handWritten");
    // A read stores no organization (docs/input-rules.md): a write does.
    expect((await c.post("/v1/workspaces", { name: "Scratch" })).status).toBe(201);
    const orgId = await orgIdOf(control(), c);
    const base = expectOk(await control().exportState({ org: orgId }));
    expectOk(await control().reset());
    const personal = base.organizations[0]?.workspaces[0];
    expect(personal?.isPersonal).toBe(true);
    const document = {
      format: "runtools-mock/state",
      version: 1,
      exportedAt: "2026-11-29T09:00:00.000Z",
      organizations: [{ id: orgId, workspaces: [personal], sandboxes: [], agents: [], threads: [], runs: [] }],
    };
    expect(expectOk(await control().importState(document)).data).toEqual({ mode: "replace", organizations: 1 });
    const workspaces = await c.get<{ data: { workspaces: Workspace[] } }>("/v1/workspaces");
    expect(workspaces.body.data.workspaces).toEqual([personal]);
  });

  describe("an invalid document is refused with 400, details under /body, and nothing changes", () => {
    /**
     * Organization A (agents helper and second) and a bystander B; the document is A's export with
     * helper renamed, so that a replace would drop B and a merge would rename helper: either shows.
     */
    async function setup(label: string) {
      const a = await orgWithAgent(`${label}A`);
      expect((await upsertManaged(a.c, "second")).status).toBe(201);
      const b = await orgWithAgent(`${label}B`);
      const document = structuredClone(expectOk(await control().exportState({ org: a.orgId }))) as any;
      expect(document.organizations[0].agents.map((x: Agent) => x.slug)).toEqual(["helper", "second"]);
      document.organizations[0].agents[0].name = "Renamed in the document";
      return { a, b, document, before: await exportAll() };
    }

    const cases: { name: string; mutate: (doc: any) => void; pointer: (paths: string[]) => void; bug?: true }[] = [
      {
        name: "a document of another version",
        mutate: (doc) => {
          doc.version = 2;
        },
        pointer: (paths) => expect(paths).toContain("/body/version"),
      },
      {
        name: "an agent whose slug violates the public Agent schema (\"Bad Slug\")",
        mutate: (doc) => {
          doc.organizations[0].agents[1].slug = "Bad Slug";
        },
        pointer: (paths) => expect(paths).toContain("/body/organizations/0/agents/1/slug"),
      },
      {
        name: "two agents with the same id",
        mutate: (doc) => {
          doc.organizations[0].agents[1].id = doc.organizations[0].agents[0].id;
        },
        pointer: (paths) => expect(paths.some((p) => p.startsWith("/body/organizations/0"))).toBe(true),
        // BUG: PUT /__mock/state with an organization whose two agents share one `id` (the exported
        // document of an org with agents helper and second, agents[1].id set to agents[0].id)
        // answers 200 {"mode":"replace","organizations":1} and replaces the state; spec/control.yaml
        // importState requires "ids unique within the document" → expected 400 with a detail under
        // /body/organizations/0 and the state unchanged.
      },
      {
        name: "two workspaces with the same id",
        mutate: (doc) => {
          const [personal] = doc.organizations[0].workspaces;
          doc.organizations[0].workspaces.push({ ...personal, slug: "copy", name: "Copy", isPersonal: false });
        },
        pointer: (paths) => expect(paths.some((p) => p.startsWith("/body/organizations/0"))).toBe(true),
      },
      {
        name: "the same organization listed twice",
        mutate: (doc) => {
          doc.organizations.push(structuredClone(doc.organizations[0]));
        },
        pointer: (paths) => expect(paths.some((p) => p.startsWith("/body/organizations/"))).toBe(true),
      },
      {
        name: "an agent whose orgId is another organization's",
        mutate: (doc) => {
          doc.organizations[0].agents[0].orgId = "5d2a8e7f-1b3c-4d6e-9f0a-2b4c6d8e0f1a";
        },
        pointer: (paths) => expect(paths).toContain("/body/organizations/0/agents/0/orgId"),
      },
      {
        name: "an unknown field in an organization (the format is closed)",
        mutate: (doc) => {
          doc.organizations[0].webhooks = [];
        },
        pointer: (paths) => expect(paths.some((p) => p.startsWith("/body/organizations/0"))).toBe(true),
      },
    ];

    cases.forEach(({ name, mutate, pointer, bug }, index) => {
      (bug ? it.skip : it)(`refuses ${name}`, async () => {
        const { a, b, document, before } = await setup(`bad${index}`);
        mutate(document);

        for (const mode of [undefined, "merge"] as const) {
          const res = await control().importState(document, mode);
          const paths = expectControlBadRequest(res);
          expect(paths.length).toBeGreaterThan(0);
          for (const path of paths) expect(path).toMatch(/^\/body(\/|$)/);
          pointer(paths);
          expect(await exportAll()).toEqual(before);
        }
        expect(await getAgent(a.c, "helper")).toEqual(a.agent);
        expect(await getAgent(b.c, "helper")).toEqual(b.agent);
      });
    });
  });

  it("answers 413 for a body over 16 MiB, and nothing changes", async () => {
    await orgWithAgent("tooLarge");
    const before = await exportAll();
    const padding = "x".repeat(16 * 1024 * 1024 + 16);
    const res = await control().request("PUT", "/__mock/state", {
      rawBody: JSON.stringify({ format: "runtools-mock/state", version: 1, exportedAt: "2026-11-29T09:00:00.000Z", organizations: [], padding }),
      headers: { "Content-Type": "application/json" },
    });
    expectControlError(res, 413, "payload_too_large");
    expect(await exportAll()).toEqual(before);
  });

  it("answers 415 for a body that is not application/json, and nothing changes", async () => {
    await orgWithAgent("notJson");
    const before = await exportAll();
    const res = await control().request("PUT", "/__mock/state", {
      rawBody: JSON.stringify({ format: "runtools-mock/state", version: 1, exportedAt: "2026-11-29T09:00:00.000Z", organizations: [] }),
      headers: { "Content-Type": "text/plain" },
    });
    expectControlError(res, 415, "unsupported_media_type");
    expect(await exportAll()).toEqual(before);
  });

  it("answers 400 at /body for malformed JSON, and nothing changes", async () => {
    await orgWithAgent("malformed");
    const before = await exportAll();
    const res = await control().request("PUT", "/__mock/state", { rawBody: '{"format": ', headers: { "Content-Type": "application/json" } });
    expectControlBadRequest(res, "/body");
    expect(await exportAll()).toEqual(before);
  });
});
