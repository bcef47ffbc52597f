/**
 * The default exec runner (issue 2: "an `echo` prints its arguments; anything else prints
 * nothing and exits 0") and the word splitting it relies on.
 */
import { describe, expect, it } from "vitest";
import type { ExecRequest } from "../../api-types.ts";
import { defaultCommandRunner, splitWords } from "./exec-default.ts";

const run = (command: string) => defaultCommandRunner({ command, timeout: 30_000, cwd: "/workspace" } satisfies ExecRequest, { id: "sandbox-1", name: "box" });

describe("splitWords", () => {
  it.each<[string, string[]]>([
    ["echo hello world", ["echo", "hello", "world"]],
    ["  echo   spaced\tout  ", ["echo", "spaced", "out"]],
    ["", []],
    ["   ", []],
    [`echo "a  b" c`, ["echo", "a  b", "c"]],
    [`echo 'a  b' c`, ["echo", "a  b", "c"]],
    [`echo 'it''s'`, ["echo", "its"]],
    [`echo "it's"`, ["echo", "it's"]],
    [`echo 'say "hi"'`, ["echo", `say "hi"`]],
    [`echo ab"c d"ef`, ["echo", "abc def"]],
    [`echo '' x`, ["echo", "", "x"]],
    [`echo ""`, ["echo", ""]],
    [`echo a\\ b`, ["echo", "a b"]],
    [`echo \\"quoted\\"`, ["echo", `"quoted"`]],
    [`echo 'a\\b'`, ["echo", "a\\b"]],
    [`echo "a\\"b"`, ["echo", `a"b`]],
    [`echo "a\\\\b"`, ["echo", "a\\b"]],
    [`echo "\\$HOME"`, ["echo", "$HOME"]],
    [`echo "a\\nb"`, ["echo", "a\\nb"]],
    [`echo "unterminated`, ["echo", "unterminated"]],
    [`echo trailing\\`, ["echo", "trailing\\"]],
  ])("splits %j into %j", (line, words) => {
    expect(splitWords(line)).toEqual(words);
  });
});

describe("defaultCommandRunner", () => {
  it("prints the arguments of echo, joined by one space, with a newline, and exits 0", () => {
    expect(run("echo hello   world")).toEqual({ stdout: "hello world\n", stderr: "", exitCode: 0, durationMs: 0 });
  });

  it("prints quoted arguments as one word", () => {
    expect(run(`echo "hello   world" 'a b'`).stdout).toBe("hello   world a b\n");
  });

  it("prints a lone newline for echo without arguments", () => {
    expect(run("echo").stdout).toBe("\n");
  });

  it("leaves the newline out with echo -n", () => {
    expect(run("echo -n hello world")).toEqual({ stdout: "hello world", stderr: "", exitCode: 0, durationMs: 0 });
    expect(run("echo -n").stdout).toBe("");
  });

  it("treats -n as an ordinary word when it is not the first argument", () => {
    expect(run("echo hello -n").stdout).toBe("hello -n\n");
  });

  it("ignores whitespace around the command", () => {
    expect(run("   echo hi   ").stdout).toBe("hi\n");
  });

  it.each(["ls -la /", "cat /etc/hostname", "false", "exit 3", "/bin/echo hi", "echoes hi", ""])(
    "prints nothing and exits 0 for %j",
    (command) => {
      expect(run(command)).toEqual({ stdout: "", stderr: "", exitCode: 0, durationMs: 0 });
    },
  );

  it("answers the same result every time for the same command", () => {
    expect(run(`echo "a b" c`)).toEqual(run(`echo "a b" c`));
  });
});
