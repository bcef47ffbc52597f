/**
 * AgentStore without HTTP (issue 2, "Agents"; reference Part A "agents upsert", "agent rules").
 * Inputs carry the spec defaults the request validator would fill in (model, executionMode,
 * visibility), so each test states them through `upsertInput`.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Agent, AgentUpsertRequest, SandboxCreateRequest } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { AgentStore, type AgentActor } from "./agents.store.ts";
import { SandboxStore } from "../sandboxes/sandboxes.store.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { apiErrorOf, CountingIds, ManualClock, START } from "../common/test-support.ts";

const agentSchema = compileValidators(loadSpec()).component("Agent");

const actor: AgentActor = { orgId: "11111111-1111-4111-8111-111111111111", userId: "22222222-2222-4222-8222-222222222222" };

/** An upsert body as the request validator hands it over: spec defaults filled in. */
function upsertInput(fields: Partial<AgentUpsertRequest> & { slug: string }): AgentUpsertRequest {
  return { model: "claude-sonnet-4", executionMode: "in_sandbox", visibility: "private", ...fields };
}

/** A sandbox create body with the spec defaults filled in. */
function sandboxInput(name: string): SandboxCreateRequest {
  return { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], name };
}

let clock: ManualClock;
let sandboxes: SandboxStore;
let agents: AgentStore;
/** The sandbox `build-runner`, created before each test. */
let runnerId: string;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  const workspaces = new WorkspaceStore({ clock, ids });
  sandboxes = new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces });
  agents = new AgentStore({ clock, ids, sandboxes, workspaces });
  runnerId = sandboxes.create(sandboxInput("build-runner")).id;
  clock.nextRequest();
});

