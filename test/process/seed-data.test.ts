/**
 * `--data <file>` through the real command (issue 5: "`--data <file>` (JSON or YAML, same format)
 * seeds the mock at start-up; a bad file stops start-up with a message naming the file and the
 * first error"; spec/control.yaml: "With both flags, `--data` seeds only a persist file that does
 * not exist yet").
 *
 * The seed documents are not written by hand: a running mock is given state through the public API
 * and exported with GET /__mock/state, exactly as a user would make one.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, persistedDocument, runMock, startMock, stateDocumentProblems, stopAllChildren, stopMock, tempDir, type MockChild, type StateDoc } from "./child.ts";

afterEach(stopAllChildren);

const ALICE = "rt_test_seedAlice";
const BOB = "rt_test_seedBob";

interface Exported {
  /** GET /__mock/state's body, byte for byte. */
  text: string;
  doc: StateDoc;
  ids: { sandbox: string; agent: string; workspace: string; bobAgent: string; threadId: string; runId: string };
}

let exported: Exported;

/** Builds state in two organizations through the public API, and exports it. */
async function exportFromRunningMock(): Promise<Exported> {
  const mock = await startMock(["--port", "0", "--stream-delay", "0"]);
  const sandbox = await call(mock.url, "POST", "/v1/sandboxes", { key: ALICE, body: { name: "build-runner", tags: ["ci"] } });
  expect(sandbox.status).toBe(201);
  // Read back once so that it is running (the boot ends with the next request).
  expect((await call(mock.url, "GET", "/v1/sandboxes/build-runner", { key: ALICE })).json.data.status).toBe("running");
  const workspace = await call(mock.url, "POST", "/v1/workspaces", { key: ALICE, body: { name: "Team Data" } });
  expect(workspace.status).toBe(201);
  const agent = await call(mock.url, "POST", "/v1/agents", {
    key: ALICE,
    body: { slug: "code-assistant", name: "Code Assistant", executionMode: "in_sandbox", sandbox: "build-runner", tools: ["exec_command"] },
  });
  expect(agent.status).toBe(201);
  expect((await call(mock.url, "PATCH", "/v1/agents/code-assistant", { key: ALICE, body: { description: "patched" } })).json.data.version).toBe(2);
  const run = await call(mock.url, "POST", "/v1/run", { key: ALICE, body: { agent: "code-assistant", prompt: "hello", stream: false } });
  expect(run.status).toBe(200);
  const bobAgent = await call(mock.url, "POST", "/v1/agents", { key: BOB, body: { slug: "bobs-helper", executionMode: "managed" } });
  expect(bobAgent.status).toBe(201);

  const state = await call(mock.url, "GET", "/__mock/state");
  expect(state.status).toBe(200);
  expect(stateDocumentProblems(state.json)).toEqual([]);
  const doc = state.json as StateDoc;
  expect(doc.organizations).toHaveLength(2);
  expect(await stopMock(mock)).toBe(0);
  return {
    text: state.text,
    doc,
    ids: {
      sandbox: sandbox.json.data.id,
      agent: agent.json.data.id,
      workspace: workspace.json.data.id,
      bobAgent: bobAgent.json.data.id,
      threadId: run.json.data.threadId,
      runId: run.json.data.runId,
    },
  };
}

beforeAll(async () => {
  exported = await exportFromRunningMock();
}, 30_000);

/** Checks that `mock` holds the exported state: same document, same ids through the public API. */
async function expectSeeded(mock: MockChild): Promise<void> {
  const state = await call(mock.url, "GET", "/__mock/state");
  expect(stateDocumentProblems(state.json)).toEqual([]);
  expect((state.json as StateDoc).organizations).toEqual(exported.doc.organizations);

  const { ids } = exported;
  const agent = await call(mock.url, "GET", "/v1/agents/code-assistant", { key: ALICE });
  expect(agent.status).toBe(200);
  expect(agent.json.data).toMatchObject({ id: ids.agent, version: 2, description: "patched", sandboxId: ids.sandbox, sandboxSlug: "build-runner" });
  const sandbox = await call(mock.url, "GET", `/v1/sandboxes/${ids.sandbox}`, { key: ALICE });
  expect(sandbox.status).toBe(200);
  expect(sandbox.json.data).toMatchObject({ id: ids.sandbox, name: "build-runner", status: "running" });
  const workspace = await call(mock.url, "GET", `/v1/workspaces/${ids.workspace}`, { key: ALICE });
  expect(workspace.status).toBe(200);
  expect(workspace.json.data.name).toBe("Team Data");
  const thread = await call(mock.url, "GET", `/v1/threads/${ids.threadId}`, { key: ALICE });
  expect(thread.status).toBe(200);
  const runs = await call(mock.url, "GET", "/v1/run", { key: ALICE });
  expect(runs.status).toBe(200);
  expect(JSON.stringify(runs.json.data)).toContain(ids.runId);
  const bob = await call(mock.url, "GET", "/v1/agents/bobs-helper", { key: BOB });
  expect(bob.json.data.id).toBe(ids.bobAgent);
  // Organizations stay apart after seeding.
  expect((await call(mock.url, "GET", "/v1/agents/bobs-helper", { key: ALICE })).status).toBe(404);
  // The seeded mock goes on from there: an upsert of the seeded agent is its version 3.
  const upsert = await call(mock.url, "POST", "/v1/agents", { key: ALICE, body: { slug: "code-assistant", executionMode: "in_sandbox", sandbox: "build-runner" } });
  expect(upsert.json.data).toMatchObject({ id: ids.agent, action: "updated", version: 3 });
}

