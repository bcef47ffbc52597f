/**
 * When the `runtools-mock` command stops: on SIGTERM or SIGINT, and when the npm process that
 * started it is gone.
 *
 * Why the second: `npm start` and `npx runtools-mock` run the command through `sh -c`, and npm
 * forwards SIGTERM and SIGINT to that shell only. On SIGTERM the shell died without passing it
 * on and npm exited: the mock, now an orphan, kept serving and holding its port (measured with
 * npm 11 and dash: `kill -TERM <npm>` left `node bin/runtools-mock.js` answering). On SIGINT the
 * shell waits for its child, which never got the signal, so nothing stopped at all.
 *   - `npm start` is `exec node bin/runtools-mock.js`: the shell becomes the mock, and npm's
 *     forwarded signals reach it directly.
 *   - `npx runtools-mock` cannot be told to exec. So, when npm started the command (it sets
 *     `npm_command`), the mock watches its parent: once the parent is gone (`process.ppid`
 *     changes to the reaper), it stops as on SIGTERM. SIGINT sent to npx's pid alone stays with
 *     the waiting shell; Ctrl-C in a terminal signals the whole group and stops it.
 *   Started any other way (a shell, nohup, a supervisor) the mock lives on its own.
 */

/** How often the parent is looked at; a stop is noticed within this time. */
const PARENT_POLL_MS = 250;

/**
 * Calls `stop(reason)` once on the first SIGTERM or SIGINT (a second one exits at once) and, under
 * npm, when the parent process exits.
 */
export function stopOnSignalsAndParentExit(stop: (reason: string) => void, env: NodeJS.ProcessEnv = process.env): void {
  let stopping = false;
  const once = (reason: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    stop(reason);
  };
  process.on("SIGTERM", () => once("SIGTERM"));
  process.on("SIGINT", () => once("SIGINT"));
  if (env.npm_command === undefined && env.npm_lifecycle_event === undefined) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && !stopping) once("the npm process that started it exited");
  }, PARENT_POLL_MS).unref();
}