describe("AgentStore.upsert", () => {
  it("answers version 1 and action created on the first upsert, with every default filled in", () => {
    const { action, agent } = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    expect(action).toBe("created");
    expect(agent).toEqual<Agent>({
      id: "agt_0000000000000001",
      orgId: actor.orgId,
      slug: "code-reviewer",
      name: "code-reviewer",
      description: null,
      color: null,
      avatarSeed: null,
      avatarImageUrl: null,
      model: "claude-sonnet-4",
      executionMode: "in_sandbox",
      visibility: "private",
      status: "draft",
      systemPrompt: null,
      toolsJson: [],
      sandboxId: runnerId,
      sandboxSlug: "build-runner",
      targetDeviceId: null,
      configJson: {},
      providerOptions: {},
      envJson: {},
      attachedResources: [],
      version: 1,
      createdBy: actor.userId,
      ownerUserId: actor.userId,
      ownerDisplayName: null,
      ownerEmail: null,
      createdAt: START,
      updatedAt: START,
    });
    expect(agentSchema(agent)).toEqual([]);
  });

  it("answers updated, version + 1 and the same id on each later upsert, keeping createdAt", () => {
    const first = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    clock.advance(1_000);
    const second = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    clock.advance(1_000);
    const third = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    expect([second.action, third.action]).toEqual(["updated", "updated"]);
    expect([first.agent.version, second.agent.version, third.agent.version]).toEqual([1, 2, 3]);
    expect(third.agent.id).toBe(first.agent.id);
    expect(third.agent.createdAt).toBe(START);
    expect(third.agent.updatedAt).toBe("2026-01-01T00:00:02.000Z");
    expect(agents.get("code-reviewer").version).toBe(3);
  });

  it("replaces the whole definition on upsert: an omitted field returns to its default and the name to the slug", () => {
    agents.upsert(
      upsertInput({
        slug: "code-reviewer",
        sandbox: "build-runner",
        name: "Code Reviewer",
        description: "Reviews pull requests",
        model: "gpt-5",
        visibility: "org",
        systemPrompt: "Be terse.",
        tools: ["bash", { name: "github", scope: "repo" }],
        env: { GITHUB_TOKEN: "{{secrets.GITHUB_TOKEN}}" },
        maxIterations: 20,
        temperature: 0.3,
        stopSequences: ["END"],
        color: "#ff0000",
        avatarSeed: "seed-1",
        providerOptions: { reasoning: { effort: "high" } },
      }),
      actor,
    );
    const created = agents.get("code-reviewer");
    expect(created).toMatchObject({
      name: "Code Reviewer",
      description: "Reviews pull requests",
      model: "gpt-5",
      visibility: "org",
      systemPrompt: "Be terse.",
      toolsJson: ["bash", { name: "github", scope: "repo" }],
      envJson: { GITHUB_TOKEN: "{{secrets.GITHUB_TOKEN}}" },
      configJson: { maxIterations: 20, temperature: 0.3, stopSequences: ["END"] },
      color: "#ff0000",
      avatarSeed: "seed-1",
      providerOptions: { reasoning: { effort: "high" } },
    });

    const { agent } = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    expect(agent).toMatchObject({
      name: "code-reviewer",
      description: null,
      model: "claude-sonnet-4",
      visibility: "private",
      systemPrompt: null,
      toolsJson: [],
      envJson: {},
      configJson: {},
      color: null,
      avatarSeed: null,
      providerOptions: {},
      version: 2,
    });
    expect(agents.get("code-reviewer")).toEqual(agent);
  });

  it("resolves a sandbox named by id into sandboxId and sandboxSlug", () => {
    const { agent } = agents.upsert(upsertInput({ slug: "by-id", sandbox: runnerId }), actor);
    expect([agent.sandboxId, agent.sandboxSlug]).toEqual([runnerId, "build-runner"]);
  });

  it("resolves a sandbox named by name into sandboxId and sandboxSlug", () => {
    const { agent } = agents.upsert(upsertInput({ slug: "by-name", sandbox: "build-runner" }), actor);
    expect([agent.sandboxId, agent.sandboxSlug]).toEqual([runnerId, "build-runner"]);
  });

  it("answers not_found for an unknown sandbox and creates nothing", () => {
    const error = apiErrorOf(() => agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "no-such-box" }), actor));
    expect(error.code).toBe("not_found");
    expect(error.status).toBe(404);
    expect(error.message).toBe("Sandbox 'no-such-box' not found");
    expect(apiErrorOf(() => agents.get("code-reviewer")).code).toBe("not_found");
    expect(agents.list(100).items).toEqual([]);
    // The slug is still new: the next valid upsert creates it at version 1.
    const next = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    expect([next.action, next.agent.version]).toEqual(["created", 1]);
  });

  it("answers not_found for an unknown sandbox on an existing slug and changes neither version nor fields", () => {
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner", description: "v1" }), actor);
    const before = agents.get("code-reviewer");
    clock.advance(5_000);
    const error = apiErrorOf(() =>
      agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "no-such-box", description: "v2", model: "gpt-5" }), actor),
    );
    expect(error.code).toBe("not_found");
    const after = agents.get("code-reviewer");
    expect(after).toEqual(before);
    expect([after.version, after.description, after.model, after.updatedAt]).toEqual([1, "v1", "claude-sonnet-4", START]);
  });

  it("refuses to name a destroyed sandbox, by id or by name", () => {
    sandboxes.delete("build-runner");
    expect(apiErrorOf(() => agents.upsert(upsertInput({ slug: "a", sandbox: "build-runner" }), actor)).code).toBe("not_found");
    expect(apiErrorOf(() => agents.upsert(upsertInput({ slug: "a", sandbox: runnerId }), actor)).code).toBe("not_found");
  });

  it("answers bad_request at /body/sandbox for an in_sandbox agent without a sandbox", () => {
    const error = apiErrorOf(() => agents.upsert(upsertInput({ slug: "code-reviewer" }), actor));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/body/sandbox"]);
  });

  it("answers bad_request at /body/targetDeviceId for a local-mac agent without a target device", () => {
    const error = apiErrorOf(() => agents.upsert(upsertInput({ slug: "mac-agent", executionMode: "local-mac" }), actor));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/body/targetDeviceId"]);
  });

  it("answers bad_request at /body/sandbox for a local-mac agent that names a sandbox", () => {
    const error = apiErrorOf(() =>
      agents.upsert(upsertInput({ slug: "mac-agent", executionMode: "local-mac", targetDeviceId: "dev-1", sandbox: "build-runner" }), actor),
    );
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/body/sandbox"]);
    expect(apiErrorOf(() => agents.get("mac-agent")).code).toBe("not_found");
  });

  it("accepts a local-mac agent with a target device and no sandbox", () => {
    const { agent } = agents.upsert(upsertInput({ slug: "mac-agent", executionMode: "local-mac", targetDeviceId: "dev-1" }), actor);
    expect(agent).toMatchObject({ executionMode: "local-mac", targetDeviceId: "dev-1", sandboxId: null, sandboxSlug: null, version: 1 });
  });

  it("accepts a managed agent without a sandbox", () => {
    const { action, agent } = agents.upsert(upsertInput({ slug: "managed-agent", executionMode: "managed" }), actor);
    expect(action).toBe("created");
    expect(agent).toMatchObject({ executionMode: "managed", sandboxId: null, sandboxSlug: null, targetDeviceId: null });
  });

  it.each<[string, Partial<AgentUpsertRequest>]>([
    ["an unknown sandbox", { sandbox: "no-such-box" }],
    ["in_sandbox without a sandbox", {}],
    ["local-mac without a target device", { executionMode: "local-mac" }],
    ["local-mac with a sandbox", { executionMode: "local-mac", targetDeviceId: "dev-1", sandbox: "build-runner" }],
  ])("leaves an existing slug exactly as it was after a rejected upsert (%s)", (_case, fields) => {
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner", description: "kept", maxTokens: 1000 }), actor);
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner", description: "kept", maxTokens: 1000 }), actor);
    const before = agents.get("code-reviewer");
    clock.advance(60_000);
    expect(() => agents.upsert(upsertInput({ slug: "code-reviewer", name: "changed", ...fields }), actor)).toThrow();
    expect(agents.get("code-reviewer")).toEqual(before);
    expect(agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor).agent.version).toBe(3);
  });

  it("gives versions exactly 1..200 to 200 upserts of one slug, one created and the rest updated", () => {
    const results = Array.from({ length: 200 }, () => agents.upsert(upsertInput({ slug: "busy", sandbox: "build-runner" }), actor));
    expect(results.map((r) => r.agent.version)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(results.filter((r) => r.action === "created")).toHaveLength(1);
    expect(results[0]?.action).toBe("created");
    expect(new Set(results.map((r) => r.agent.id)).size).toBe(1);
    expect(agents.get("busy").version).toBe(200);
  });

  it("keeps its own copy of the input: mutating the request afterwards changes nothing", () => {
    const input = upsertInput({
      slug: "code-reviewer",
      sandbox: "build-runner",
      tools: ["bash"],
      env: { A: "1" },
      stopSequences: ["END"],
      providerOptions: { nested: { x: 1 } },
    });
    agents.upsert(input, actor);
    input.tools?.push("git");
    if (input.env) input.env.A = "2";
    input.stopSequences?.push("STOP");
    (input.providerOptions?.nested as { x: number }).x = 2;
    expect(agents.get("code-reviewer")).toMatchObject({
      toolsJson: ["bash"],
      envJson: { A: "1" },
      configJson: { stopSequences: ["END"] },
      providerOptions: { nested: { x: 1 } },
    });
  });

  it("stores env values of every documented type as given, a secret reference as {secret: NAME} upper-cased, never a value", () => {
    const env = { PORT: 3000, DEBUG: true, REGION: "eu", TOKEN: { secret: "gh-token" }, API: { secret: "API_KEY", note: "dropped" } } as NonNullable<AgentUpsertRequest["env"]>;
    agents.upsert(upsertInput({ slug: "env-agent", sandbox: "build-runner", env }), actor);
    const expected = { PORT: 3000, DEBUG: true, REGION: "eu", TOKEN: { secret: "GH_TOKEN" }, API: { secret: "API_KEY" } };
    expect(agents.get("env-agent").envJson).toEqual(expected);
    expect(agentSchema(agents.get("env-agent"))).toEqual([]);
    const patched = agents.patch("env-agent", { env: { DB: { secret: "db.url" } } });
    expect(patched.envJson).toEqual({ DB: { secret: "DB_URL" } });
  });

  it("answers the stored record frozen: changing it through the answer throws and changes nothing", () => {
    const { agent } = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner", tools: ["bash"] }), actor);
    const writable = agent as Agent;
    expect(() => (writable.version = 99)).toThrow(TypeError);
    expect(() => (writable.name = "mutated")).toThrow(TypeError);
    expect(() => writable.toolsJson.push("git")).toThrow(TypeError);
    expect(agents.get("code-reviewer")).toMatchObject({ version: 1, name: "code-reviewer", toolsJson: ["bash"] });
  });

  it("keeps what a reader holds: a later upsert stores a new record and leaves the old answer as it was", () => {
    const first = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner", tools: ["bash"] }), actor).agent;
    const held = agents.get("code-reviewer");
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner", tools: ["git"] }), actor);
    expect(held).toBe(first);
    expect(held).toMatchObject({ version: 1, toolsJson: ["bash"] });
    expect(agents.get("code-reviewer")).toMatchObject({ version: 2, toolsJson: ["git"] });
  });
});

