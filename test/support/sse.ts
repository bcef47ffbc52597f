/**
 * Reads a text/event-stream response frame by frame, as an SSE client would, and checks every
 * frame against the spec: the `data:` line is JSON valid for the operation's event schema
 * (`x-sse-event-schema`), and its `type` is the frame's event name.
 */
import { expect } from "vitest";
import { loadSpec } from "../../src/spec/load.ts";
import { compileValidators } from "../../src/spec/validators.ts";

const validators = compileValidators(loadSpec());

/** One parsed frame. */
export interface SseFrame {
  id: string | undefined;
  event: string;
  data: any;
}

/** Parses complete frames out of a buffer; answers them and the unparsed rest. */
export function parseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  let rest = buffer;
  for (let end = rest.indexOf("\n\n"); end !== -1; end = rest.indexOf("\n\n")) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let id: string | undefined;
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") id = value;
      else if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    frames.push({ id, event, data: JSON.parse(data.join("\n")) });
  }
  return { frames, rest };
}

/** Checks one frame against the event schema of `operationId`'s 200. */
export function assertFrameConforms(operationId: string, frame: SseFrame): void {
  const check = validators.operation(operationId).events.get(200);
  expect(check, `${operationId} declares no text/event-stream`).toBeDefined();
  expect(check?.(frame.data), `${operationId} frame ${frame.event} violates the spec`).toEqual([]);
  expect(frame.data.type).toBe(frame.event);
}

/** Reads a whole stream (or stops after `stopAfter` frames, disconnecting) and checks every frame. */
export async function readStream(response: Response, operationId: string, stopAfter = Infinity, abort?: AbortController): Promise<SseFrame[]> {
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const frames: SseFrame[] = [];
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const parsed = parseFrames(buffer);
    buffer = parsed.rest;
    for (const frame of parsed.frames) {
      assertFrameConforms(operationId, frame);
      frames.push(frame);
      if (frames.length >= stopAfter) {
        abort?.abort();
        await reader.cancel().catch(() => undefined);
        return frames;
      }
    }
  }
  expect(buffer, "the stream ends on a frame boundary").toBe("");
  return frames;
}
