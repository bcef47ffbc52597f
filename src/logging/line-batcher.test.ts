import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lineBatcher } from "./line-batcher.ts";

/** A batcher whose scheduled flushes run when the test says, and what it wrote. */
function harness() {
  const writes: string[] = [];
  const queued: Array<() => void> = [];
  const batcher = lineBatcher(
    (text) => writes.push(text),
    (flush) => queued.push(flush),
  );
  const runScheduled = () => queued.splice(0).forEach((flush) => flush());
  return { batcher, writes, queued, runScheduled };
}

describe("lineBatcher", () => {
  it("writes the lines of one turn together, in order, once the turn is over", () => {
    const { batcher, writes, queued, runScheduled } = harness();
    batcher.write("GET /v1/agents 200");
    batcher.write("POST /v1/agents 201");
    batcher.write("GET /v1/agents/a 404");
    expect(writes).toEqual([]);
    expect(queued).toHaveLength(1);
    runScheduled();
    expect(writes).toEqual(["GET /v1/agents 200\nPOST /v1/agents 201\nGET /v1/agents/a 404\n"]);
  });

  it("schedules again for the lines of a later turn", () => {
    const { batcher, writes, runScheduled } = harness();
    batcher.write("first");
    runScheduled();
    batcher.write("second");
    runScheduled();
    expect(writes).toEqual(["first\n", "second\n"]);
  });

  it("writeNow writes the queued lines and then its own at once, in one write", () => {
    const { batcher, writes, runScheduled } = harness();
    batcher.write("GET /v1/agents 200");
    batcher.writeNow("runtools-mock: could not write state.json");
    expect(writes).toEqual(["GET /v1/agents 200\nruntools-mock: could not write state.json\n"]);
    runScheduled();
    expect(writes).toHaveLength(1);
  });

  it("flush writes what is queued now, and nothing when nothing is", () => {
    const { batcher, writes, runScheduled } = harness();
    batcher.flush();
    batcher.write("pending at exit");
    batcher.flush();
    runScheduled();
    expect(writes).toEqual(["pending at exit\n"]);
  });

  it("in the process, writes the pending lines when the process exits in the same turn", () => {
    const module = fileURLToPath(new URL("./line-batcher.ts", import.meta.url));
    const program = `
      const { stderrLineBatcher } = await import(${JSON.stringify(module)});
      const log = stderrLineBatcher();
      log.write("one");
      log.write("two");
      process.exit(0);
    `;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("one\ntwo\n");
  });
});
