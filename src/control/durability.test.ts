/**
 * The acknowledge boundary without files: memory is a list of items, the store a log of them
 * that can be told to fail (docs/persistence.md, "When a write fails").
 */
import { describe, expect, it } from "vitest";
import { Durability, NotDurableError, type Change, type ChangeStore } from "./durability.ts";

/** A log whose writes wait until released, and fail when told to; a whole state replaces it. */
class ControlledStore implements ChangeStore<string[]> {
  /** What the store holds. */
  held: string[] = [];
  /** Each write, as the changes it was given (one group per write). */
  groups: Change<string[]>[][] = [];
  failNext: Error[] = [];
  wholeNext = false;
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => undefined;

  hold(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }
  release(): void {
    this.#open();
  }
  wantsWhole(): boolean {
    return this.wholeNext;
  }
  async write(changes: Change<string[]>[]): Promise<void> {
    await this.#gate;
    const failure = this.failNext.shift();
    if (failure) throw failure;
    this.groups.push(changes);
    for (const change of changes) this.held = change.whole ? [...change.data] : [...this.held, ...change.data];
    this.wholeNext = false;
  }
}

function setup(initial: string[] = []) {
  let memory = [...initial];
  /** Items added since the last capture (what a store that reports its changes would say). */
  let fresh: string[] = [];
  const store = new ControlledStore();
  store.held = [...initial];
  const rollbacks: unknown[] = [];
  const durability = new Durability<string[]>({
    store,
    capture: () => {
      const change = fresh;
      fresh = [];
      return change;
    },
    captureWhole: () => {
      fresh = [];
      return [...memory];
    },
    restore: () => {
      memory = [...store.held];
      fresh = [];
    },
    onRollback: (cause) => rollbacks.push(cause),
  });
  /** One change: begin, change memory, commit. */
  const change = (item: string) => {
    const ticket = durability.begin();
    memory.push(item);
    fresh.push(item);
    return durability.commit(ticket);
  };
  return { store, durability, change, rollbacks, memory: () => memory, push: (item: string) => (memory.push(item), fresh.push(item)) };
}

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

describe("Durability", () => {
  it("resolves a commit once the store holds its change", async () => {
    const { store, change } = setup();
    await change("a");
    expect(store.held).toEqual(["a"]);
    await change("b");
    expect(store.held).toEqual(["a", "b"]);
    expect(store.groups).toEqual([[{ whole: false, data: ["a"] }], [{ whole: false, data: ["b"] }]]);
  });

  it("group commit: changes committed while a write is on its way go to the store together, in order", async () => {
    const { store, change } = setup();
    store.hold();
    const first = change("1");
    const rest = ["2", "3", "4"].map((item) => change(item));
    store.release();
    await Promise.all([first, ...rest]);
    expect(store.groups.map((group) => group.map((c) => c.data.join()))).toEqual([["1"], ["2", "3", "4"]]);
    expect(store.held).toEqual(["1", "2", "3", "4"]);
  });

  it("a failed write rejects with NotDurableError and restores memory to what the store holds", async () => {
    const { store, change, memory, rollbacks } = setup(["seed"]);
    await change("a");
    store.failNext.push(enospc());
    const failed = change("b");
    await expect(failed).rejects.toBeInstanceOf(NotDurableError);
    await expect(failed).rejects.toThrow("ENOSPC");
    expect(memory()).toEqual(["seed", "a"]);
    expect(store.held).toEqual(["seed", "a"]);
    expect(rollbacks).toHaveLength(1);
  });

  it("keeps working after a failure: the next change is written on top of the restored state", async () => {
    const { store, change, memory } = setup();
    store.failNext.push(enospc());
    await expect(change("lost")).rejects.toThrow();
    await change("kept");
    expect(memory()).toEqual(["kept"]);
    expect(store.held).toEqual(["kept"]);
  });

  it("fails every commit queued behind a failed write, without writing it (memory held the failed change when each was captured)", async () => {
    const { store, change, memory } = setup();
    await change("before");
    store.hold();
    store.failNext.push(enospc());
    const failing = change("x").then(() => "ok", (error: Error) => error);
    const queued = ["y", "z"].map((item) => change(item).then(() => "ok", (error: Error) => error));
    store.release();
    const results = await Promise.all([failing, ...queued]);
    for (const result of results) expect(result).toBeInstanceOf(NotDurableError);
    expect((results[1] as Error).message).toMatch(/earlier change could not be written.*ENOSPC/);
    expect(store.held).toEqual(["before"]);
    expect(memory()).toEqual(["before"]);
  });

  it("fails a change begun before a rollback and committed after it (a stream that outlived it)", async () => {
    const { store, durability, change, memory, push } = setup();
    const streaming = durability.begin();
    push("run started");
    store.failNext.push(enospc());
    await expect(change("other")).rejects.toThrow();
    // The stream ends later: its change was wiped by the rollback, so it must not be acknowledged.
    await expect(durability.commit(streaming)).rejects.toThrow(/undone/);
    expect(store.held).toEqual([]);
    expect(memory()).toEqual([]);
  });

  it("writes the whole state instead of the group when the store asks for it (a compaction), and for a whole commit", async () => {
    const { store, change, durability, memory } = setup();
    await change("a");
    store.wholeNext = true;
    await change("b");
    expect(store.groups.at(-1)).toEqual([{ whole: true, data: ["a", "b"] }]);
    memory().length = 0;
    await durability.commit(durability.begin(), true);
    expect(store.groups.at(-1)).toEqual([{ whole: true, data: [] }]);
    expect(store.held).toEqual([]);
  });

  it("a capture that throws is a failed commit: memory is restored and nothing is written", async () => {
    let memory: string[] = ["seed"];
    let broken = false;
    const store = new ControlledStore();
    store.held = ["seed"];
    const durability = new Durability<string[]>({
      store,
      capture: () => {
        if (broken) throw new RangeError("Maximum call stack size exceeded");
        return [];
      },
      captureWhole: () => [...memory],
      restore: () => (memory = [...store.held]),
    });
    const ticket = durability.begin();
    memory.push("unrenderable");
    broken = true;
    await expect(durability.commit(ticket)).rejects.toThrow(/could not be captured: Maximum call stack/);
    expect(memory).toEqual(["seed"]);
    expect(store.groups).toEqual([]);
  });
});
