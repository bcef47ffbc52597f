/**
 * `--persist <file>` through the real command, as a child process (issue 5, "Done when": "the kill -9
 * property is tested by a test that kills a child server process during a stream of writes and
 * checks every acknowledged write after restart"; spec/control.yaml, `--persist`).
 *
 * A write is acknowledged when its client received a 2xx answer. The server promises that such a
 * write is on disk before the answer leaves, and that a `kill -9` at any moment leaves a file that
 * loads. So the tests fire writes from several clients at once, SIGKILL the server while some are
 * still outstanding, and restart it on the same file: every acknowledged write must be there, and
 * nothing that was never sent.
 */
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { afterCleanStop, call, CLEANLY_STOPPED, logOf, persistedDocument, sleep, startMock, stateDocumentProblems, stopAllChildren, stopMock, strayFiles, tempDir, type MockChild, type StateDoc, runMock } from "./child.ts";

afterEach(stopAllChildren);

/** Three organizations (each key is its own organization without --keys). */
const KEYS = ["rt_test_durableAlpha", "rt_test_durableBravo", "rt_test_durableCharlie"] as const;
type Key = (typeof KEYS)[number];

/** Sequential writes per client and per round, and concurrent batches: bounds on every loop. */
const SEQUENTIAL_WRITES = 60;
const BURST_BATCHES = 10;
const BURST_SIZE = 6;
/** How long one round may write before the test gives up on reaching its kill threshold. */
const ROUND_DEADLINE_MS = 15_000;

interface AgentAck {
  kind: "agent";
  key: Key;
  slug: string;
  id: string;
  version: number;
}
interface SandboxAck {
  kind: "sandbox";
  key: Key;
  name: string;
  id: string;
}
type Ack = AgentAck | SandboxAck;

/** What a round sent: every write acknowledged, and every name it tried (acknowledged or not). */
interface RoundLog {
  acks: Ack[];
  attemptedAgents: Map<string, number>;
  attemptedSandboxes: Set<string>;
  inFlightAtKill: number;
  acksAtKill: number;
  failures: number;
}

/**
 * Writes from three sequential clients (one per organization: sandbox creates, agent upserts that
 * bump the version of the same slugs, an in_sandbox agent) and one client firing batches of
 * concurrent sandbox creates; SIGKILLs the server once `killAfter` writes are acknowledged.
 * Answers received after the kill signal are acknowledgements too: the server sent them.
 */
async function writeUntilKilled(mock: MockChild, round: string, killAfter: number): Promise<RoundLog> {
  const log: RoundLog = { acks: [], attemptedAgents: new Map(), attemptedSandboxes: new Set(), inFlightAtKill: -1, acksAtKill: -1, failures: 0 };
  let inFlight = 0;
  let killed = false;
  const deadline = Date.now() + ROUND_DEADLINE_MS;
  const go = () => !killed && Date.now() < deadline;

  const acknowledge = (ack: Ack) => {
    log.acks.push(ack);
    if (!killed && log.acks.length >= killAfter) {
      killed = true;
      log.inFlightAtKill = inFlight;
      log.acksAtKill = log.acks.length;
      mock.child.kill("SIGKILL");
    }
  };

  /** One write; answers its JSON body on 2xx, undefined when refused or cut off. */
  const write = async (key: Key, path: string, body: unknown): Promise<any> => {
    inFlight += 1;
    try {
      const answer = await call(mock.url, "POST", path, { key, body, timeoutMs: 8_000 });
      if (answer.status < 200 || answer.status > 299) throw new Error(`${path} answered ${answer.status}: ${answer.text}`);
      return answer.json;
    } catch (error) {
      // Before the kill nothing may fail; after it, a cut-off request is simply not acknowledged.
      if (!killed) throw error;
      log.failures += 1;
      return undefined;
    } finally {
      inFlight -= 1;
    }
  };

  const sequential = async (key: Key, k: number) => {
    const versions = new Map<string, number>();
    for (let i = 0; i < SEQUENTIAL_WRITES && go(); i++) {
      if (i % 3 === 0) {
        const name = `${round}-c${k}-s${i}`;
        log.attemptedSandboxes.add(name);
        const answer = await write(key, "/v1/sandboxes", { name, tags: [round] });
        if (!answer) return;
        acknowledge({ kind: "sandbox", key, name, id: answer.data.id });
      } else {
        const slug = `${round}-c${k}-agent-${i % 4}`;
        const version = (versions.get(slug) ?? 0) + 1;
        log.attemptedAgents.set(slug, version);
        // The description names the version this write makes, so a restored agent shows whether its
        // fields and its version come from the same write.
        const body =
          i % 4 === 1
            ? { slug, executionMode: "in_sandbox", sandbox: `${round}-c${k}-s0`, description: `v${version}` }
            : { slug, executionMode: "managed", description: `v${version}`, env: { WRITE: String(i) } };
        const answer = await write(key, "/v1/agents", body);
        if (!answer) return;
        expect(answer.data.version).toBe(version);
        versions.set(slug, version);
        acknowledge({ kind: "agent", key, slug, id: answer.data.id, version });
      }
    }
  };

  const burst = async () => {
    for (let b = 0; b < BURST_BATCHES && go(); b++) {
      await Promise.all(
        Array.from({ length: BURST_SIZE }, async (_, j) => {
          const key = KEYS[j % KEYS.length] as Key;
          const name = `${round}-burst-${b}-${j}`;
          log.attemptedSandboxes.add(name);
          const answer = await write(key, "/v1/sandboxes", { name });
          if (answer) acknowledge({ kind: "sandbox", key, name, id: answer.data.id });
        }),
      );
    }
  };

  await Promise.all([...KEYS.map((key, k) => sequential(key, k)), burst()]);
  expect(killed, `round ${round}: ${log.acks.length} writes acknowledged before the loops ended, fewer than ${killAfter}`).toBe(true);
  return log;
}

