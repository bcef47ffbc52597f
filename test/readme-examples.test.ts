/**
 * The README shows the examples that test/package/consumer.test.ts runs from an installed
 * tarball, word for word: a user who copies one copies code that ran.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = readdirSync(new URL("../examples/", import.meta.url));

describe("the README's examples", () => {
  it.each(examples)("shows examples/%s as it is", (name) => {
    expect(readme).toContain(readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8").trimEnd());
  });

  it("links the contributor documents that moved to docs/", () => {
    for (const doc of ["docs/architecture.md", "docs/performance.md"]) expect(readme).toContain(`](${doc})`);
  });
});