describe("AgentStore.get", () => {
  it("answers not_found for an unknown slug", () => {
    const error = apiErrorOf(() => agents.get("nobody"));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("Agent 'nobody' not found");
  });

  it("answers the stored record frozen all the way down: nested changes throw and change nothing", () => {
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner", env: { A: "1" } }), actor);
    const held = agents.get("code-reviewer") as Agent;
    expect(() => (held.envJson.A = "2")).toThrow(TypeError);
    expect(() => (held.configJson.maxTokens = 5)).toThrow(TypeError);
    expect(() => (held.sandboxId = null)).toThrow(TypeError);
    expect(agents.get("code-reviewer")).toMatchObject({ envJson: { A: "1" }, configJson: {}, sandboxId: runnerId });
  });
});

describe("AgentStore.patch", () => {
  beforeEach(() => {
    agents.upsert(
      upsertInput({ slug: "code-reviewer", sandbox: "build-runner", name: "Reviewer", description: "old", maxIterations: 10, temperature: 0.5 }),
      actor,
    );
    clock.advance(1_000);
  });

  it("merges the given fields, keeps the others and adds 1 to the version", () => {
    const patched = agents.patch("code-reviewer", { systemPrompt: "Be terse.", temperature: 1 });
    expect(patched).toMatchObject({
      name: "Reviewer",
      description: "old",
      systemPrompt: "Be terse.",
      sandboxId: runnerId,
      sandboxSlug: "build-runner",
      configJson: { maxIterations: 10, temperature: 1 },
      version: 2,
      createdAt: START,
      updatedAt: "2026-01-01T00:00:01.000Z",
    });
    expect(agents.get("code-reviewer")).toEqual(patched);
    expect(agentSchema(patched)).toEqual([]);
    expect(agents.patch("code-reviewer", { name: "Again" }).version).toBe(3);
  });

  it("keeps the id and slug", () => {
    const before = agents.get("code-reviewer");
    const patched = agents.patch("code-reviewer", { model: "gpt-5" });
    expect([patched.id, patched.slug, patched.model]).toEqual([before.id, "code-reviewer", "gpt-5"]);
  });

  it("clears the description with null", () => {
    expect(agents.patch("code-reviewer", { description: null }).description).toBeNull();
  });

  it("clears the sandbox with null when the mode allows it", () => {
    const patched = agents.patch("code-reviewer", { executionMode: "managed", sandbox: null });
    expect(patched).toMatchObject({ executionMode: "managed", sandboxId: null, sandboxSlug: null, version: 2 });
  });

  it("clears the target device with null", () => {
    agents.upsert(upsertInput({ slug: "mac-agent", executionMode: "local-mac", targetDeviceId: "dev-1" }), actor);
    const patched = agents.patch("mac-agent", { executionMode: "in_sandbox", sandbox: "build-runner", targetDeviceId: null });
    expect(patched).toMatchObject({ executionMode: "in_sandbox", targetDeviceId: null, sandboxId: runnerId, version: 2 });
  });

  it("links a sandbox given by id or name", () => {
    const other = sandboxes.create(sandboxInput("other-box"));
    expect(agents.patch("code-reviewer", { sandbox: "other-box" })).toMatchObject({ sandboxId: other.id, sandboxSlug: "other-box" });
    expect(agents.patch("code-reviewer", { sandbox: runnerId })).toMatchObject({ sandboxId: runnerId, sandboxSlug: "build-runner" });
  });

  it("answers bad_request at /body/sandbox when clearing the sandbox of an in_sandbox agent, and changes nothing", () => {
    const before = agents.get("code-reviewer");
    const error = apiErrorOf(() => agents.patch("code-reviewer", { sandbox: null, name: "changed" }));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/body/sandbox"]);
    expect(agents.get("code-reviewer")).toEqual(before);
  });

  it("re-checks the rules on the merged result: switching to local-mac while keeping the sandbox is rejected", () => {
    const before = agents.get("code-reviewer");
    const error = apiErrorOf(() => agents.patch("code-reviewer", { executionMode: "local-mac", targetDeviceId: "dev-1" }));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/body/sandbox"]);
    expect(agents.get("code-reviewer")).toEqual(before);
  });

  it("switches to local-mac when the sandbox is cleared with null in the same patch", () => {
    const patched = agents.patch("code-reviewer", { executionMode: "local-mac", targetDeviceId: "dev-1", sandbox: null });
    expect(patched).toMatchObject({ executionMode: "local-mac", targetDeviceId: "dev-1", sandboxId: null, sandboxSlug: null, version: 2 });
  });

  it("answers bad_request at /body/targetDeviceId when switching to local-mac without a target device", () => {
    const error = apiErrorOf(() => agents.patch("code-reviewer", { executionMode: "local-mac", sandbox: null }));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/body/targetDeviceId"]);
    expect(agents.get("code-reviewer").executionMode).toBe("in_sandbox");
  });

  it("answers not_found for an unknown sandbox and changes nothing", () => {
    const before = agents.get("code-reviewer");
    const error = apiErrorOf(() => agents.patch("code-reviewer", { sandbox: "no-such-box", description: "new" }));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("Sandbox 'no-such-box' not found");
    expect(agents.get("code-reviewer")).toEqual(before);
  });

  it("answers bad_request at /body/slug when the body's slug differs from the path's, and changes nothing", () => {
    const before = agents.get("code-reviewer");
    const error = apiErrorOf(() => agents.patch("code-reviewer", { slug: "renamed", name: "x" }));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/body/slug"]);
    expect(agents.get("code-reviewer")).toEqual(before);
    expect(apiErrorOf(() => agents.get("renamed")).code).toBe("not_found");
  });

  it("accepts a body slug equal to the path's slug", () => {
    expect(agents.patch("code-reviewer", { slug: "code-reviewer", name: "Same" })).toMatchObject({ slug: "code-reviewer", name: "Same", version: 2 });
  });

  it("answers not_found for an unknown slug", () => {
    const error = apiErrorOf(() => agents.patch("nobody", { name: "x" }));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("Agent 'nobody' not found");
  });

  it("keeps the link to a since-deleted sandbox when the patch does not send sandbox", () => {
    sandboxes.delete("build-runner");
    const patched = agents.patch("code-reviewer", { description: "still linked" });
    expect(patched).toMatchObject({ sandboxId: runnerId, sandboxSlug: "build-runner", description: "still linked", version: 2 });
  });

  it("answers not_found when the patch names a since-deleted sandbox again", () => {
    sandboxes.delete("build-runner");
    expect(apiErrorOf(() => agents.patch("code-reviewer", { sandbox: "build-runner" })).code).toBe("not_found");
    expect(agents.get("code-reviewer").version).toBe(1);
  });

  it("keeps its own copy of the patch: mutating the request afterwards changes nothing", () => {
    const patch = { tools: ["bash"], env: { A: "1" }, stopSequences: ["END"], providerOptions: { nested: { x: 1 } } };
    agents.patch("code-reviewer", patch);
    patch.tools.push("git");
    patch.env.A = "2";
    patch.stopSequences.push("STOP");
    patch.providerOptions.nested.x = 2;
    expect(agents.get("code-reviewer")).toMatchObject({
      toolsJson: ["bash"],
      envJson: { A: "1" },
      configJson: { stopSequences: ["END"] },
      providerOptions: { nested: { x: 1 } },
    });
  });

  it("answers the stored record frozen: changing it through the answer throws and changes nothing", () => {
    const patched = agents.patch("code-reviewer", { name: "Patched" }) as Agent;
    expect(() => (patched.name = "mutated")).toThrow(TypeError);
    expect(() => (patched.configJson.maxIterations = 99)).toThrow(TypeError);
    expect(agents.get("code-reviewer")).toMatchObject({ name: "Patched", configJson: { maxIterations: 10 } });
  });
});