/** The organization of `key` in a state document exported with that key. */
async function orgState(mock: MockChild, key: Key): Promise<StateDoc["organizations"][number]> {
  const answer = await call(mock.url, "GET", "/__mock/state", { key });
  expect(answer.status).toBe(200);
  const doc = answer.json as StateDoc;
  expect(stateDocumentProblems(doc)).toEqual([]);
  expect(doc.organizations).toHaveLength(1);
  return doc.organizations[0] as StateDoc["organizations"][number];
}

/** Checks every acknowledged write, and that nothing unsent appeared, against a restarted server. */
async function expectAcknowledged(mock: MockChild, acks: readonly Ack[], logs: readonly RoundLog[]): Promise<void> {
  const whole = await call(mock.url, "GET", "/__mock/state");
  expect(whole.status).toBe(200);
  expect(stateDocumentProblems(whole.json)).toEqual([]);

  const attemptedAgents = new Map<string, number>();
  const attemptedSandboxes = new Set<string>();
  for (const log of logs) {
    for (const [slug, version] of log.attemptedAgents) attemptedAgents.set(slug, version);
    for (const name of log.attemptedSandboxes) attemptedSandboxes.add(name);
  }

  for (const key of KEYS) {
    const org = await orgState(mock, key);
    const sandboxIds = new Set(org.sandboxes.map((s) => s.id));
    // Self-consistency: ids unique, every agent's sandbox exists, fields and version from one write.
    expect(sandboxIds.size).toBe(org.sandboxes.length);
    expect(new Set(org.agents.map((a) => a.id)).size).toBe(org.agents.length);
    expect(new Set(org.agents.map((a) => a.slug)).size).toBe(org.agents.length);
    for (const agent of org.agents) {
      expect(agent.orgId).toBe(org.id);
      if (agent.sandboxId !== null) expect(sandboxIds, `${agent.slug}'s sandbox`).toContain(agent.sandboxId);
      expect(agent.description, `${agent.slug} at version ${agent.version}`).toBe(`v${agent.version}`);
      // Nothing that was never sent: at most the version of the last write attempted for the slug.
      expect(attemptedAgents.has(agent.slug), `agent ${agent.slug} was never sent`).toBe(true);
      expect(agent.version).toBeLessThanOrEqual(attemptedAgents.get(agent.slug) as number);
    }
    for (const sandbox of org.sandboxes) expect(attemptedSandboxes.has(sandbox.name), `sandbox ${sandbox.name} was never sent`).toBe(true);

    // Every acknowledged write of this organization, in the state document…
    for (const ack of acks.filter((a) => a.key === key)) {
      if (ack.kind === "agent") {
        const agent = org.agents.find((a) => a.slug === ack.slug);
        expect(agent, `acknowledged agent ${ack.slug} v${ack.version} is missing`).toBeDefined();
        expect(agent?.id).toBe(ack.id);
        expect(agent?.version, `agent ${ack.slug}`).toBeGreaterThanOrEqual(ack.version);
      } else {
        const sandbox = org.sandboxes.find((s) => s.id === ack.id);
        expect(sandbox, `acknowledged sandbox ${ack.name} (${ack.id}) is missing`).toBeDefined();
        expect(sandbox?.name).toBe(ack.name);
      }
    }
  }

  // …and through the public API, the last acknowledgement of each agent and every sandbox.
  const lastAgentAck = new Map<string, AgentAck>();
  for (const ack of acks) if (ack.kind === "agent") lastAgentAck.set(`${ack.key} ${ack.slug}`, ack);
  for (const ack of lastAgentAck.values()) {
    const answer = await call(mock.url, "GET", `/v1/agents/${ack.slug}`, { key: ack.key });
    expect(answer.status, `GET /v1/agents/${ack.slug}`).toBe(200);
    expect(answer.json.data.id).toBe(ack.id);
    expect(answer.json.data.version).toBeGreaterThanOrEqual(ack.version);
  }
  for (const ack of acks) {
    if (ack.kind !== "sandbox") continue;
    const answer = await call(mock.url, "GET", `/v1/sandboxes/${ack.id}`, { key: ack.key });
    expect(answer.status, `GET /v1/sandboxes/${ack.id}`).toBe(200);
    expect(answer.json.data.name).toBe(ack.name);
  }
}

