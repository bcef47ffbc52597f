/**
 * The conformance runner (scripts/conformance/, issue 6 point 3) run as a user runs it: the mock
 * CLI in one child process, the runner in another, pointed at it by CONTRACT_BASE_URL. It must
 * pass against the mock with every documented (operation, status) pair covered — and, point 4,
 * it must fail against a server that breaks the contract (test/contract/broken-server.ts), and
 * when a documented status goes unprovoked.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../src/spec/load.ts";
import { startBrokenServer, type BrokenServer, type Corruption } from "./broken-server.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/runtools-mock.js", import.meta.url));
const RUNNER = "scripts/conformance/run.ts";

/** The documented (operation, status) pairs, counted here independently of the runner. */
/** Every documented (operation, status) pair a request can provoke (not those marked x-conformance-exempt). */
const DOCUMENTED = loadSpec().operations.flatMap((op) =>
  [...op.responses.values()].filter((response) => response.conformanceExempt === undefined).map((response) => `${op.operationId} ${response.status}`),
);

const children: ChildProcess[] = [];
let mockUrl = "";

/** The parts of the JSON summary the tests read. */
interface Summary {
  target: string;
  totals: { cases: number; passed: number; failed: number; skipped: number };
  coverage: { documented: number; covered: number; percent: number; uncovered: { operationId: string; status: number; reason: string }[] };
  failures: { case: string; operationId: string; status: number; violations: string[] }[];
  pairs: { operationId: string; status: number; state: string; cases: string[] }[];
}

interface RunnerResult {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: Summary;
  junit: string;
}

/** Starts the mock CLI on a free port; resolves with its URL. */
function startMock(): Promise<string> {
  const child = spawn(process.execPath, [BIN, "--port", "0", "--stream-delay", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the mock exited with ${code} before listening:\n${output}`)));
  });
}

/** Runs the conformance runner to completion against `baseUrl`, its reports in a fresh directory. */
function runRunner(baseUrl: string, env: Record<string, string> = {}): Promise<RunnerResult> {
  const reportDir = mkdtempSync(join(tmpdir(), "rtm-conformance-"));
  const child = spawn(process.execPath, ["--import", "tsx", RUNNER], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CONTRACT_BASE_URL: baseUrl, CONTRACT_REPORT_DIR: reportDir, ...env },
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        const summary = JSON.parse(readFileSync(join(reportDir, "conformance.json"), "utf8")) as Summary;
        const junit = readFileSync(join(reportDir, "conformance.xml"), "utf8");
        resolve({ code, stdout, stderr, summary, junit });
      } catch (error) {
        reject(new Error(`the runner (exit ${code}) wrote no reports: ${(error as Error).message}\n${stdout}\n${stderr}`));
      }
    });
  });
}

/** Runs the runner through a broken server that applies `corruption` to the mock's answers. */
async function runThroughBroken(corruption: Corruption): Promise<RunnerResult & { corrupted: number }> {
  const broken: BrokenServer = await startBrokenServer(mockUrl, { corruptions: [corruption] });
  try {
    const result = await runRunner(broken.url);
    return { ...result, corrupted: broken.corrupted() };
  } finally {
    await broken.close();
  }
}

/** The attribute of the root <testsuites> element. */
function rootAttribute(junit: string, name: string): string | undefined {
  return new RegExp(`<testsuites[^>]*\\s${name}="([^"]*)"`).exec(junit)?.[1];
}

const allViolations = (summary: Summary) => summary.failures.flatMap((f) => f.violations);

beforeAll(async () => {
  mockUrl = await startMock();
}, 30_000);

