/**
 * The acknowledge boundary without files: memory is a list of changes, the store a list of
 * snapshots that can be told to fail (docs/persistence.md, "When a write fails").
 */
import { describe, expect, it } from "vitest";
import { Durability, NotDurableError, type SnapshotStore } from "./durability.ts";

/** A store whose writes wait until released, and fail when told to. */
class ControlledStore implements SnapshotStore<string[]> {
  written: string[][] = [];
  failNext: Error[] = [];
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => undefined;

  hold(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }
  release(): void {
    this.#open();
  }
  async write(snapshot: string[]): Promise<void> {
    await this.#gate;
    const failure = this.failNext.shift();
    if (failure) throw failure;
    this.written.push([...snapshot]);
  }
}

function setup(initial: string[] = []) {
  let memory = [...initial];
  const store = new ControlledStore();
  const rollbacks: unknown[] = [];
  const durability = new Durability<string[]>({
    store,
    capture: () => [...memory],
    restore: (snapshot) => (memory = [...snapshot]),
    durable: [...initial],
    onRollback: (cause) => rollbacks.push(cause),
  });
  /** One change: begin, change memory, commit. */
  const change = (item: string) => {
    const ticket = durability.begin();
    memory.push(item);
    return durability.commit(ticket);
  };
  return { store, durability, change, rollbacks, memory: () => memory };
}

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

describe("Durability", () => {
  it("resolves a commit once the store holds the snapshot that includes the change", async () => {
    const { store, change, durability } = setup();
    await change("a");
    await change("b");
    expect(store.written).toEqual([["a"], ["a", "b"]]);
    expect(durability.durable).toEqual(["a", "b"]);
  });

  it("a failed write rejects with NotDurableError and restores memory to the last durable snapshot", async () => {
    const { store, change, memory, rollbacks } = setup(["seed"]);
    await change("a");
    store.failNext.push(enospc());
    const failed = change("b");
    await expect(failed).rejects.toBeInstanceOf(NotDurableError);
    await expect(failed).rejects.toThrow("ENOSPC");
    expect(memory()).toEqual(["seed", "a"]);
    expect(store.written).toEqual([["seed", "a"]]);
    expect(rollbacks).toHaveLength(1);
  });

  it("keeps working after a failure: the next change is written on top of the restored state", async () => {
    const { store, change, memory } = setup();
    store.failNext.push(enospc());
    await expect(change("lost")).rejects.toThrow();
    await change("kept");
    expect(memory()).toEqual(["kept"]);
    expect(store.written).toEqual([["kept"]]);
  });

  it("fails every commit queued behind a failed write, without writing it (each captured the failed change)", async () => {
    const { store, change, memory } = setup();
    await change("before");
    store.hold();
    store.failNext.push(enospc());
    const outcomes = ["x", "y", "z"].map((item) => change(item).then(() => "ok", (error: Error) => error));
    store.release();
    const results = await Promise.all(outcomes);
    for (const result of results) expect(result).toBeInstanceOf(NotDurableError);
    expect((results[1] as Error).message).toMatch(/earlier change could not be written.*ENOSPC/);
    expect(store.written).toEqual([["before"]]);
    expect(memory()).toEqual(["before"]);
  });

  it("fails a change begun before a rollback and committed after it (a stream that outlived it)", async () => {
    const { store, durability, change, memory } = setup();
    const streaming = durability.begin();
    memory().push("run started");
    store.failNext.push(enospc());
    await expect(change("other")).rejects.toThrow();
    // The stream ends later: its change was wiped by the rollback, so it must not be acknowledged.
    await expect(durability.commit(streaming)).rejects.toThrow(/undone/);
    expect(store.written).toEqual([]);
    expect(memory()).toEqual([]);
  });

  it("writes commits in the order they were asked for, each with the state at its commit", async () => {
    const { store, change } = setup();
    store.hold();
    const pending = ["1", "2", "3"].map((item) => change(item));
    store.release();
    await Promise.all(pending);
    expect(store.written).toEqual([["1"], ["1", "2"], ["1", "2", "3"]]);
  });

  it("a capture that throws is a failed commit: memory is restored and nothing is written", async () => {
    let memory: string[] = ["seed"];
    let broken = false;
    const store = new ControlledStore();
    const durability = new Durability<string[]>({
      store,
      capture: () => {
        if (broken) throw new RangeError("Maximum call stack size exceeded");
        return [...memory];
      },
      restore: (snapshot) => (memory = [...snapshot]),
      durable: ["seed"],
    });
    const ticket = durability.begin();
    memory.push("unrenderable");
    broken = true;
    await expect(durability.commit(ticket)).rejects.toThrow(/could not be captured: Maximum call stack/);
    expect(memory).toEqual(["seed"]);
    expect(store.written).toEqual([]);
  });
});
