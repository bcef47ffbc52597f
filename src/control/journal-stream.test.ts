import { describe, expect, it } from "vitest";
import { bufferedBody, type ServerSentEvent } from "../core/http-types.ts";
import type { CompletedRequest } from "../core/pipeline.ts";
import { RequestJournal } from "./journal.ts";
import { followJournal } from "./journal-stream.ts";

function done(id: string): CompletedRequest {
  return {
    request: { method: "GET", path: "/v1/agents", query: new URLSearchParams(), headers: {}, body: bufferedBody(undefined), baseUrl: "http://127.0.0.1:4010", peer: { kind: "in-process" } },
    response: { status: 200, headers: {}, body: { data: [] } },
    body: undefined,
    requestId: id,
    operation: undefined,
    caller: undefined,
    receivedAt: new Date("2026-11-29T10:00:00.000Z"),
    durationMs: 1,
    violations: [],
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("followJournal", () => {
  it("sends one request frame per entry recorded while it runs, and ends when the client leaves", async () => {
    const journal = new RequestJournal(10, 1024);
    journal.record(done("req_old"));
    const frames: ServerSentEvent[] = [];
    const client = new AbortController();
    const running = followJournal(journal)(async (event) => void frames.push(event), client.signal);
    journal.record(done("req_1"));
    journal.record(done("req_2"));
    await tick();
    client.abort();
    await running;
    journal.record(done("req_late"));
    expect(frames.map((f) => [f.event, (f.data as { type: string; entry: { id: string } }).type, (f.data as { entry: { id: string } }).entry.id])).toEqual([
      ["request", "request", "req_1"],
      ["request", "request", "req_2"],
    ]);
  });

  it("drops the oldest waiting entries of a reader that falls behind by more than the limit", async () => {
    const journal = new RequestJournal(10, 1024);
    const ids: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const client = new AbortController();
    const running = followJournal(journal, 2)(async (event) => {
      ids.push((event.data as { entry: { id: string } }).entry.id);
      await gate;
    }, client.signal);
    journal.record(done("req_1"));
    await tick();
    for (const id of ["req_2", "req_3", "req_4"]) journal.record(done(id));
    release();
    await tick();
    client.abort();
    await running;
    expect(ids).toEqual(["req_1", "req_3", "req_4"]);
  });
});
