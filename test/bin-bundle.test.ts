/**
 * The command runs a bundle of the sources (bin/bundle.js): built once per version of the
 * sources, run in place of tsx, and never stale. The caches can be switched off, and the
 * command then runs the sources through tsx.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundleName, freshBundle } from "../bin/bundle.js";

const BIN = fileURLToPath(new URL("../bin/runtools-mock.js", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "bin-bundle-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts the command with `env`, answers its /health status, and stops it. */
async function healthOf(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [BIN, "--port", "0"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1] as string);
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
    });
    return (await fetch(`${url}/health`)).status;
  } finally {
    child.kill("SIGTERM");
  }
}

describe("the bundle of the sources", () => {
  it("is built once, then found again without a rebuild", async () => {
    const dir = join(scratch, "once");
    const entry = await freshBundle(dir);
    expect(entry.startsWith(dir)).toBe(true);
    const built = statSync(entry).mtimeMs;
    expect(await freshBundle(dir)).toBe(entry);
    expect(statSync(entry).mtimeMs).toBe(built);
    expect(readdirSync(dir).filter((name) => name.startsWith("cli-"))).toHaveLength(1);
  });

  it("is named by the sources: another source text is another bundle; tests do not count", () => {
    const src = join(scratch, "src");
    mkdirSync(join(src, "core"), { recursive: true });
    writeFileSync(join(src, "cli.ts"), "export const a = 1;\n");
    writeFileSync(join(src, "core", "x.ts"), "export const x = 1;\n");
    const first = bundleName(src);
    writeFileSync(join(src, "core", "x.test.ts"), "it('ignored', () => {});\n");
    expect(bundleName(src)).toBe(first);
    writeFileSync(join(src, "core", "x.ts"), "export const x = 2;\n");
    expect(bundleName(src)).not.toBe(first);
  });

  it("is what the command runs", async () => {
    const dir = join(scratch, "command");
    expect(await healthOf({ RUNTOOLS_MOCK_CACHE_DIR: dir })).toBe(200);
    const bundles = readdirSync(dir).filter((name) => name.startsWith("cli-"));
    expect(bundles).toHaveLength(1);
    expect(existsSync(join(dir, bundles[0] as string, "cli.mjs"))).toBe(true);
  }, 30_000);

  it("is skipped with the caches off: the command runs the sources", async () => {
    const dir = join(scratch, "off");
    expect(await healthOf({ RUNTOOLS_MOCK_CACHE: "off", RUNTOOLS_MOCK_CACHE_DIR: dir })).toBe(200);
    expect(existsSync(dir)).toBe(false);
  }, 30_000);
});