describe("AgentStore.delete", () => {
  it("answers the deleted agent's id and forgets the slug", () => {
    const { agent } = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    expect(agents.delete("code-reviewer")).toEqual({ id: agent.id });
    expect(apiErrorOf(() => agents.get("code-reviewer")).code).toBe("not_found");
    expect(agents.list(100).items).toEqual([]);
  });

  it("answers not_found for an unknown slug and for a second delete", () => {
    expect(apiErrorOf(() => agents.delete("nobody")).code).toBe("not_found");
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    agents.delete("code-reviewer");
    expect(apiErrorOf(() => agents.delete("code-reviewer")).code).toBe("not_found");
  });

  it("lets a later upsert create the slug afresh: created, version 1, a new id", () => {
    const first = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    agents.delete("code-reviewer");
    clock.advance(1_000);
    const again = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    expect(again.action).toBe("created");
    expect(again.agent.version).toBe(1);
    expect(again.agent.id).not.toBe(first.agent.id);
    expect(again.agent.createdAt).toBe("2026-01-01T00:00:01.000Z");
  });

  it("forgets the id too: the old id no longer resolves, the new one does", () => {
    const first = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor).agent;
    expect(agents.resolve(first.id).slug).toBe("code-reviewer");
    agents.delete("code-reviewer");
    expect(agents.find(first.id)).toBeUndefined();
    const again = agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor).agent;
    expect(agents.find(first.id)).toBeUndefined();
    expect(agents.resolve(again.id).version).toBe(1);
  });

  it("does not touch the sandbox the agent used", () => {
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    agents.delete("code-reviewer");
    expect(sandboxes.get("build-runner").status).toBe("running");
  });
});

