/**
 * SandboxStore.exec without HTTP: commands run in the sandbox's own shell over its own files
 * (docs/sandboxes.md), and a scripted answer takes precedence. The command lines below are the
 * ones the ComputeSDK RunTools provider sends (fidelity audit §4).
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ExecRequest, SandboxCreateRequest } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { apiErrorOfAsync, CountingIds, ManualClock } from "../common/test-support.ts";
import { SandboxStore, type SandboxStoreDeps, type ScriptedExec } from "./sandboxes.store.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";

const execResultSchema = compileValidators(loadSpec()).component("ExecResult");

let clock: ManualClock;
let store: SandboxStore;

function makeStore(deps: Partial<SandboxStoreDeps> = {}): SandboxStore {
  const ids = new CountingIds();
  return new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces: new WorkspaceStore({ clock, ids }), ...deps });
}

function running(fields: Partial<SandboxCreateRequest> = {}): string {
  const { id } = store.create({ template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], ...fields });
  clock.nextRequest();
  return id;
}

function input(command: string, extra: Partial<ExecRequest> = {}): ExecRequest {
  return { command, timeout: 30_000, cwd: "/workspace", ...extra };
}

async function sh(id: string, command: string, extra: Partial<ExecRequest> = {}) {
  const result = await store.exec(id, input(command, extra));
  expect(execResultSchema(result)).toEqual([]);
  return result;
}

/** The provider's shell quoting: one POSIX single-quoted word. */
const q = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

beforeEach(() => {
  clock = new ManualClock();
  store = makeStore();
});

describe("SandboxStore.exec: the ComputeSDK provider's filesystem over the sandbox's shell", () => {
  it("writes a file with printf|base64 --decode and reads it back with cat --", async () => {
    const id = running();
    const encoded = Buffer.from("héllo\nworld", "utf8").toString("base64");
    expect(await sh(id, `printf %s ${q(encoded)} | base64 --decode > ${q("/workspace/notes.txt")}`)).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
    expect(await sh(id, `cat -- ${q("/workspace/notes.txt")}`)).toMatchObject({ stdout: "héllo\nworld", exitCode: 0 });
  });

  it("answers exit 1 for test -e of a missing path and 0 once mkdir -p made it; rm -rf removes it again", async () => {
    const id = running();
    expect((await sh(id, `test -e ${q("/workspace/a/b")}`)).exitCode).toBe(1);
    expect((await sh(id, `mkdir -p -- ${q("/workspace/a/b")}`)).exitCode).toBe(0);
    expect((await sh(id, `test -e ${q("/workspace/a/b")}`)).exitCode).toBe(0);
    expect((await sh(id, `rm -rf -- ${q("/workspace/a")}`)).exitCode).toBe(0);
    expect((await sh(id, `test -e ${q("/workspace/a")}`)).exitCode).toBe(1);
  });

  it("lists a directory with find -printf '%f\\0%y\\0%s\\0%T@\\0', types and sizes included", async () => {
    const id = running();
    await sh(id, "mkdir -p /workspace/src && printf abc > /workspace/readme");
    const { stdout, exitCode } = await sh(id, `find ${q("/workspace")} -mindepth 1 -maxdepth 1 -printf '%f\\0%y\\0%s\\0%T@\\0'`);
    expect(exitCode).toBe(0);
    const fields = stdout.split("\0");
    const seconds = String(Date.parse("2026-01-01T00:00:00Z") / 1000);
    expect(fields).toEqual(["readme", "f", "3", seconds, "src", "d", "0", seconds, ""]);
  });

  it("reads a missing file as exit 1 with cat's message on stderr", async () => {
    const id = running();
    expect(await sh(id, "cat -- '/workspace/missing'")).toMatchObject({ stdout: "", stderr: "cat: /workspace/missing: No such file or directory\n", exitCode: 1 });
  });

  it("runs sh -c with nested quotes, pipes, && and ||", async () => {
    const id = running();
    expect((await sh(id, `sh -c 'echo "hello world"'`)).stdout).toBe("hello world\n");
    expect((await sh(id, "printf 'b\\na\\n' | sort | head -1")).stdout).toBe("a\n");
    expect((await sh(id, "false && echo no || echo fallback")).stdout).toBe("fallback\n");
    expect((await sh(id, "echo out; echo err >&2; exit 3"))).toMatchObject({ stdout: "out\n", stderr: "err\n", exitCode: 3 });
  });

  it("answers 127 with bash's message for an unknown command", async () => {
    const id = running();
    expect(await sh(id, "nonexistent-command-12345")).toMatchObject({ stdout: "", stderr: "bash: nonexistent-command-12345: command not found\n", exitCode: 127 });
  });

  it("runs the provider's background form (nohup sh -lc '…' >/dev/null 2>&1 &), whose effects later commands see", async () => {
    const id = running();
    expect(await sh(id, `nohup sh -lc ${q("echo started > /tmp/server.log")} >/dev/null 2>&1 &`)).toMatchObject({ stdout: "", exitCode: 0 });
    expect((await sh(id, "cat /tmp/server.log")).stdout).toBe("started\n");
  });

  it("runs in the request's cwd with the sandbox's env under the request's env, HOME=/root and the user root", async () => {
    const id = running({ env: { STAGE: "ci", SHARED: "sandbox" } });
    await sh(id, "mkdir -p /workspace/app");
    const result = await sh(id, "pwd; echo $STAGE $SHARED $HOME; whoami", { cwd: "/workspace/app", env: { SHARED: "request" } });
    expect(result.stdout).toBe("/workspace/app\nci request /root\nroot\n");
  });

  it("answers exit 1 and a cd message for a cwd that does not exist", async () => {
    const id = running();
    expect(await sh(id, "pwd", { cwd: "/nowhere" })).toMatchObject({ stdout: "", stderr: "bash: line 1: cd: /nowhere: No such file or directory\n", exitCode: 1 });
  });

  it("has /workspace, /tmp and the home /root", async () => {
    const id = running();
    expect((await sh(id, "test -d /workspace && test -d /tmp && test -d /root && echo yes")).stdout).toBe("yes\n");
  });

  it("stops a command at the request's timeout with exit 124", async () => {
    const id = running();
    const result = await sh(id, "sleep 5; echo never", { timeout: 50 });
    expect(result.exitCode).toBe(124);
    expect(result.stdout).toBe("");
  });
});

