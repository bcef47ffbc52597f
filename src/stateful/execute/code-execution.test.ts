import { describe, expect, it } from "vitest";
import type { ExecuteRequest } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { VirtualClock } from "../common/clock.ts";
import { apiErrorOfAsync } from "../common/test-support.ts";
import { CodeExecutor } from "./code-execution.ts";

const resultSchema = compileValidators(loadSpec()).component("ExecuteResult");
const executor = new CodeExecutor(new VirtualClock());

/** A request as the validator hands it over: the spec's defaults filled in. */
type Body = Omit<ExecuteRequest, "version" | "run_timeout" | "compile_timeout"> & Partial<ExecuteRequest>;
const body = (fields: Body): ExecuteRequest => ({ version: "*", run_timeout: 5000, compile_timeout: 10000, ...fields });

async function run(fields: Body) {
  const result = await executor.run(body(fields));
  expect(resultSchema(result)).toEqual([]);
  return result;
}

describe("CodeExecutor", () => {
  it("runs bash code in the shell and answers the raw payload", async () => {
    expect(await run({ language: "bash", code: 'echo "sum: $((2 + 3))"; echo oops >&2; exit 4' })).toEqual({
      language: "bash",
      version: "5.1.0",
      run: { stdout: "sum: 5\n", stderr: "oops\n", code: 4, signal: null, time_ms: 0, memory_kb: 0 },
    });
  });

  it("writes files to /workspace (an unnamed one as file<N>.sh) and runs the first; stdin reaches the script; session_id comes back", async () => {
    const result = await run({
      language: "bash",
      files: [{ name: "main.sh", content: "source ./file1.sh; read name; greet \"$name\"; pwd" }, { content: 'greet() { echo "hello $1"; }' }],
      stdin: "world\n",
      session_id: "s-1",
    });
    expect(result.session_id).toBe("s-1");
    expect(result.run).toMatchObject({ stdout: "hello world\n/workspace\n", code: 0 });
  });

  it("keeps nothing between calls", async () => {
    await run({ language: "bash", code: "echo x > /workspace/left" });
    expect((await run({ language: "bash", code: "test -e /workspace/left" })).run.code).toBe(1);
  });

  it("stops a run at run_timeout: code null, signal SIGKILL", async () => {
    expect((await run({ language: "bash", code: "sleep 5", run_timeout: 50 })).run).toMatchObject({ code: null, signal: "SIGKILL" });
  });

  it("answers 400 at /body/language for a language the mock cannot run, and for code and files both or neither", async () => {
    const python = await apiErrorOfAsync(() => executor.run(body({ language: "python", code: "print(1)" })));
    expect(python.details).toEqual([{ path: "/body/language", message: "'python' does not run in the mock (only bash does)" }]);
    expect((await apiErrorOfAsync(() => executor.run(body({ language: "bash" })))).details?.[0]?.path).toBe("/body/code");
    expect((await apiErrorOfAsync(() => executor.run(body({ language: "bash", code: "x", files: [{ content: "y" }] })))).details?.[0]?.path).toBe("/body/files");
    expect((await apiErrorOfAsync(() => executor.run(body({ language: "bash", files: [{ name: "a", content: "" }, { name: "a", content: "" }] })))).details?.[0]?.path).toBe("/body/files/1/name");
  });
});
