/**
 * Where the acknowledge boundary sits (persisted-state.ts): around non-GET handlers, before a
 * streamed run's last frame, and after a control-plane change; a write that fails becomes a 507
 * and the state goes back to the file's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../core/errors.ts";
import type { ServerSentEvent } from "../core/http-types.ts";
import type { Dispatch, OperationResult, RequestEnvelope } from "../core/pipeline.ts";
import { CountingIds, ManualClock } from "../stateful/common/test-support.ts";
import { createState, type MockState } from "../state.ts";
import { PersistedState } from "./persisted-state.ts";
import { StateFile, type WriteFileSystem } from "./persistence.ts";
import { StateLog } from "./state-log.ts";

let dir: string;
let file: string;
let state: MockState;
let failing: boolean;
let persisted: PersistedState;
const logs: string[] = [];

const readOnly = (call: string) => Object.assign(new Error(`EROFS: read-only file system, ${call}`), { code: "EROFS" });

/** node:fs/promises whose open and rename fail while `failing` is set (a read-only remount, say). */
const fs: WriteFileSystem = {
  ...fsPromises,
  open: (async (...args: Parameters<WriteFileSystem["open"]>) => {
    if (failing) throw readOnly("open");
    return fsPromises.open(...args);
  }) as WriteFileSystem["open"],
  rename: (async (from: string, to: string) => {
    if (failing) throw readOnly("rename");
    return fsPromises.rename(from, to);
  }) as WriteFileSystem["rename"],
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "runtools-mock-persisted-"));
  file = join(dir, "state.json");
  const clock = new ManualClock();
  state = createState({ clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 });
  failing = false;
  logs.length = 0;
  persisted = new PersistedState(file, state, () => clock.now(), (line) => logs.push(line), fs);
  persisted.start();
});

afterEach(() => {
  persisted.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = (method: string) => ({ operation: { method, operationId: "op" } }) as unknown as RequestEnvelope;
/** The organizations the files hold (the snapshot and its log, as start-up reads them). */
const onDisk = () => ((new StateLog(new StateFile(file)).load().document as { organizations: { id: string }[] } | undefined)?.organizations ?? []).map((o) => o.id);

/** A handler that adds organization `orgId` and answers `result`. */
const adding = (orgId: string, result: OperationResult): Dispatch => () => {
  state.forOrg(orgId);
  return result;
};

async function drain(result: OperationResult): Promise<{ sent: string[]; error?: unknown }> {
  const sent: string[] = [];
  try {
    await result.stream?.(async (event: ServerSentEvent) => void sent.push(event.event), new AbortController().signal);
    return { sent };
  } catch (error) {
    return { sent, error };
  }
}

describe("PersistedState", () => {
  it("a non-GET change is on disk when its dispatch resolves", async () => {
    await persisted.durableDispatch(adding("org-a", { status: 201, body: {} }))({} as never, request("POST"));
    expect(onDisk()).toEqual(["org-a"]);
  });

  it("a change that cannot be written throws 507 insufficient_storage and is undone in memory", async () => {
    await persisted.durableDispatch(adding("org-a", { status: 201, body: {} }))({} as never, request("POST"));
    failing = true;
    const error = await Promise.resolve(persisted.durableDispatch(adding("org-b", { status: 201, body: {} }))({} as never, request("POST"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 507, code: "insufficient_storage", message: "The change could not be saved to the --persist file (EROFS: read-only file system) and was not applied" });
    expect(state.orgIds()).toEqual(["org-a"]);
    expect(onDisk()).toEqual(["org-a"]);
    expect(logs).toEqual([expect.stringContaining(`could not write ${file} (EROFS: read-only file system); the change was not applied`)]);
  });

  it("GETs and refused answers (4xx) are not written", async () => {
    failing = true;
    await persisted.durableDispatch(adding("org-get", { status: 200, body: {} }))({} as never, request("GET"));
    await persisted.durableDispatch(() => ({ status: 409, body: {} }))({} as never, request("POST"));
    expect(logs).toEqual([]);
  });

  it("writes a streamed run before its last frame: a client that saw run_completed knows it is on disk", async () => {
    const frames = ["run_started", "assistant_message", "run_completed"];
    let diskAtLast: string[] = [];
    const result = await persisted.durableDispatch(
      adding("org-run", {
        status: 200,
        stream: async (send) => {
          for (const name of frames) await send({ event: name, data: { type: name } });
        },
      }),
    )({} as never, request("POST"));
    const sent: string[] = [];
    await result.stream?.(async (event) => {
      if (event.event === "run_completed") diskAtLast = onDisk();
      sent.push(event.event);
    }, new AbortController().signal);
    expect(sent).toEqual(frames);
    expect(diskAtLast).toEqual(["org-run"]);
  });

  it("a streamed run that cannot be written is cut short before its last frame, and undone", async () => {
    failing = true;
    const result = await persisted.durableDispatch(
      adding("org-run", {
        status: 200,
        stream: async (send) => {
          for (const name of ["run_started", "run_completed"]) await send({ event: name, data: { type: name } });
        },
      }),
    )({} as never, request("POST"));
    const { sent, error } = await drain(result);
    expect(sent).toEqual(["run_started"]);
    expect(error).toMatchObject({ status: 507 });
    expect(state.orgIds()).toEqual([]);
  });

  it("a stream that ends without a last frame (the client went away) is written when it ends", async () => {
    const result = await persisted.durableDispatch(adding("org-gone", { status: 200, stream: async () => undefined }))({} as never, request("POST"));
    await drain(result);
    expect(onDisk()).toEqual(["org-gone"]);
  });

  it("commitNow() writes a control-plane change made just before it, or undoes it", async () => {
    state.forOrg("org-reset");
    await persisted.commitNow();
    expect(onDisk()).toEqual(["org-reset"]);
    failing = true;
    state.reset();
    await expect(persisted.commitNow()).rejects.toMatchObject({ status: 507 });
    expect(state.orgIds()).toEqual(["org-reset"]);
  });
});
