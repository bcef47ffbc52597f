/**
 * Dredd 14 as a contract-test referee (issue 6, points 1 and 4): the mock, started as a user starts it,
 * must pass every transaction Dredd generates from spec/openapi.yaml, with the hooks of
 * test/contract/dredd/ (see its README); and the same Dredd run must FAIL against a server that breaks
 * the contract (test/contract/broken-server.ts), naming the broken fields.
 *
 * Dredd's OAS3 adapter resolves no `$ref` to another file, so it reads spec/openapi.yaml bundled into
 * one JSON document (scripts/bundle-spec.ts; JSON also spares its YAML 1.1 parser the scalars that
 * YAML 1.2 allows unquoted).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBundledSpec } from "../../scripts/bundle-spec.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrokenServer, type BrokenServer } from "./broken-server.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/runtools-mock.js");
const DREDD = join(ROOT, "node_modules/dredd/bin/dredd");
const HOOKS = "test/contract/dredd/hooks.cjs";
const SPEC = join(ROOT, "reports/openapi.bundled.json");
const REPORT = "reports/dredd.xml";
const BROKEN_REPORT = "reports/dredd-broken.xml";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface Mock {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts `runtools-mock` on a free port and resolves once it prints where it listens. */
function startMock(args: string[]): Promise<Mock> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the mock printed no start-up line within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, child, output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock exited (${code}) before listening:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Runs the Dredd CLI to completion. */
function runDredd(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [DREDD, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // Patient on a loaded CI machine (a whole run takes ~15 s on an idle one): a guard, not a target.
  const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

/**
 * Dredd's CLI log, without colours (winston ignores FORCE_COLOR) and without its API-description parser
 * warnings (hundreds, each about an OpenAPI keyword its adapter ignores).
 */
const logOf = (output: string) =>
  output
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => !line.includes("API description parser warning"))
    .join("\n");

interface XunitCase {
  name: string;
  failure?: string;
  skipped: boolean;
}

interface Xunit {
  tests: number;
  failures: number;
  errors: number;
  skip: number;
  cases: XunitCase[];
}

const decode = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** Reads Dredd's xunit report (the `testsuite` totals and each `testcase`). */
function readXunit(file: string): Xunit {
  const xml = readFileSync(join(ROOT, file), "utf8");
  const suite = /<testsuite ([^>]*)>/.exec(xml);
  if (!suite) throw new Error(`${file}: no <testsuite>:\n${xml.slice(0, 500)}`);
  const attr = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(suite[1] as string)?.[1] ?? NaN);
  const cases: XunitCase[] = [];
  for (const match of xml.matchAll(/<testcase name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const inner = match[2] ?? "";
    const failure = /<failure>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/failure>/.exec(inner)?.[1];
    cases.push({ name: decode(match[1] as string), skipped: inner.includes("<skipped"), ...(failure !== undefined ? { failure } : {}) });
  }
  return { tests: attr("tests"), failures: attr("failures"), errors: attr("errors"), skip: attr("skip"), cases };
}

/** The `Message:` part of a failure (the rest repeats the request and the expected schema). */
const messageOf = (failure: string) => failure.split("\nRequest:")[0] ?? failure;

/**
 * The transactions Dredd generates from the document, computed independently of Dredd: one per
 * (operation, documented status, media type), named `path > summary > status > media type`.
 */
function expectedTransactionNames(document: any): string[] {
  const names: string[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const [status, response] of Object.entries<any>(operation.responses)) {
        let resolved = response;
        while (resolved.$ref) resolved = resolved.$ref.slice(2).split("/").reduce((node: any, key: string) => node[key], document);
        for (const mediaType of Object.keys(resolved.content ?? { "": null })) {
          names.push([path, operation.summary ?? method.toUpperCase(), status, mediaType].filter(Boolean).join(" > "));
        }
      }
    }
  }
  return names;
}

describe("Dredd (dredd@14.1.0) against runtools-mock", () => {
  let mock: Mock;
  let document: any;

  beforeAll(async () => {
    mkdirSync(join(ROOT, "reports"), { recursive: true });
    document = JSON.parse(readFileSync(writeBundledSpec(SPEC), "utf8"));
    mock = await startMock(["--port", "0", "--seed", "1", "--stream-delay", "0"]);
  }, 90_000);

  afterAll(async () => {
    if (mock) await stop(mock.child);
  });

  it("passes every transaction Dredd generates from spec/openapi.yaml, none skipped", async () => {
    const started = Date.now();
    const { code, output } = await runDredd([SPEC, mock.url, `--hookfiles=${HOOKS}`, "--reporter", "xunit", "--output", REPORT]);
    const log = logOf(output);
    expect(code, `dredd exited with ${code}:\n${log}`).toBe(0);

    const report = readXunit(REPORT);
    const expected = expectedTransactionNames(document);
    expect(report.tests).toBeGreaterThan(0);
    expect(report.failures, log).toBe(0);
    expect(report.errors, log).toBe(0);
    // Every transaction ran: one test case per transaction, named after it (the hooks set `t.id = t.name`).
    expect(report.tests).toBe(expected.length);
    expect(report.cases.map((c) => c.name).sort()).toEqual([...expected].sort());
    // No transaction is skipped. A skip must carry its reason next to it in hooks.cjs, and be counted here.
    expect(report.skip).toBe(0);
    expect(report.cases.filter((c) => c.skipped)).toEqual([]);
    expect(log).toMatch(new RegExp(`complete: ${expected.length} passing, 0 failing, 0 errors, 0 skipped, ${expected.length} total`));
    expect(Date.now() - started).toBeLessThan(45_000);
  }, 300_000);

  describe("against a server that breaks the contract", () => {
    let broken: BrokenServer;

    beforeAll(async () => {
      // The mock behind a proxy that drops `data.version` from agent answers and turns `action` into "made".
      broken = await startBrokenServer(mock.url, { corruptions: ["agent-fields"] });
    });

    afterAll(async () => {
      if (broken) await broken.close();
    });

    it("reports the violations, naming the broken fields", async () => {
      const { code, output } = await runDredd([SPEC, broken.url, `--hookfiles=${HOOKS}`, "--reporter", "xunit", "--output", BROKEN_REPORT]);
      const log = logOf(output);
      expect(code, log).not.toBe(0);
      expect(broken.corrupted()).toBeGreaterThan(0);

      const report = readXunit(BROKEN_REPORT);
      expect(report.errors, log).toBe(0);
      expect(report.failures).toBeGreaterThan(0);
      const failed = report.cases.filter((c) => c.failure !== undefined);
      expect(failed.length).toBe(report.failures);

      // Only the agent answers were corrupted, and only they fail: everything else still conforms.
      for (const c of failed) expect(c.name).toMatch(/^\/v1\/agents(\/\{slug\})? > [^>]+ > 20[01] > application\/json$/);
      const messages = new Map(failed.map((c) => [c.name, messageOf(c.failure as string)]));
      const upsert201 = messages.get("/v1/agents > Create or update an agent (upsert by slug) > 201 > application/json");
      expect(upsert201).toContain(`body: At '/data/action' No enum match for: "made"`);
      expect(upsert201).toContain("body: At '/data/version' Missing required property: version");
      expect(messages.get("/v1/agents/{slug} > Get an agent > 200 > application/json")).toContain("body: At '/data/version' Missing required property: version");
      expect(messages.get("/v1/agents > List the organization's agents > 200 > application/json")).toContain("body: At '/data/0/version' Missing required property: version");
    }, 300_000);
  });
});
