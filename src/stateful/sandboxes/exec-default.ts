/**
 * What a sandbox command prints until a test scripts it (issue 2): `echo ARGS` prints its
 * arguments and a newline (`echo -n` leaves the newline out); anything else prints nothing and
 * exits 0. Deterministic by design: the same command always gives the same result.
 */
import type { ExecRequest, ExecResult } from "../../api-types.ts";

/** Answers the result of a command in a sandbox (the control plane scripts it per sandbox). */
export type CommandRunner = (request: ExecRequest, sandbox: { id: string; name: string }) => ExecResult;

/** The default runner. */
export const defaultCommandRunner: CommandRunner = (request) => {
  const words = splitWords(request.command.trim());
  if (words[0] !== "echo") return { stdout: "", stderr: "", exitCode: 0, durationMs: 0 };
  const args = words.slice(1);
  const noNewline = args[0] === "-n";
  const printed = (noNewline ? args.slice(1) : args).join(" ");
  return { stdout: noNewline ? printed : `${printed}\n`, stderr: "", exitCode: 0, durationMs: 0 };
};

/** Splits a command line into words, honouring single quotes, double quotes and backslashes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === "\\" && i + 1 < line.length && '"\\$`'.includes(line.charAt(i + 1))) current += line.charAt(++i);
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === "\\" && i + 1 < line.length) {
      current += line.charAt(++i);
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}