/** What the persist files hold (the snapshot and its log), as a state document; fails the test when it would not load. */
function readStateFile(file: string): StateDoc {
  const doc = persistedDocument(file) as StateDoc;
  expect(stateDocumentProblems(doc)).toEqual([]);
  return doc;
}

const persistArgs = (file: string) => ["--persist", file, "--port", "0", "--stream-delay", "0"];

const slugs = (answer: { json: unknown }) => (answer.json as StateDoc).organizations.flatMap((o) => o.agents.map((a) => a.slug)).sort();

describe("--persist survives kill -9", () => {
  it(
    "keeps every acknowledged write when the server is SIGKILLed during a stream of writes, at three different moments",
    async () => {
      const dir = tempDir("kill9");
      const file = join(dir, "state.json");
      // Cumulative: each round restarts on the file the previous kill left, checks everything
      // acknowledged so far, then writes more and is killed at a later moment.
      const thresholds = [25, 80, 150];
      const acks: Ack[] = [];
      const logs: RoundLog[] = [];
      const killedPids: number[] = [];
      let mock = await startMock(persistArgs(file));
      for (const [r, killAfter] of thresholds.entries()) {
        const log = await writeUntilKilled(mock, `r${r}`, killAfter);
        const exit = await mock.exited;
        expect(exit.signal).toBe("SIGKILL");
        killedPids.push(mock.pid);
        // The kill fell while writes were outstanding.
        expect(log.inFlightAtKill, `round ${r}: nothing was in flight at the kill`).toBeGreaterThan(0);
        acks.push(...log.acks);
        logs.push(log);

        // The file the kill left loads as it is, before any restart touches it.
        readStateFile(file);
        mock = await startMock(persistArgs(file));
        expect(mock.output()).toContain(`persisted to ${file}`);
        await expectAcknowledged(mock, acks, logs);
      }
      expect(acks.length).toBeGreaterThanOrEqual(25 + 80 + 150);

      // The restored server keeps working on the same file, and a clean restart keeps it all.
      const after = await call(mock.url, "POST", "/v1/agents", { key: KEYS[0], body: { slug: "after-the-kills", executionMode: "managed", description: "v1" } });
      expect(after.status).toBe(201);
      acks.push({ kind: "agent", key: KEYS[0], slug: "after-the-kills", id: after.json.data.id, version: 1 });
      logs.push({ acks: [], attemptedAgents: new Map([["after-the-kills", 1]]), attemptedSandboxes: new Set(), inFlightAtKill: 0, acksAtKill: 0, failures: 0 });
      const lastPid = mock.pid;
      expect(await stopMock(mock)).toBe(0);
      // The clean shutdown of the last process left no temporary file of its own.
      expect(strayFiles(dir).filter((name) => name.includes(`.${lastPid}.`))).toEqual([]);
      mock = await startMock(persistArgs(file));
      await expectAcknowledged(mock, acks, logs);
      expect(await stopMock(mock)).toBe(0);
    },
    60_000,
  );
});

