/**
 * The package as a user meets it: `npm pack`, the tarball installed into a fresh project, then
 * every README example run from there (examples/, copied as they are): a plain JavaScript seed
 * workflow, CommonJS require(), a strict `nodenext` tsc of a TypeScript consumer, the vitest
 * in-process and MSW examples, an Express embedding that serves, and `npx runtools-mock`,
 * stopped by SIGTERM.
 *
 * The tarball is packed with --ignore-scripts from the dist/ that `npm ci` built (its `prepare`):
 * packing with scripts would rebuild dist/ under the feet of tests that import the package by
 * name. A dist/ older than a source fails here, naming `npm run build`.
 * The project's own install is the tarball and its dependencies, from npm's cache when it can
 * (--prefer-offline); the tools the examples need beside it (vitest, msw, express, @types/node)
 * are linked from this repository's node_modules rather than downloaded again.
 */
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listeningUrl, portFreed } from "../process/child.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLES = join(ROOT, "examples");
const exec = promisify(execFile);
/** The child runs its own vitest: none of this run's variables may leak into it. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "NODE_ENV"));
const SETUP_MS = 180_000;
/** A child process of its own (tsc, vitest) on a shared, busy machine. */
const CHILD_MS = 90_000;

let project = "";
let tarball = "";
let packed: string[] = [];

function newestMtime(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith(".test.ts"))
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

async function run(command: string, args: string[], cwd = project) {
  return exec(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 });
}

beforeAll(async () => {
  const built = join(ROOT, "dist/index.js");
  if (!existsSync(built) || statSync(built).mtimeMs < newestMtime(join(ROOT, "src"))) {
    throw new Error("dist/ is missing or older than src/: run `npm run build` (npm ci does it)");
  }
  const dir = mkdtempSync(join(tmpdir(), "rtm-consumer-"));
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT);
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, info?.filename ?? "");
  packed = (info?.files ?? []).map((file) => file.path);

  project = join(dir, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball]);
  for (const name of ["vitest", "msw", "express", "@types/node"]) {
    mkdirSync(join(project, "node_modules", name, ".."), { recursive: true });
    symlinkSync(join(ROOT, "node_modules", name), join(project, "node_modules", name), "dir");
  }
  cpSync(EXAMPLES, project, { recursive: true });
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", noEmit: true }, include: ["consumer.ts"] }),
  );
}, SETUP_MS);

afterAll(() => {
  if (project) rmSync(join(project, ".."), { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("ships the built code, declarations, specs, command and LICENSE, and no sources, tests or CI files", () => {
    for (const file of ["LICENSE", "README.md", "package.json", "bin/runtools-mock.js", "dist/index.js", "dist/index.d.ts", "dist/client/index.d.ts", "dist/types.d.ts", "dist/cli/cli.mjs", "spec/openapi.yaml", "spec/control.yaml"]) {
      expect(packed).toContain(file);
    }
    expect(packed.some((file) => file.startsWith("dist/contract-cache/"))).toBe(true);
    expect(packed.filter((file) => /^(src|test|scripts|examples|\.ci)\//.test(file) || file.endsWith(".test.js"))).toEqual([]);
  });
});

describe("installed from the tarball into a fresh project", () => {
  it("runs the seed workflow from plain Node ESM", async () => {
    const { stdout } = await run(process.execPath, ["seed-workflow.mjs"]);
    expect(stdout).toMatch(/^run run_\S+ on thread thr_\S+: \[code-assistant\] You said: run `echo hi`/);
  }, CHILD_MS);

  it("loads from CommonJS require()", async () => {
    const { stdout } = await run(process.execPath, ["require.cjs"]);
    expect(stdout).toMatch(/^workspace \S+ created from CommonJS/);
  }, CHILD_MS);

  it("type-checks a strict nodenext TypeScript consumer of the client and the types, without @types/express", async () => {
    const result = await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."]).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe("");
  }, CHILD_MS);

  it("runs the vitest in-process and MSW examples", async () => {
    const { stdout, stderr } = await run(process.execPath, [join(project, "node_modules/vitest/vitest.mjs"), "run", "--root", "."]);
    expect(`${stdout}${stderr}`).toMatch(/2 passed/);
  }, CHILD_MS);

  it("serves from inside an Express app", async () => {
    const { stdout } = await run(process.execPath, ["express.mjs"]);
    expect(stdout).toMatch(/^Express served sandbox sandbox-\S+ at http:\/\/127\.0\.0\.1:\d+\/runtools/);
  }, CHILD_MS);

  it("runs `npx runtools-mock`, which stops when npx gets SIGTERM and frees its port", async () => {
    // npx runs the command through `sh -c`: in a process group of its own, so that anything left
    // behind by a failure can be killed by this child's group id.
    const npx = spawn("npx", ["--no-install", "runtools-mock", "--port", "0"], { cwd: project, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const { url: listening } = listeningUrl(npx);
    try {
      const url = await listening;
      expect((await fetch(`${url}/health`)).status).toBe(200);
      npx.kill("SIGTERM");
      const freed = await portFreed(url);
      expect(freed).toBe(true);
    } finally {
      try {
        process.kill(-(npx.pid as number), "SIGKILL");
      } catch {
        // The whole group is gone already.
      }
    }
  }, CHILD_MS);
});