afterAll(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("the conformance runner against the mock", () => {
  let result: RunnerResult;
  beforeAll(async () => {
    result = await runRunner(mockUrl);
  }, 60_000);

  it("exits 0: every case passed", () => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.summary.totals.failed).toBe(0);
    expect(result.summary.totals.skipped).toBe(0);
    expect(result.summary.totals.passed).toBe(result.summary.totals.cases);
    expect(result.summary.failures).toEqual([]);
  });

  it("covers 100% of the documented (operation, status) pairs, counted from the spec", () => {
    const { coverage, pairs } = result.summary;
    expect(coverage.documented).toBe(DOCUMENTED.length);
    expect(pairs.map((p) => `${p.operationId} ${p.status}`).sort()).toEqual([...DOCUMENTED].sort());
    expect(coverage.covered).toBe(DOCUMENTED.length);
    expect(coverage.percent).toBe(100);
    expect(coverage.uncovered).toEqual([]);
    for (const pair of pairs) {
      expect(pair.state, `${pair.operationId} ${pair.status}`).toBe("covered");
      expect(pair.cases.length).toBeGreaterThan(0);
    }
  });

  it("writes JUnit XML with one testcase per case (and per pair) and 0 failures", () => {
    const { junit, summary } = result;
    expect(rootAttribute(junit, "failures")).toBe("0");
    expect(rootAttribute(junit, "errors")).toBe("0");
    expect(rootAttribute(junit, "tests")).toBe(String(summary.totals.cases + DOCUMENTED.length));
    expect(junit.match(/<testcase classname="conformance\./g)?.length).toBe(summary.totals.cases);
    expect(junit).not.toContain("<failure");
  });

  it("prints the coverage table with the case names", () => {
    // Columns: 200 201 202 400 401 402 403 404 409 413 415 (202 is documented on the workflow webhook only,
    // 402 on createSandbox only; 403, where it is not exempt, on the attachment upload URL only).
    expect(result.stdout).toMatch(/^upsertAgent\s+✓\s+✓\s+·\s+✓\s+✓\s+·\s+·\s+✓\s+·\s+✓\s+✓$/m);
    expect(result.stdout).toMatch(/^\s+409\s+✓\s+.*\bdelete-mounted-workspace\b/m);
    expect(result.stdout).toContain(`coverage ${DOCUMENTED.length}/${DOCUMENTED.length} documented (operation, status) pairs = 100%`);
  });
});

describe("the conformance runner catches a broken server (issue 6, point 4)", () => {
  it("fails when agent answers lose data.version and carry an undocumented action", async () => {
    const { code, summary, junit, corrupted, stderr } = await runThroughBroken("agent-fields");
    expect(corrupted).toBeGreaterThan(0);
    expect(code).toBe(1);
    expect(stderr).toContain("FAILED");
    const upsert = summary.failures.find((f) => f.case === "upsert-agent-new-slug");
    expect(upsert?.violations).toEqual(expect.arrayContaining([expect.stringMatching(/POST \/v1\/agents → 201: \/body\/data\/version is required/)]));
    expect(allViolations(summary)).toEqual(expect.arrayContaining([expect.stringMatching(/\/body\/data\/action must be equal to one of the allowed values/)]));
    expect(summary.coverage.percent).toBeLessThan(100);
    expect(summary.coverage.uncovered).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: "upsertAgent", status: 201 })]));
    expect(Number(rootAttribute(junit, "failures"))).toBeGreaterThan(0);
  }, 60_000);

  it("fails when the frames of a stream break the event schema", async () => {
    const { code, summary, corrupted } = await runThroughBroken("sse-frames");
    expect(corrupted).toBeGreaterThan(0);
    expect(code).toBe(1);
    const streamed = summary.failures.find((f) => f.case === "run-sandbox-agent-streamed-with-tool-call");
    expect(streamed?.violations).toEqual(expect.arrayContaining([expect.stringMatching(/frame 1 \(run_started\): \/data\/runId is required/)]));
    expect(summary.coverage.uncovered).toEqual(expect.arrayContaining([expect.objectContaining({ operationId: "runAgent", status: 200 })]));
    // Only the streamed cases see the corruption.
    expect(summary.failures.map((f) => f.case).sort()).toEqual(["legacy-run-streamed", "run-local-mac-agent-streamed-dispatch", "run-sandbox-agent-streamed-with-tool-call"]);
  }, 60_000);

  it("fails when the X-Request-Id header is missing", async () => {
    const { code, summary } = await runThroughBroken("request-id-header");
    expect(code).toBe(1);
    expect(summary.failures.find((f) => f.case === "health-without-key")?.violations).toEqual(expect.arrayContaining([expect.stringMatching(/GET \/health → 200: \/header\/X-Request-Id is required/)]));
    expect(summary.coverage.covered).toBe(0);
  }, 60_000);

  it("refuses to count a status it could not provoke: a skipped case leaves its pair uncovered, and the run fails", async () => {
    const { code, summary, junit } = await runRunner(mockUrl, { CONTRACT_SKIP: "cancel-dispatched-run" });
    expect(code).toBe(1);
    expect(summary.totals.failed).toBe(0);
    expect(summary.totals.skipped).toBe(1);
    expect(summary.coverage.uncovered).toEqual([{ operationId: "cancelRun", status: 200, reason: "its cases were skipped" }]);
    expect(summary.coverage.percent).toBeLessThan(100);
    expect(junit).toContain('<failure type="Uncovered" message="cancelRun 200: its cases were skipped"/>');
  }, 60_000);
});