describe("--persist log: kill -9 during compaction, torn and damaged files", () => {
  // Compacts whenever the log passes 2 KiB (a few records): kills fall during compactions too.
  const compactOften = { RUNTOOLS_MOCK_LOG_MIN_BYTES: "2048" };

  it(
    "keeps every acknowledged write when kills fall while the log is compacted into the snapshot",
    async () => {
      const dir = tempDir("kill9-compaction");
      const file = join(dir, "state.json");
      const acks: Ack[] = [];
      const logs: RoundLog[] = [];
      let mock = await startMock(persistArgs(file), compactOften);
      for (const [r, killAfter] of [20, 60, 120].entries()) {
        const log = await writeUntilKilled(mock, `c${r}`, killAfter);
        expect((await mock.exited).signal).toBe("SIGKILL");
        acks.push(...log.acks);
        logs.push(log);
        readStateFile(file);
        mock = await startMock(persistArgs(file), compactOften);
        await expectAcknowledged(mock, acks, logs);
      }
      expect(await stopMock(mock)).toBe(0);
      // A clean stop folds the log into the snapshot; the log starts again empty, sealing it.
      expect(afterCleanStop(dir)).toEqual(CLEANLY_STOPPED);
    },
    90_000,
  );

  it("drops a torn last record (a write cut short, never acknowledged) and starts with every acknowledged change", async () => {
    const dir = tempDir("torn");
    const file = join(dir, "state.json");
    let mock = await startMock(persistArgs(file));
    for (const slug of ["one", "two", "three"]) expect((await call(mock.url, "POST", "/v1/agents", { key: KEYS[0], body: { slug, executionMode: "managed" } })).status).toBe(201);
    mock.child.kill("SIGKILL");
    await mock.exited;
    // What a write cut short leaves: the start of a record, without its end.
    appendFileSync(logOf(file), 'a1b2c3d4 {"orgs":[{"o":"x","s":{"agents":[{"slug":"ghost"');
    mock = await startMock(persistArgs(file));
    expect(mock.output()).toContain("dropped a torn last record");
    expect(slugs(await call(mock.url, "GET", "/__mock/state"))).toEqual(["one", "three", "two"]);
    // The torn bytes were cut off: what is appended next is read back.
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEYS[0], body: { slug: "four", executionMode: "managed" } })).status).toBe(201);
    mock.child.kill("SIGKILL");
    await mock.exited;
    expect((persistedDocument(file) as StateDoc).organizations.flatMap((o) => o.agents.map((a) => a.slug)).sort()).toEqual(["four", "one", "three", "two"]);
  });

  it("refuses, with a message naming the file, a log with a damaged record that other records follow, and a snapshot cut short", async () => {
    const dir = tempDir("damaged");
    const file = join(dir, "state.json");
    const mock = await startMock(persistArgs(file));
    // The first change writes the snapshot; the next three are the log's records 1 to 3.
    for (const slug of ["one", "two", "three", "four"]) expect((await call(mock.url, "POST", "/v1/agents", { key: KEYS[0], body: { slug, executionMode: "managed" } })).status).toBe(201);
    mock.child.kill("SIGKILL");
    await mock.exited;
    const log = readFileSync(logOf(file), "utf8");
    const lines = log.split("\n");
    // Flip one character inside record 2 (a bit rot, an edit by hand): its checksum no longer holds.
    const damaged = [...lines];
    expect(damaged[2]).toContain('"three"');
    damaged[2] = (damaged[2] as string).replace('"three"', '"thrxe"');
    writeFileSync(logOf(file), damaged.join("\n"));
    const refused = await runMock(persistArgs(file));
    expect(refused.code).toBe(2);
    expect(refused.output).toContain(`${logOf(file)}: record 2 at byte`);
    expect(refused.output).toContain("can no longer be trusted");
    expect(readFileSync(logOf(file), "utf8")).toBe(damaged.join("\n"));

    // A snapshot truncated mid-document (a copy cut short) is refused as well, and left as it was.
    writeFileSync(logOf(file), log);
    const snapshot = readFileSync(file, "utf8");
    writeFileSync(file, snapshot.slice(0, Math.floor(snapshot.length / 2)));
    const truncated = await runMock(persistArgs(file));
    expect(truncated.code).toBe(2);
    expect(truncated.output).toContain(`${file}: not a JSON state document`);
    expect(readFileSync(file, "utf8")).toBe(snapshot.slice(0, Math.floor(snapshot.length / 2)));
  });
});