const seedArgs = (...extra: string[]) => ["--port", "0", "--stream-delay", "0", ...extra];

describe("--data seeds a new process", () => {
  it("from a JSON document exported by GET /__mock/state, byte for byte", async () => {
    const file = join(tempDir("data-json"), "seed.json");
    writeFileSync(file, exported.text);
    const mock = await startMock(seedArgs("--data", file));
    await expectSeeded(mock);
  });

  it("from the same document as YAML", async () => {
    const file = join(tempDir("data-yaml"), "seed.yaml");
    writeFileSync(file, stringify(exported.doc));
    expect(readFileSync(file, "utf8")).toMatch(/^format: runtools-mock\/state$/m);
    const mock = await startMock(seedArgs("--data", file));
    await expectSeeded(mock);
  });
});

describe("--data refuses a bad file at start-up", () => {
  it("stops with exit code 2 on invalid YAML, naming the file and the parse error", async () => {
    const file = join(tempDir("data-bad-yaml"), "seed.yaml");
    writeFileSync(file, "format: runtools-mock/state\norganizations: [\n  - id: x\n");
    const { code, output } = await runMock(seedArgs("--data", file));
    expect(code).toBe(2);
    expect(output).toContain(file);
    expect(output).toMatch(/line \d+/);
    expect(output).not.toContain("listening on");
  });

  it("stops with exit code 2 on valid YAML whose agent has an invalid slug, naming the file and the error's JSON pointer", async () => {
    const file = join(tempDir("data-bad-slug"), "seed.yaml");
    const doc = structuredClone(exported.doc);
    const alice = doc.organizations.findIndex((o) => o.agents.some((a) => a.slug === "code-assistant"));
    (doc.organizations[alice]?.agents[0] as { slug: string }).slug = "Not A Slug";
    writeFileSync(file, stringify(doc));
    const { code, output } = await runMock(seedArgs("--data", file));
    expect(code).toBe(2);
    expect(output).toContain(file);
    expect(output).toContain(`/organizations/${alice}/agents/0/slug`);
    expect(output).not.toContain("listening on");
  });

  it("stops with exit code 2 on a document of another format version, naming the file and /version", async () => {
    const file = join(tempDir("data-bad-version"), "seed.json");
    writeFileSync(file, JSON.stringify({ ...exported.doc, version: 2 }));
    const { code, output } = await runMock(seedArgs("--data", file));
    expect(code).toBe(2);
    expect(output).toContain(file);
    expect(output).toContain("/version");
  });

  /** A well-formed document whose second organization repeats the first one's id. */
  function duplicateOrganizations(): string {
    const doc = structuredClone(exported.doc);
    doc.organizations.push(structuredClone(doc.organizations[0] as StateDoc["organizations"][number]));
    return JSON.stringify(doc);
  }

  it("stops with exit code 2 on a schema-valid but inconsistent document (an organization listed twice)", async () => {
    const file = join(tempDir("data-dup-org"), "seed.json");
    writeFileSync(file, duplicateOrganizations());
    const { code, output } = await runMock(seedArgs("--data", file));
    expect(code).toBe(2);
    expect(output).toContain("appears twice");
    expect(output).not.toContain("listening on");
  });

  // BUG: the consistency errors of a state document (ids unique, references within the organization,
  // checked by importState in src/stateful/snapshot.ts) stop start-up, but the message names neither
  // the file nor the error's JSON pointer: only `runtools-mock: organization '<id>' appears twice`.
  // The issue ("a bad file stops start-up with a message naming the file and the first error") and
  // spec/control.yaml (`--data`) ask for both. Cause: loadInitialState (src/mock.ts) lets the
  // SnapshotError (which carries `pointer`, here /organizations/2/id) escape without the source name.
  it("names the file and the pointer of a consistency error (an organization listed twice)", async () => {
    const file = join(tempDir("data-dup-org-name"), "seed.json");
    writeFileSync(file, duplicateOrganizations());
    const { code, output } = await runMock(seedArgs("--data", file));
    expect(code).toBe(2);
    expect(output).toContain(file);
    expect(output).toContain(`/organizations/${exported.doc.organizations.length}/id`);
  });

  // BUG: a document whose agent names a sandbox the organization does not have (`sandboxId` of a
  // sandbox missing from `sandboxes`) is loaded: the mock starts and serves the agent with a dangling
  // sandboxId. spec/control.yaml (importState, which `--data` shares) requires "the sandboxes, agents,
  // workspaces and threads that resources name exist in the same organization"; and a bad --data file
  // must stop start-up naming the file and the first error. PUT /__mock/state accepts the same
  // document with 200 as well (observed by hand), so the check is missing in importState itself.
  it("stops with exit code 2 on a document whose agent names a sandbox that is not in it", async () => {
    const file = join(tempDir("data-dangling"), "seed.json");
    const doc = structuredClone(exported.doc);
    const alice = doc.organizations.findIndex((o) => o.agents.some((a) => a.slug === "code-assistant"));
    (doc.organizations[alice] as StateDoc["organizations"][number]).sandboxes = [];
    writeFileSync(file, JSON.stringify(doc));
    const { code, output } = await runMock(seedArgs("--data", file), 8_000);
    expect(code).toBe(2);
    expect(output).toContain(file);
    expect(output).toContain(`/organizations/${alice}/agents/0/sandboxId`);
  });

  it("stops with exit code 2 when the file does not exist, naming it", async () => {
    const file = join(tempDir("data-missing"), "nowhere.yaml");
    const { code, output } = await runMock(seedArgs("--data", file));
    expect(code).toBe(2);
    expect(output).toContain(file);
  });
});

