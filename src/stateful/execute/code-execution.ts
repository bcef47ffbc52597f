/**
 * `POST /v1/execute` (docs: /api-reference/execute): stateless code execution with a raw answer.
 * bash runs in a fresh sandbox shell (the same just-bash shell as sandbox exec) that is thrown away
 * afterwards; the other documented languages have no interpreter here and answer 400 unless a
 * test scripts the operation (spec/paths/execute.yaml records the decisions).
 */
import type { ExecuteRequest, ExecuteResult } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { Clock } from "../common/clock.ts";
import { SandboxShell } from "../sandboxes/shell/sandbox-shell.ts";
import { randomFor } from "../sandboxes/shell/seeded-random.ts";

/** The bash version just-bash reports (`$BASH_VERSION` 5.1.0(1)-release). */
const BASH_VERSION = "5.1.0";
/** The scratch filesystem of one execution: enough for scripts and their output. */
const SCRATCH_BYTES = 64 * 2 ** 20;

/** Runs code for one organization's requests. */
export class CodeExecutor {
  constructor(private readonly clock: Clock) {}

  /** Runs the request's code; 400 for a language the mock cannot run or a request without code. */
  async run(request: ExecuteRequest): Promise<ExecuteResult> {
    const { language } = request;
    if (language !== "bash") {
      throw new ApiError("bad_request", `The mock runs only bash; script answers for ${language} with POST /__mock/scripts/responses (operationId executeCode)`, [
        { path: "/body/language", message: `'${language}' does not run in the mock (only bash does)` },
      ]);
    }
    const files = sourcesOf(request);
    const shell = new SandboxShell({ clock: this.clock, diskBytes: SCRATCH_BYTES, random: randomFor(files.map((f) => f.content).join("\0")) });
    for (const file of files) await shell.writeFile(`/workspace/${file.name}`, file.content);
    const first = files[0]?.name ?? "main.sh";
    const result = await shell.exec({ command: `bash ./${quoteName(first)}`, timeout: request.run_timeout, cwd: "/workspace", ...(request.stdin === undefined ? {} : { stdin: request.stdin }) });
    return {
      language,
      version: BASH_VERSION,
      ...(request.session_id === undefined ? {} : { session_id: request.session_id }),
      run: {
        stdout: result.stdout,
        stderr: result.timedOut ? "" : result.stderr,
        code: result.timedOut ? null : result.exitCode,
        signal: result.timedOut ? "SIGKILL" : null,
        time_ms: result.durationMs,
        memory_kb: 0,
      },
    };
  }
}

/** The files to write: `code` as main.sh, or `files` with default names for unnamed ones. */
function sourcesOf(request: ExecuteRequest): { name: string; content: string }[] {
  if (request.code !== undefined && request.files !== undefined) {
    throw new ApiError("bad_request", "Send either code or files, not both", [{ path: "/body/files", message: "must be absent when code is given" }]);
  }
  if (request.code !== undefined) return [{ name: "main.sh", content: request.code }];
  if (request.files === undefined) {
    throw new ApiError("bad_request", "Either code or files is required", [{ path: "/body/code", message: "is required when files is absent" }]);
  }
  const files = request.files.map((file, index) => ({ name: file.name ?? (index === 0 ? "main.sh" : `file${index}.sh`), content: file.content }));
  const seen = new Set<string>();
  files.forEach((file, index) => {
    if (seen.has(file.name)) throw new ApiError("bad_request", `Two files are named '${file.name}'`, [{ path: `/body/files/${index}/name`, message: "is already used by another file" }]);
    seen.add(file.name);
  });
  return files;
}

function quoteName(name: string): string {
  return `'${name.replace(/'/g, `'\\''`)}'`;
}