describe("--persist, clean shutdown", () => {
  it("keeps everything across a SIGTERM restart and leaves no temporary file beside the state file", async () => {
    const dir = tempDir("clean");
    const file = join(dir, "state.json");
    let mock = await startMock(persistArgs(file));
    const key = KEYS[1];
    const sandbox = await call(mock.url, "POST", "/v1/sandboxes", { key, body: { name: "kept" } });
    expect(sandbox.status).toBe(201);
    // Concurrent writes as well as sequential ones.
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => call(mock.url, "POST", "/v1/agents", { key, body: { slug: `kept-${i}`, executionMode: "managed", description: "v1" } })));
    expect(created.map((a) => a.status)).toEqual(Array(12).fill(201));
    for (let v = 2; v <= 4; v++) {
      const upsert = await call(mock.url, "POST", "/v1/agents", { key, body: { slug: "kept-0", executionMode: "in_sandbox", sandbox: "kept", description: `v${v}` } });
      expect(upsert.json.data.version).toBe(v);
    }
    const workspace = await call(mock.url, "POST", "/v1/workspaces", { key, body: { name: "Kept" } });
    expect(workspace.status).toBe(201);
    const before = await call(mock.url, "GET", "/__mock/state");

    expect(await stopMock(mock)).toBe(0);
    expect(mock.output()).toContain("SIGTERM, shutting down");
    expect(afterCleanStop(dir)).toEqual(CLEANLY_STOPPED);
    const onDisk = readStateFile(file);
    expect(onDisk.organizations).toEqual((before.json as StateDoc).organizations);

    mock = await startMock(persistArgs(file));
    const after = await call(mock.url, "GET", "/__mock/state");
    expect(stateDocumentProblems(after.json)).toEqual([]);
    expect((after.json as StateDoc).organizations).toEqual((before.json as StateDoc).organizations);
    const agent = await call(mock.url, "GET", "/v1/agents/kept-0", { key });
    expect(agent.json.data).toMatchObject({ version: 4, description: "v4", sandboxId: sandbox.json.data.id });
    expect((await call(mock.url, "GET", `/v1/workspaces/${workspace.json.data.id}`, { key })).status).toBe(200);
    expect(await stopMock(mock)).toBe(0);
    expect(afterCleanStop(dir)).toEqual(CLEANLY_STOPPED);
  });

  // BUG: a temporary file left by a kill -9 in the middle of a write (`.state.json.<pid>.<n>.tmp`,
  // src/control/persistence.ts) is never removed: not at the next start, not at a clean shutdown,
  // and neither persistence.ts nor the README documents that such leftovers can remain. The kill -9
  // test above leaves one per kill in practice (observed: `.state.json.<killed pid>.25.tmp`,
  // `….80.tmp`, accumulating across restarts). Leftovers are acceptable only when documented.
  // Unskip once the server removes stale temporaries of its own naming scheme at start-up.
  it("removes a temporary file a kill -9 left mid-write, by the next clean shutdown", async () => {
    const dir = tempDir("stale-tmp");
    const file = join(dir, "state.json");
    let mock = await startMock(persistArgs(file));
    expect((await call(mock.url, "POST", "/v1/sandboxes", { key: KEYS[0], body: { name: "one" } })).status).toBe(201);
    mock.child.kill("SIGKILL");
    await mock.exited;
    // What a kill -9 between "open the temporary file" and "rename it" leaves behind.
    const stale = join(dir, `.state.json.${mock.pid}.7.tmp`);
    writeFileSync(stale, '{"format":"runtools-mock/state","vers');
    mock = await startMock(persistArgs(file));
    expect((await call(mock.url, "GET", "/v1/sandboxes/one", { key: KEYS[0] })).status).toBe(200);
    expect((await call(mock.url, "POST", "/v1/sandboxes", { key: KEYS[0], body: { name: "two" } })).status).toBe(201);
    expect(await stopMock(mock)).toBe(0);
    expect(afterCleanStop(dir)).toEqual(CLEANLY_STOPPED);
  });
});

