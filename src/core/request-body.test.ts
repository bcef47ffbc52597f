import { describe, expect, it } from "vitest";
import { ApiError } from "./errors.ts";
import { parseJsonBody } from "./request-body.ts";

const bytes = (text: string) => ({ kind: "bytes" as const, bytes: Buffer.from(text) });
const json = { "content-type": "application/json" };

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("expected an ApiError");
};

describe("parseJsonBody", () => {
  it("parses JSON sent as application/json, with or without a charset, and +json types", () => {
    expect(parseJsonBody(bytes('{"a":1}'), json)).toEqual({ a: 1 });
    expect(parseJsonBody(bytes("[1]"), { "content-type": "application/json; charset=utf-8" })).toEqual([1]);
    expect(parseJsonBody(bytes("true"), { "content-type": "application/merge-patch+json" })).toBe(true);
  });

  it("answers undefined when no body was sent", () => {
    expect(parseJsonBody({ kind: "none" }, json)).toBeUndefined();
    expect(parseJsonBody(bytes(""), {})).toBeUndefined();
  });

  it("refuses a body over the limit with 413", () => {
    const error = failure(() => parseJsonBody({ kind: "too_large", limit: 1024 }, json));
    expect([error.status, error.code]).toEqual([413, "payload_too_large"]);
    expect(error.message).toContain("1024");
  });

  it("refuses other media types, and a body without a Content-Type, with 415", () => {
    for (const headers of [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, {}]) {
      const error = failure(() => parseJsonBody(bytes('{"a":1}'), headers));
      expect([error.status, error.code]).toEqual([415, "unsupported_media_type"]);
    }
  });

  it("refuses malformed JSON and invalid UTF-8 with 400 and a detail at /body", () => {
    const malformed = failure(() => parseJsonBody(bytes('{"a":'), json));
    expect([malformed.status, malformed.code, malformed.details?.[0]?.path]).toEqual([400, "bad_request", "/body"]);
    const notUtf8 = failure(() => parseJsonBody({ kind: "bytes", bytes: Buffer.from([0x7b, 0xff, 0x7d]) }, json));
    expect([notUtf8.status, notUtf8.details?.[0]?.path]).toEqual([400, "/body"]);
  });
});
