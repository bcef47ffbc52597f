/**
 * Log lines gathered for one turn of the event loop and written together.
 *
 * Why: node writes to stderr synchronously when it is a file or a pipe (how a CI job, a
 * supervisor or `npm run bench` captures it), one system call per line. The command writes a line
 * per request by default, and that call was ~5 µs of every request (measured: 5.9 µs per line
 * written to a file one by one, 1.0 µs gathered per turn). Under load a turn serves many requests,
 * so their lines share one write; with one request at a time, a line still goes out in the turn of
 * the event loop that answered it (setImmediate's phase, right after that turn's I/O callbacks).
 *
 * Only the request lines wait: a warning (a change that could not be written, a torn record
 * dropped at start) is written at once, after the lines queued before it, so that it is on stderr
 * before the answer or the "listening" line it explains. What is pending when the process exits
 * (process.exit, the end of the event loop) is written then; only a kill -9 can lose it, at most
 * the lines of the turn it interrupts.
 */

export interface LineBatcher {
  /** Queues one line (without its newline). */
  write(line: string): void;
  /** Writes the queued lines and then this one, now: for a warning that must not wait. */
  writeNow(line: string): void;
  /** Writes whatever is queued, now. */
  flush(): void;
}

/**
 * A batcher over `out` (called with one or more whole lines, each ending in a newline).
 * `schedule` runs the flush after the current turn's I/O callbacks (setImmediate by default).
 */
export function lineBatcher(out: (text: string) => void, schedule: (flush: () => void) => void = setImmediate): LineBatcher {
  let pending = "";
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    const text = pending;
    pending = "";
    out(text);
  };
  return {
    write(line) {
      pending += `${line}\n`;
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
    writeNow(line) {
      pending += `${line}\n`;
      flush();
    },
    flush,
  };
}

/** A batcher over process.stderr that writes what is pending when the process exits. */
export function stderrLineBatcher(): LineBatcher {
  const batcher = lineBatcher((text) => process.stderr.write(text));
  process.on("exit", batcher.flush);
  return batcher;
}