describe("AgentStore.list", () => {
  const upsert = (slug: string) => agents.upsert(upsertInput({ slug, sandbox: "build-runner" }), actor);

  it("answers agents in creation order; an update does not move an agent", () => {
    upsert("charlie");
    upsert("alpha");
    upsert("bravo");
    upsert("charlie");
    const page = agents.list(100);
    expect(page.items.map((a) => a.slug)).toEqual(["charlie", "alpha", "bravo"]);
    expect(page.items.map((a) => a.version)).toEqual([2, 1, 1]);
    expect([page.hasMore, page.nextCursor]).toEqual([false, null]);
    for (const agent of page.items) expect(agentSchema(agent)).toEqual([]);
  });

  it("puts a slug deleted and upserted again at the end", () => {
    upsert("a");
    upsert("b");
    upsert("c");
    agents.delete("a");
    upsert("a");
    expect(agents.list(100).items.map((x) => x.slug)).toEqual(["b", "c", "a"]);
  });

  it("pages with limit and cursor, with hasMore and a null nextCursor on the last page", () => {
    for (const slug of ["a", "b", "c", "d", "e"]) upsert(slug);
    const first = agents.list(2);
    expect(first.items.map((x) => x.slug)).toEqual(["a", "b"]);
    expect(first.hasMore).toBe(true);
    expect(typeof first.nextCursor).toBe("string");
    const second = agents.list(2, first.nextCursor ?? undefined);
    expect(second.items.map((x) => x.slug)).toEqual(["c", "d"]);
    expect(second.hasMore).toBe(true);
    const third = agents.list(2, second.nextCursor ?? undefined);
    expect(third.items.map((x) => x.slug)).toEqual(["e"]);
    expect([third.hasMore, third.nextCursor]).toEqual([false, null]);
  });

  it("answers hasMore false and a null nextCursor when the page holds exactly the rest", () => {
    for (const slug of ["a", "b"]) upsert(slug);
    expect(agents.list(2)).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it("shows agents created after a cursor was issued on the later pages", () => {
    for (const slug of ["a", "b", "c"]) upsert(slug);
    const first = agents.list(2);
    upsert("d");
    const second = agents.list(2, first.nextCursor ?? undefined);
    expect(second.items.map((x) => x.slug)).toEqual(["c", "d"]);
  });

  it("answers bad_request at /query/cursor for a cursor it did not issue", () => {
    upsert("a");
    const error = apiErrorOf(() => agents.list(10, "not-a-cursor"));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/query/cursor"]);
  });

  it("lists the stored records frozen: changing one throws and changes nothing", () => {
    upsert("a");
    const [listed] = agents.list(10).items as Agent[];
    if (!listed) throw new Error("expected one agent");
    expect(() => (listed.name = "mutated")).toThrow(TypeError);
    expect(() => (listed.version = 42)).toThrow(TypeError);
    expect(agents.get("a")).toMatchObject({ name: "a", version: 1 });
  });
});

describe("AgentStore.importAll", () => {
  const exported = () => {
    agents.upsert(upsertInput({ slug: "code-reviewer", sandbox: "build-runner" }), actor);
    const all = agents.exportAll();
    agents = new AgentStore({ clock, ids: new CountingIds(), sandboxes, workspaces: new WorkspaceStore({ clock, ids: new CountingIds() }) });
    return all;
  };

  it("copies a document it does not own: the caller may go on changing it", () => {
    const given = exported();
    agents.importAll(given);
    expect(Object.isFrozen(given[0])).toBe(false);
    (given[0] as { description: string | null }).description = "changed by the caller";
    expect(agents.get("code-reviewer").description).not.toBe("changed by the caller");
  });

  it("keeps the agents of a document given away (start-up's own parse), frozen, without a copy", () => {
    const given = exported();
    agents.importAll(given, { owned: true });
    expect(Object.isFrozen(given[0])).toBe(true);
    expect(agents.get("code-reviewer")).toEqual(given[0]);
  });

  it("refuses a document whose agent ids repeat", () => {
    const given = exported();
    const twice = [given[0] as Agent, { ...(given[0] as Agent), slug: "other" }];
    expect(() => agents.importAll(twice)).toThrow("appears twice");
  });

  it("a sealed import indexes ids on the first lookup by id, and keeps the index up to date after", () => {
    const given = exported();
    const id = (given[0] as Agent).id;
    agents.importAll(given, { owned: true, sealed: true });
    expect(agents.find(id)?.slug).toBe("code-reviewer");
    agents.upsert(upsertInput({ slug: "later", sandbox: "build-runner" }), actor);
    const later = agents.get("later");
    expect(agents.find(later.id)?.slug).toBe("later");
    agents.delete("later");
    expect(agents.find(later.id)).toBeUndefined();
    expect(agents.find("code-reviewer")?.id).toBe(id);
  });
});
