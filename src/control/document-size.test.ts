import { describe, expect, it } from "vitest";
import { checkDocumentSize, maxDocumentBytes } from "./document-size.ts";

const MiB = 1024 * 1024;

describe("state document size bounds", () => {
  it("allows a JSON document of an eighth of the heap limit, and a YAML one of a 128th", () => {
    expect(maxDocumentBytes("json", 2048 * MiB)).toBe(256 * MiB);
    expect(maxDocumentBytes("yaml", 2048 * MiB)).toBe(16 * MiB);
  });

  it("never allows more than the longest string V8 can make, whatever the heap", () => {
    expect(maxDocumentBytes("json", 64 * 1024 * MiB)).toBe(2 ** 29 - 24);
  });

  it("accepts a document at the bound and refuses one byte more, naming the file, the sizes and the way out", () => {
    const heap = 800 * MiB;
    expect(() => checkDocumentSize("seed.json", 100 * MiB, "json", heap)).not.toThrow();
    expect(() => checkDocumentSize("seed.json", 100 * MiB + 1, "json", heap)).toThrow(
      "seed.json: 100.0 MiB is too big to load as JSON (the limit is 100.0 MiB, an eighth of this process's 800.0 MiB heap limit; raise it with NODE_OPTIONS=--max-old-space-size=<MB>)",
    );
    expect(() => checkDocumentSize("seed.yaml", 7 * MiB, "yaml", heap)).toThrow(/seed\.yaml: 7\.0 MiB is too big to load as YAML .*a 128th.*convert the file to JSON/);
  });
});