describe("--data with --persist", () => {
  it("the existing persist file wins: --data is ignored when the persist file exists", async () => {
    const dir = tempDir("data-persist");
    const persist = join(dir, "state.json");
    const data = join(dir, "seed.json");
    writeFileSync(data, exported.text);
    // The persist file holds other state: only Bob's organization, with one more agent.
    const bobOrg = structuredClone(exported.doc.organizations.find((o) => o.agents.some((a) => a.slug === "bobs-helper")) as StateDoc["organizations"][number]);
    const alsoBob = structuredClone(bobOrg.agents[0] as StateDoc["organizations"][number]["agents"][number]);
    Object.assign(alsoBob, { id: "agt_fromPersistFile1", slug: "from-persist" });
    bobOrg.agents.push(alsoBob);
    const persisted = JSON.stringify({ ...exported.doc, organizations: [bobOrg] });
    writeFileSync(persist, persisted);

    const mock = await startMock(seedArgs("--persist", persist, "--data", data));
    const state = (await call(mock.url, "GET", "/__mock/state")).json as StateDoc;
    expect(state.organizations.flatMap((o) => o.agents.map((a) => a.slug))).toEqual(["bobs-helper", "from-persist"]);
    expect((await call(mock.url, "GET", "/v1/agents/from-persist", { key: BOB })).json.data.id).toBe("agt_fromPersistFile1");
    // Nothing of the --data document's other organization.
    expect((await call(mock.url, "GET", "/v1/agents/code-assistant", { key: ALICE })).status).toBe(404);
    expect((await call(mock.url, "GET", `/v1/sandboxes/${exported.ids.sandbox}`, { key: ALICE })).status).toBe(404);
    expect(await stopMock(mock)).toBe(0);
    // Starting did not rewrite the persist file with the seed.
    expect(readFileSync(persist, "utf8")).toBe(persisted);
  });

  it("a missing persist file is seeded by --data: the seed and later writes are on disk and survive a kill -9 and a restart without --data", async () => {
    const dir = tempDir("data-seeds-persist");
    const persist = join(dir, "state.json");
    const data = join(dir, "seed.yaml");
    writeFileSync(data, stringify(exported.doc));
    let mock = await startMock(seedArgs("--persist", persist, "--data", data));
    await expectSeeded(mock);
    // expectSeeded ended with an acknowledged upsert (version 3): it is on disk, with the seed.
    const onDisk = persistedDocument(persist) as StateDoc;
    expect(stateDocumentProblems(onDisk)).toEqual([]);
    expect(onDisk.organizations.flatMap((o) => o.agents.map((a) => `${a.slug}@${a.version}`)).sort()).toEqual(["bobs-helper@1", "code-assistant@3"]);
    mock.child.kill("SIGKILL");
    await mock.exited;

    mock = await startMock(seedArgs("--persist", persist));
    const agent = await call(mock.url, "GET", "/v1/agents/code-assistant", { key: ALICE });
    expect(agent.json.data).toMatchObject({ id: exported.ids.agent, version: 3 });
    expect((await call(mock.url, "GET", `/v1/workspaces/${exported.ids.workspace}`, { key: ALICE })).status).toBe(200);
    expect((await call(mock.url, "GET", "/v1/agents/bobs-helper", { key: BOB })).json.data.id).toBe(exported.ids.bobAgent);
  });

  it("a missing persist file seeded by --data holds the seed even before the first write (kill -9 right after start-up)", async () => {
    const dir = tempDir("data-seeds-at-start");
    const persist = join(dir, "state.json");
    const data = join(dir, "seed.json");
    writeFileSync(data, exported.text);
    let mock = await startMock(seedArgs("--persist", persist, "--data", data));
    mock.child.kill("SIGKILL");
    await mock.exited;
    expect(existsSync(persist)).toBe(true);
    const onDisk = JSON.parse(readFileSync(persist, "utf8")) as StateDoc;
    expect(stateDocumentProblems(onDisk)).toEqual([]);
    expect(onDisk.organizations).toEqual(exported.doc.organizations);

    mock = await startMock(seedArgs("--persist", persist));
    await expectSeeded(mock);
  });
});