describe("--persist basics", () => {
  it("does not rewrite the file for GET requests", async () => {
    const dir = tempDir("get");
    const file = join(dir, "state.json");
    const mock = await startMock(persistArgs(file));
    const key = KEYS[0];
    expect((await call(mock.url, "POST", "/v1/sandboxes", { key, body: { name: "box" } })).status).toBe(201);
    expect((await call(mock.url, "POST", "/v1/agents", { key, body: { slug: "reader", executionMode: "in_sandbox", sandbox: "box" } })).status).toBe(201);
    const before = [statSync(file), statSync(logOf(file))];
    const text = [readFileSync(file, "utf8"), readFileSync(logOf(file), "utf8")];
    await sleep(30);
    for (const path of ["/v1/agents", "/v1/agents/reader", "/v1/sandboxes", "/v1/sandboxes/box", "/v1/workspaces", "/v1/run", "/v1/threads", "/health", "/__mock/state", "/__mock/requests"]) {
      const answer = await call(mock.url, "GET", path, { key });
      expect(answer.status, `GET ${path}`).toBe(200);
    }
    // A GET of something absent is still a GET.
    expect((await call(mock.url, "GET", "/v1/agents/nobody", { key })).status).toBe(404);
    // Neither the snapshot nor its log.
    const after = [statSync(file), statSync(logOf(file))];
    expect(after.map((s) => s.ino)).toEqual(before.map((s) => s.ino));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    expect([readFileSync(file, "utf8"), readFileSync(logOf(file), "utf8")]).toEqual(text);
    // While it runs, only its log and its lock lie beside the file.
    expect(strayFiles(dir)).toEqual(["state.json.lock", "state.json.wal"]);
  });

  it("does not change the file for a rejected request (400, 404, 409)", async () => {
    const dir = tempDir("rejected");
    const file = join(dir, "state.json");
    const mock = await startMock(persistArgs(file));
    const key = KEYS[1];
    expect((await call(mock.url, "POST", "/v1/sandboxes", { key, body: { name: "taken" } })).status).toBe(201);
    const before = [statSync(file), statSync(logOf(file))];
    const text = [readFileSync(file, "utf8"), readFileSync(logOf(file), "utf8")];
    await sleep(30);
    expect((await call(mock.url, "POST", "/v1/agents", { key, body: { slug: "Not A Slug!", executionMode: "managed" } })).status).toBe(400);
    expect((await call(mock.url, "POST", "/v1/sandboxes", { key, body: { name: "", template: "base ubuntu" } })).status).toBe(400);
    expect((await call(mock.url, "PATCH", "/v1/agents/ghost", { key, body: { description: "x" } })).status).toBe(404);
    expect((await call(mock.url, "POST", "/v1/sandboxes", { key, body: { name: "taken" } })).status).toBe(409);
    expect((await call(mock.url, "PUT", "/__mock/state", { body: { format: "runtools-mock/state", version: 2, exportedAt: "2026-01-01T00:00:00.000Z", organizations: [] } })).status).toBe(400);
    const after = [statSync(file), statSync(logOf(file))];
    expect(after.map((s) => s.ino)).toEqual(before.map((s) => s.ino));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
    expect([readFileSync(file, "utf8"), readFileSync(logOf(file), "utf8")]).toEqual(text);
  });

  it("starts empty on a missing file and creates it (and its directory) on the first write", async () => {
    const dir = tempDir("missing");
    const file = join(dir, "nested", "deeper", "state.json");
    const mock = await startMock(persistArgs(file));
    const state = await call(mock.url, "GET", "/__mock/state");
    expect(state.status).toBe(200);
    expect((state.json as StateDoc).organizations).toEqual([]);
    expect(existsSync(file)).toBe(false);

    const created = await call(mock.url, "POST", "/v1/agents", { key: KEYS[2], body: { slug: "first", executionMode: "managed" } });
    expect(created.status).toBe(201);
    // On disk before the answer was sent.
    const doc = readStateFile(file);
    expect(doc.organizations.flatMap((o) => o.agents.map((a) => [a.slug, a.id]))).toEqual([["first", created.json.data.id]]);
  });

  it("persists control-plane changes too: a reset and an import are on disk before their answers", async () => {
    const dir = tempDir("control");
    const file = join(dir, "state.json");
    let mock = await startMock(persistArgs(file));
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEYS[0], body: { slug: "a", executionMode: "managed" } })).status).toBe(201);
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEYS[1], body: { slug: "b", executionMode: "managed" } })).status).toBe(201);
    const exported = (await call(mock.url, "GET", "/__mock/state")).json as StateDoc;
    expect((await call(mock.url, "POST", "/__mock/reset", { key: KEYS[0] })).status).toBe(200);
    expect(readStateFile(file).organizations.flatMap((o) => o.agents.map((a) => a.slug))).toEqual(["b"]);
    expect((await call(mock.url, "PUT", "/__mock/state", { body: exported })).status).toBe(200);
    expect(readStateFile(file).organizations).toEqual(exported.organizations);
    mock.child.kill("SIGKILL");
    await mock.exited;
    mock = await startMock(persistArgs(file));
    expect(((await call(mock.url, "GET", "/__mock/state")).json as StateDoc).organizations).toEqual(exported.organizations);
  });

  it("refuses to start on a persist file that is not JSON: exit code 2, the file left as it was", async () => {
    const dir = tempDir("corrupt");
    const file = join(dir, "state.json");
    writeFileSync(file, "{ this is not json");
    const { code, output } = await runMock(persistArgs(file));
    expect(code).toBe(2);
    expect(output).toMatch(/JSON/);
    expect(output).not.toContain("listening on");
    // The file is left as it was, for the user to look at.
    expect(readFileSync(file, "utf8")).toBe("{ this is not json");
  });

  // BUG: a persist file that is not JSON stops start-up with exit code 2, but the message does not
  // name the file: it is only `runtools-mock: Expected property name or '}' in JSON at position 2`.
  // The issue and spec/control.yaml (`--persist`, and `--data`: "a bad file stops start-up with a
  // message that names the file and the first error") ask for the file's name. Cause:
  // StateFile.read() (src/control/persistence.ts) lets JSON.parse's SyntaxError escape without the
  // path, and loadInitialState (src/mock.ts) only prefixes the path onto schema violations.
  it("names the file in the message when the persist file is not JSON", async () => {
    const dir = tempDir("corrupt-name");
    const file = join(dir, "state.json");
    writeFileSync(file, "{ this is not json");
    const { code, output } = await runMock(persistArgs(file));
    expect(code).toBe(2);
    expect(output).toContain(file);
    expect(output).toMatch(/JSON/);
  });

  it("refuses to start on a persist file that violates the StateDocument schema, naming the file and the first error's pointer", async () => {
    const dir = tempDir("invalid");
    const file = join(dir, "state.json");
    // A valid document first, from a real run, then one agent's slug broken.
    const mock = await startMock(persistArgs(file));
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEYS[0], body: { slug: "good-slug", executionMode: "managed" } })).status).toBe(201);
    expect(await stopMock(mock)).toBe(0);
    const doc = readStateFile(file);
    (doc.organizations[0]?.agents[0] as { slug: string }).slug = "Bad Slug!";
    const broken = JSON.stringify(doc);
    writeFileSync(file, broken);
    const bad = await runMock(persistArgs(file));
    expect(bad.code).toBe(2);
    expect(bad.output).toContain(file);
    expect(bad.output).toContain("/organizations/0/agents/0/slug");
    expect(bad.output).not.toContain("listening on");
    expect(readFileSync(file, "utf8")).toBe(broken);

    // Another version of the format is refused the same way.
    writeFileSync(file, JSON.stringify({ ...doc, version: 2 }));
    const version = await runMock(persistArgs(file));
    expect(version.code).toBe(2);
    expect(version.output).toContain(file);
    expect(version.output).toContain("/version");
  });
});
