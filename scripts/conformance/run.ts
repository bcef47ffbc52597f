/**
 * The conformance runner's command line:
 *
 *   tsx scripts/conformance/run.ts            (or: node --import tsx scripts/conformance/run.ts)
 *   tsx scripts/conformance/run.ts --list     (the case names, for CONTRACT_SKIP / CONTRACT_ONLY)
 *
 * It talks to the public API of CONTRACT_BASE_URL only (never the mock's control plane), so it
 * can be pointed at any implementation of spec/openapi.yaml. Exit status: 0 when every case
 * passed and every documented (operation, status) pair is covered, 1 otherwise, 2 when it could
 * not run (bad settings, unreachable server). See README.md next to this file.
 */
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { cases } from "./cases/index.ts";
import { loadContract } from "./contract.ts";
import { formatTable, summaryLine, writeReports } from "./report.ts";
import { checkTable, passed, runConformance } from "./runner.ts";

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0, not '${value}'`);
  return n;
}

function alnum(length: number): string {
  return randomBytes(length * 2)
    .toString("base64")
    .replace(/[^a-z0-9]/g, "")
    .slice(0, length)
    .padEnd(length, "0");
}

async function main(): Promise<number> {
  const env = process.env;
  if (process.argv.includes("--list")) {
    for (const c of cases) console.log(`${c.name.padEnd(48)} ${c.operationId} ${c.status}`);
    return 0;
  }
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log("usage: tsx scripts/conformance/run.ts [--list]   (settings: CONTRACT_* environment variables, see scripts/conformance/README.md)");
    return 0;
  }

  const baseUrl = (env.CONTRACT_BASE_URL ?? "http://127.0.0.1:4010").replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) throw new Error(`CONTRACT_BASE_URL must be an http(s) URL, not '${baseUrl}'`);
  const apiKey = env.CONTRACT_API_KEY ?? `rt_test_conformance${alnum(12)}`;
  const skip = new Set(list(env.CONTRACT_SKIP));
  const onlyNames = list(env.CONTRACT_ONLY);
  const only = onlyNames.length > 0 ? new Set(onlyNames) : undefined;
  const reportDir = resolve(env.CONTRACT_REPORT_DIR ?? "reports");
  const settings = {
    baseUrl,
    apiKey,
    runTag: `ct${Date.now().toString(36).slice(-5)}${alnum(3)}`,
    timeoutMs: positive("CONTRACT_TIMEOUT_MS", env.CONTRACT_TIMEOUT_MS, 30_000),
    waitMs: positive("CONTRACT_WAIT_MS", env.CONTRACT_WAIT_MS, 60_000),
  };
  const concurrency = positive("CONTRACT_CONCURRENCY", env.CONTRACT_CONCURRENCY, 4);

  const contract = loadContract(env.CONTRACT_SPEC === undefined || env.CONTRACT_SPEC === "" ? undefined : resolve(env.CONTRACT_SPEC));
  const problems = checkTable(contract, cases, [...skip, ...(only ?? [])]);
  if (problems.length > 0) throw new Error(`the case table does not fit the spec:\n  ${problems.join("\n  ")}`);

  try {
    await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(settings.timeoutMs) });
  } catch (error) {
    throw new Error(`cannot reach ${baseUrl}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }

  const progress = process.stderr.isTTY === true;
  const summary = await runConformance({
    contract,
    cases,
    settings,
    skip,
    ...(only ? { only } : {}),
    concurrency,
    onCase: (result) => {
      if (progress) process.stderr.write(result.outcome === "failed" ? "✗" : result.outcome === "skipped" ? "-" : ".");
    },
  });
  if (progress) process.stderr.write("\n");

  const paths = { junit: resolve(reportDir, "conformance.xml"), json: resolve(reportDir, "conformance.json") };
  writeReports(summary, paths);
  console.log(formatTable(summary));
  console.log(`reports: ${paths.junit}, ${paths.json}`);
  const ok = passed(summary);
  if (!ok) console.error(`FAILED: ${summaryLine(summary)}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`conformance: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
