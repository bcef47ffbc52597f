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

/** `{"a":{"a":…{}…}}` nested `depth` objects deep, as JSON text. */
const nested = (depth: number, key = "a") => `${`{"${key}":`.repeat(depth - 1)}{}${"}".repeat(depth - 1)}`;

describe("parseJsonBody: nesting and reserved keys", () => {
  it("accepts a body nested exactly as deep as the limit", () => {
    expect(parseJsonBody(bytes(nested(64)), json)).toBeTypeOf("object");
    expect(parseJsonBody(bytes(nested(10)), json, 10)).toBeTypeOf("object");
  });

  it("refuses one level more with 400 and a JSON pointer to the first object past the limit", () => {
    const error = failure(() => parseJsonBody(bytes(`{"providerOptions":${nested(64, "x")}}`), json));
    expect([error.status, error.code]).toEqual([400, "bad_request"]);
    expect(error.details).toEqual([{ path: `/body/providerOptions${"/x".repeat(63)}`, message: "nests deeper than the limit of 64 levels of objects and arrays" }]);
  });

  it("refuses arrays and objects nested thousands deep without overflowing its own stack", () => {
    for (const text of [`[${"[".repeat(500_000)}${"]".repeat(500_000)}]`, `{"providerOptions":${nested(8000)}}`]) {
      const error = failure(() => parseJsonBody(bytes(text), json));
      expect(error.status).toBe(400);
      expect(error.details?.[0]?.message).toContain("limit of 64 levels");
    }
    expect(failure(() => parseJsonBody(bytes(`[${"[".repeat(20)}${"]".repeat(20)}]`), json, 8)).details?.[0]?.path).toBe("/body/0/0/0/0/0/0/0/0");
  });

  it("refuses __proto__, constructor and prototype anywhere, with a pointer to the key (escaped as RFC 6901 says)", () => {
    for (const [text, path] of [
      ['{"__proto__":{"admin":true}}', "/body/__proto__"],
      ['{"providerOptions":{"a/b":{"constructor":{"prototype":{}}}}}', "/body/providerOptions/a~1b/constructor"],
      ['{"tools":[{"name":"x","prototype":1}]}', "/body/tools/0/prototype"],
    ] as const) {
      const error = failure(() => parseJsonBody(bytes(text), json));
      expect([error.status, error.details?.[0]?.path]).toEqual([400, path]);
      expect(error.details?.[0]?.message).toContain("reserved key");
    }
  });

  it("lets those words through as values and inside longer keys", () => {
    expect(parseJsonBody(bytes('{"name":"constructor","__proto__x":1,"tags":["prototype"]}'), json)).toEqual({ name: "constructor", __proto__x: 1, tags: ["prototype"] });
  });
});