describe("SandboxStore.exec: files live as long as the sandbox", () => {
  it("keeps files through pause and resume", async () => {
    const id = running();
    await sh(id, "echo kept > /workspace/state");
    store.pause(id);
    clock.nextRequest();
    store.resume(id);
    clock.nextRequest();
    expect((await sh(id, "cat /workspace/state")).stdout).toBe("kept\n");
  });

  it("gives each sandbox its own files, and a new sandbox under a destroyed one's name none of them", async () => {
    const first = running({ name: "box" });
    const other = running({ name: "other" });
    await sh(first, "echo mine > /workspace/f");
    expect((await sh(other, "test -e /workspace/f")).exitCode).toBe(1);
    store.delete(first);
    const second = running({ name: "box" });
    expect((await sh(second, "test -e /workspace/f")).exitCode).toBe(1);
  });

  it("fails a write beyond resources.disk like a full disk, and accepts it again once space is freed", async () => {
    const id = running({ resources: { vcpus: 1, memory: "1GB", disk: "1MB" } });
    expect((await sh(id, "seq 1 90000 > /tmp/a && wc -c < /tmp/a")).stdout).toBe("528894\n");
    const full = await sh(id, "seq 1 90000 > /tmp/b");
    expect(full.exitCode).not.toBe(0);
    expect(full.stderr).toContain("No space left on device");
    expect((await sh(id, "rm /tmp/a && seq 1 90000 > /tmp/b && echo ok")).stdout).toBe("ok\n");
  });
});

describe("SandboxStore.exec: precedence, statuses, determinism", () => {
  it("answers a scripted result instead of running the shell, with the request and sandbox as given", async () => {
    const scriptedExec = vi.fn<ScriptedExec>((request) => (request.command === "make test" ? { stdout: "", stderr: "boom\n", exitCode: 2, durationMs: 17 } : undefined));
    store = makeStore({ scriptedExec });
    const id = running({ name: "runner" });
    const request = input("make test", { env: { CI: "1" } });
    expect(await store.exec(id, request)).toEqual({ stdout: "", stderr: "boom\n", exitCode: 2, durationMs: 17 });
    expect(scriptedExec).toHaveBeenCalledWith(request, { id, name: "runner" });
    expect((await store.exec(id, input("echo shell"))).stdout).toBe("shell\n");
  });

  it.each(["creating", "paused", "destroyed"] as const)("answers conflict in a %s sandbox and runs nothing", async (status) => {
    const scriptedExec = vi.fn<ScriptedExec>(() => undefined);
    store = makeStore({ scriptedExec });
    const { id } = store.create({ template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [] });
    if (status !== "creating") {
      clock.nextRequest();
      if (status === "paused") {
        store.pause(id);
        clock.nextRequest();
      } else {
        store.delete(id);
      }
    }
    expect(store.get(id).status).toBe(status);
    const error = await apiErrorOfAsync(() => store.exec(id, input("echo hi")));
    expect(error.code).toBe("conflict");
    expect(scriptedExec).not.toHaveBeenCalled();
  });

  it("answers not_found for an unknown sandbox", async () => {
    expect((await apiErrorOfAsync(() => store.exec("nothing-here", input("echo hi")))).code).toBe("not_found");
  });

  it("prints the same bytes for the same commands in two mocks with the same ids and clock: dates, times, $RANDOM", async () => {
    const lines = "touch /tmp/x; ls -l /tmp; date; date +%s; stat -c %s /tmp/x; echo $RANDOM $RANDOM; find /tmp -printf '%T@\\n'";
    const outputs: string[] = [];
    for (let run = 0; run < 2; run++) {
      clock = new ManualClock();
      store = makeStore();
      const id = running();
      clock.advance(90_000);
      outputs.push((await sh(id, lines)).stdout);
    }
    expect(outputs[0]).toBe(outputs[1]);
    expect(outputs[0]).toContain("Thu Jan  1 00:01:30 UTC 2026\n1767225690\n");
    expect(outputs[0]).toMatch(/\n\d+ \d+\n/);
  });
});

describe("SandboxStore.url", () => {
  it("answers the same preview URL for a port, by id or name, in any status but destroyed (409)", () => {
    const id = running({ name: "web" });
    expect(store.url("web", 3000)).toEqual({ url: `https://3000-${id}.sandboxes.runtools.ai`, port: 3000 });
    expect(store.url(id, 3000)).toEqual(store.url("web", 3000));
    store.pause(id);
    expect(store.url(id, 8080).url).toBe(`https://8080-${id}.sandboxes.runtools.ai`);
    store.delete(id);
    expect(() => store.url(id, 3000)).toThrow(/destroyed/);
  });
});
