/**
 * How long exporting the state takes with many organizations, and how long it holds up a request
 * that arrives meanwhile (`GET /__mock/state` and every `--persist` write export the whole state).
 * A measurement, never a test:
 *
 *   npx tsx scripts/bench/export-state.ts [organizations=30000]
 *
 * The organizations are loaded from a state document (one sandbox each), so that only the export
 * is timed.
 */
import { bufferedBody } from "../../src/core/http-types.ts";
import { createMock } from "../../src/mock.ts";
import { exportState } from "../../src/stateful/snapshot.ts";

const organizations = Number(process.argv[2] ?? 30_000);
const mock = createMock({ seed: 1, journalSize: 0 });
const org = (i: number) => {
  const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
  const at = "2026-01-01T00:00:00.000Z";
  return {
    id,
    workspaces: [],
    sandboxes: [
      { id: `sandbox-${i.toString(36)}`, name: `box-${i}`, status: "running", template: "base-ubuntu", tags: [], resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, env: {}, metadata: {}, idleTimeout: null, createdAt: at, updatedAt: at, sshReady: true, vncReady: false, vncUrl: null, mounts: [], hasWritableWorkspaceMount: false },
    ],
    agents: [],
    threads: [],
    runs: [],
  };
};
const document = { format: "runtools-mock/state", version: 1, exportedAt: "2026-01-01T00:00:00.000Z", organizations: Array.from({ length: organizations }, (_, i) => org(i)) };
const request = (method: string, path: string, body?: unknown) => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: body === undefined ? {} : { "content-type": "application/json" },
  body: bufferedBody(body === undefined ? undefined : JSON.stringify(body)),
  baseUrl: "http://127.0.0.1:4010",
  peer: { kind: "in-process" as const },
});

const loaded = await mock.handle(request("PUT", "/__mock/state", document));
if (loaded.status !== 200) throw new Error(`loading the state answered ${loaded.status}: ${JSON.stringify(loaded.body).slice(0, 300)}`);

let started = performance.now();
const exported = exportState(mock.state, new Date());
const exportMs = performance.now() - started;
if (exported.organizations.length !== organizations) throw new Error(`exported ${exported.organizations.length} organizations`);

// A GET /__mock/state, and a GET /health sent right after it: how long does the second wait?
started = performance.now();
const big = mock.handle(request("GET", "/__mock/state"));
const health = mock.handle(request("GET", "/health")).then(() => performance.now() - started);
const [state, healthMs] = await Promise.all([big.then((r) => ({ r, ms: performance.now() - started })), health]);
const text = JSON.stringify(state.r.body);

console.log(
  JSON.stringify({ organizations, exportStateMs: Math.round(exportMs), getStateMs: Math.round(state.ms), healthAnsweredAfterMs: Math.round(healthMs), documentBytes: text.length }),
);
