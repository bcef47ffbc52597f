/**
 * The two ways `--persist` could make a change durable, measured alone, without HTTP: the mock's
 * write-ahead log (src/control/state-log.ts: a CRC-32 line, `writeFile`, `fdatasync`) and SQLite in
 * WAL mode through better-sqlite3 12 (`synchronous = FULL`: a commit is on disk when it returns).
 * docs/persistence.md "Why a log of our own rather than SQLite" has the numbers and the choice.
 *
 * Not part of `npm run bench`, and better-sqlite3 is not a dependency: it is a native module compiled
 * from source at install (minutes here, and a C toolchain for every user). To run it:
 *
 *   npm install --no-save better-sqlite3@12 && npx tsx scripts/bench/storage-compare.ts
 *
 * The workload is what one persisted upsert stores: the agent (~0.7 KB, as in a state document) and
 * its activity event, with N agents already stored; committed one change at a time (one client),
 * and 16 changes at a time (what group commit shares one fsync among under 50 clients). The stores
 * alone: no compaction of the log, no checkpoint of SQLite's WAL, nothing read back at start.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StateFile } from "../../src/control/persistence.ts";
import { StateLog } from "../../src/control/state-log.ts";
import type { StateDocument } from "../../src/stateful/snapshot.ts";

const LEVELS = (process.env.BENCH_LEVELS ?? "1000,100000").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const GROUP = 16;
const ORG = "5f0c6a8e-3b7d-4c1a-9e2f-7a6b5c4d3e2f";

/** An agent as a state document holds it (the fields and sizes of the persistence bench's seed). */
function agent(n: number, version = 1): Record<string, unknown> {
  const id = String(n).padStart(6, "0");
  return {
    id: `agt_${n.toString(36).padStart(16, "0")}`, slug: `bench-agent-${id}`, name: `Bench Agent ${id}`, description: null,
    model: "claude-sonnet-4", systemPrompt: "You are a careful software engineering assistant.", tools: ["exec_command", "write_stdin", "apply_patch"],
    executionMode: "managed", visibility: "private", sandboxId: null, sandboxSlug: null, targetDeviceId: null, resources: [], env: {}, envJson: {},
    maxIterations: 25, maxTokens: 16384, temperature: null, version, createdBy: "2b7e1c9a-6d4f-4e3a-8b5c-1f0e9d8c7b6a",
    organizationId: ORG, createdAt: "2026-01-01T00:00:00.000Z", updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, version)).toISOString(),
  };
}

/** The activity event an upsert records. */
function event(seq: number, slug: string): Record<string, unknown> {
  return {
    id: `evt_${seq.toString(36).padStart(16, "0")}`, type: "agent.upserted", resourceType: "agent", resourceId: slug, severity: "info", status: "success",
    actorUserId: "2b7e1c9a-6d4f-4e3a-8b5c-1f0e9d8c7b6a", summary: `Agent ${slug} updated`, metadata: { version: seq }, createdAt: new Date(Date.UTC(2026, 0, 1) + seq).toISOString(),
  };
}

interface Rates { perChange: number; grouped: number }
interface Level { agents: number; log: Rates; sqlite: Rates }

/** Runs `commit` (each durable when it resolves) for SECONDS and answers changes per second. */
async function rate(changesPerCommit: number, commit: (first: number) => Promise<void> | void): Promise<number> {
  let changes = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  while (performance.now() < until) {
    await commit(changes);
    changes += changesPerCommit;
  }
  return Math.round(changes / ((performance.now() - started) / 1000));
}

async function measureLog(dir: string, agents: number): Promise<Rates> {
  const path = join(dir, "state.json");
  const document = { format: "runtools-mock/state", version: 1, exportedAt: "2026-01-01T00:00:00.000Z", organizations: [{ id: ORG, agents: Array.from({ length: agents }, (_, n) => agent(n)) }] } as unknown as StateDocument;
  const log = new StateLog(new StateFile(path), undefined, undefined, "storage-compare");
  log.writeStateNow(document);
  log.openForAppend();
  // The record of one change: the organization it touched, the agent as it now is, the new event.
  const record = (n: number) => JSON.stringify({ orgs: [{ o: ORG, agents: { set: [agent(n % agents, n + 2)] }, activity: { add: [event(n, `bench-agent-${n % agents}`)] } }] });
  const perChange = await rate(1, (n) => log.append([record(n)]));
  const grouped = await rate(GROUP, (n) => log.append(Array.from({ length: GROUP }, (_, i) => record(n + i))));
  return { perChange, grouped };
}

async function measureSqlite(dir: string, agents: number, Database: new (path: string) => SqliteDatabase): Promise<Rates> {
  const path = join(dir, "state.db");
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec("CREATE TABLE agents (org TEXT NOT NULL, slug TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (org, slug)) WITHOUT ROWID; CREATE TABLE activity (seq INTEGER PRIMARY KEY, org TEXT NOT NULL, json TEXT NOT NULL)");
  const upsert = db.prepare("INSERT INTO agents (org, slug, json) VALUES (?, ?, ?) ON CONFLICT (org, slug) DO UPDATE SET json = excluded.json");
  const record = db.prepare("INSERT INTO activity (org, json) VALUES (?, ?)");
  db.transaction(() => {
    for (let n = 0; n < agents; n++) upsert.run(ORG, `bench-agent-${String(n).padStart(6, "0")}`, JSON.stringify(agent(n)));
  })();
  const change = (n: number) => {
    const a = agent(n % agents, n + 2);
    upsert.run(ORG, a.slug, JSON.stringify(a));
    record.run(ORG, JSON.stringify(event(n, String(a.slug))));
  };
  const one = db.transaction((n: number) => change(n));
  const many = db.transaction((n: number) => {
    for (let i = 0; i < GROUP; i++) change(n + i);
  });
  const perChange = await rate(1, (n) => one(n));
  const grouped = await rate(GROUP, (n) => many(n));
  const stored = (db.prepare("SELECT count(*) AS n FROM agents WHERE org = ?").all(ORG)[0] as { n: number }).n;
  db.close();
  if (stored !== agents) throw new Error(`SQLite holds ${stored} agents, not ${agents}`);
  return { perChange, grouped };
}

interface SqliteDatabase {
  pragma(text: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): { run(...values: unknown[]): unknown; all(...values: unknown[]): unknown[] };
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}


if (import.meta.url === `file://${process.argv[1]}`) {
  let Database: new (path: string) => SqliteDatabase;
  try {
    Database = createRequire(import.meta.url)("better-sqlite3") as typeof Database;
  } catch {
    console.error("better-sqlite3 is not installed: npm install --no-save better-sqlite3@12 (it compiles from source)");
    process.exit(2);
  }
  const levels: Level[] = [];
  for (const agents of LEVELS) {
    const logDir = mkdtempSync(join(tmpdir(), "storage-log-"));
    const sqliteDir = mkdtempSync(join(tmpdir(), "storage-sqlite-"));
    try {
      levels.push({ agents, log: await measureLog(logDir, agents), sqlite: await measureSqlite(sqliteDir, agents, Database) });
    } finally {
      rmSync(logDir, { recursive: true, force: true });
      rmSync(sqliteDir, { recursive: true, force: true });
    }
  }
  console.log(`durable changes per second (one change per commit | ${GROUP} per commit):`);
  for (const { agents, log, sqlite } of levels) {
    console.log(`${agents.toLocaleString("en-US").padStart(7)} agents  log    ${log.perChange} | ${log.grouped}`);
    console.log(`${"".padStart(14)}  sqlite ${sqlite.perChange} | ${sqlite.grouped}`);
  }
}
