/**
 * Reads a text/event-stream response frame by frame, as an SSE client would, and checks every
 * frame against the spec: the `data:` line is JSON valid for the operation's event schema
 * (`x-sse-event-schema`), and its `type` is the frame's event name.
 */
import { expect } from "vitest";
import { loadSpec } from "../../src/spec/load.ts";
import { compileValidators } from "../../src/spec/validators.ts";
// One SSE parser for the conformance runner and the tests: a frame whose data is not JSON has
// `data` undefined, which the event schema then refuses.
import { parseFrames, type SseFrame } from "../../scripts/conformance/http.ts";

export { parseFrames, type SseFrame };

const validators = compileValidators(loadSpec());

/** Checks one frame against the event schema of `operationId`'s 200. */
export function assertFrameConforms(operationId: string, frame: SseFrame): void {
  const check = validators.operation(operationId).events.get(200);
  expect(check, `${operationId} declares no text/event-stream`).toBeDefined();
  expect(check?.(frame.data), `${operationId} frame ${frame.event} violates the spec`).toEqual([]);
  expect(frame.data.type).toBe(frame.event);
}

/**
 * Reads a stream frame by frame, validating each, so a test can act while it is still open.
 * Breaking out of the loop cancels the body (a disconnect).
 */
export async function* streamFrames(response: Response, operationId: string): AsyncGenerator<SseFrame> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const parsed = parseFrames(buffer);
      buffer = parsed.rest;
      for (const frame of parsed.frames) {
        assertFrameConforms(operationId, frame);
        yield frame;
      }
    }
    finished = true;
    expect(buffer, "the stream ends on a frame boundary").toBe("");
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

/** Reads a whole stream (or stops after `stopAfter` frames, disconnecting) and checks every frame. */
export async function readStream(response: Response, operationId: string, stopAfter = Infinity, abort?: AbortController): Promise<SseFrame[]> {
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const frames: SseFrame[] = [];
  for await (const frame of streamFrames(response, operationId)) {
    frames.push(frame);
    if (frames.length >= stopAfter) {
      abort?.abort();
      break;
    }
  }
  return frames;
}
