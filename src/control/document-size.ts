/**
 * How big a state document (`--data`, `--persist`) may be before it is read: a file the process
 * cannot hold would otherwise end in a V8 "heap out of memory" abort instead of a message.
 *
 * The bounds are fractions of the heap limit (`node --max-old-space-size`, or NODE_OPTIONS),
 * measured on a state document of 200,000 agents (docs/persistence.md, "Size bounds"):
 *   - JSON: the parsed document takes ~1.6× its size, the stores built from it about as much
 *     again, and `--persist` keeps the last written text and makes one more export per write:
 *     ~8× in all, so a JSON document may be an eighth of the heap limit;
 *   - YAML: the parser's document tree took ~57× the text (and 13 s for 6 MB), so a YAML
 *     document may be a 128th of the heap limit. A large seed belongs in JSON, which is what
 *     `GET /__mock/state` exports.
 * Neither may pass the longest string V8 can make (the file is read as one string).
 */
import { getHeapStatistics } from "node:v8";

/** V8's longest string on 64-bit (2^29 - 24 UTF-16 units); a longer file cannot be read at all. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** The syntax a document is read with. */
export type DocumentSyntax = "json" | "yaml";

/** The largest document, in bytes, that this process reads in `syntax`. */
export function maxDocumentBytes(syntax: DocumentSyntax, heapLimit = getHeapStatistics().heap_size_limit): number {
  return Math.min(Math.floor(heapLimit / (syntax === "json" ? 8 : 128)), MAX_STRING_LENGTH);
}

/** Throws a message naming the file, its size and the bound when `size` is over it. */
export function checkDocumentSize(path: string, size: number, syntax: DocumentSyntax, heapLimit = getHeapStatistics().heap_size_limit): void {
  const limit = maxDocumentBytes(syntax, heapLimit);
  if (size <= limit) return;
  const share = syntax === "json" ? "an eighth" : "a 128th";
  throw new Error(
    `${path}: ${megabytes(size)} is too big to load as ${syntax.toUpperCase()} (the limit is ${megabytes(limit)}, ${share} of this ` +
      `process's ${megabytes(heapLimit)} heap limit; raise it with NODE_OPTIONS=--max-old-space-size=<MB>` +
      `${syntax === "yaml" ? ", or convert the file to JSON" : ""})`,
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
