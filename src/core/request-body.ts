/**
 * Turns the raw body bytes into JSON for operations that take a body (reference Part A:
 * bodies over the limit → 413, a body that is not JSON where JSON is required → 415 for the
 * wrong media type and 400 for malformed JSON, never a 500).
 *
 * Once parsed, and before anything else touches it, the body's shape is checked
 * (docs/input-rules.md):
 *   - nesting: at most `maxDepth` objects and arrays inside each other (JSON_DEPTH_LIMITS).
 *     Everything past the parser (validation, copies, the journal, JSON.stringify, which gives
 *     up near 8,000 levels) recurses, so a body nested thousands deep could be stored and then
 *     break every read and write of its organization; the limit is far above any real body.
 *   - keys: `__proto__`, `constructor` and `prototype` are refused anywhere in a body. They
 *     never belong in this API, and copying them with plain assignment changes an object's
 *     prototype instead of storing a key (which silently dropped them in some objects): one rule,
 *     here, holds for every store instead of each copy having to get it right.
 * Both answer 400 with a JSON pointer to where the rule is broken. The walk uses its own stack,
 * never recursion, so no body can overflow it.
 */
import { ApiError, type ValidationDetail } from "./errors.ts";
import { headerValue, type PlainBody, type PlainHeaders } from "./http-types.ts";

/** `application/json` and the `+json` family, with or without parameters. */
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;.*)?$/i;

/** Is this Content-Type JSON (`application/json`, `+json`, with or without parameters)? */
export function isJsonMediaType(contentType: string): boolean {
  return JSON_MEDIA_TYPE.test(contentType.trim());
}
/**
 * How deep a JSON body may nest (objects and arrays inside each other; `{}` is 1). The public
 * API's bodies nest a handful of levels; free-form objects (`providerOptions`, tool arguments)
 * get room to spare. The control plane allows more, and a state document more again, because a
 * document wraps what it holds in several levels of its own: whatever the mock stored can be
 * exported and loaded again.
 */
export const JSON_DEPTH_LIMITS = { publicApi: 64, control: 128, stateDocument: 512 } as const;

/** Keys refused anywhere in a JSON body (prototype pollution; see the header comment). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Answers the parsed body, `undefined` when none was sent, or throws a 4xx ApiError. */
export function parseJsonBody(body: PlainBody, headers: PlainHeaders, maxDepth: number = JSON_DEPTH_LIMITS.publicApi): unknown {
  if (body.kind === "too_large") {
    throw new ApiError("payload_too_large", `Request body exceeds the limit of ${body.limit} bytes`);
  }
  if (body.kind === "none" || body.bytes.length === 0) return undefined;
  const contentType = headerValue(headers, "content-type");
  if (contentType === undefined || !isJsonMediaType(contentType)) {
    throw new ApiError(
      "unsupported_media_type",
      `Content-Type must be application/json, not ${contentType === undefined ? "missing" : `'${contentType}'`}`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    throw new ApiError("bad_request", "Request body is not valid UTF-8", [{ path: "/body", message: "is not valid UTF-8" }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = (error as Error).message;
    throw new ApiError("bad_request", `Malformed JSON in request body: ${reason}`, [{ path: "/body", message: `is not valid JSON: ${reason}` }]);
  }
  const problem = checkJsonShape(parsed, maxDepth, "/body");
  if (problem) throw new ApiError("bad_request", `Request body refused: ${problem.path} ${problem.message}`, [problem]);
  return parsed;
}

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: string;
}

/**
 * The first place where a parsed JSON value nests deeper than `maxDepth` or holds a reserved
 * key, as a JSON pointer under `at`; undefined when there is none. Iterative (its own stack).
 */
export function checkJsonShape(root: unknown, maxDepth: number, at: string): ValidationDetail | undefined {
  if (root === null || typeof root !== "object") return undefined;
  const stack: Frame[] = [{ value: root, depth: 1, parent: undefined, key: "" }];
  const push = (value: unknown, parent: Frame, key: string) => {
    if (value !== null && typeof value === "object") stack.push({ value, depth: parent.depth + 1, parent, key });
  };
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.depth > maxDepth) return { path: pointer(at, frame), message: `nests deeper than the limit of ${maxDepth} levels of objects and arrays` };
    const { value } = frame;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) push(value[i], frame, String(i));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (RESERVED_KEYS.has(key)) {
        return { path: pointer(at, { value, depth: frame.depth + 1, parent: frame, key }), message: "is a reserved key: __proto__, constructor and prototype are refused anywhere in a body" };
      }
      push((value as Record<string, unknown>)[key], frame, key);
    }
  }
  return undefined;
}

/** The JSON pointer of a frame: its keys from the root, escaped (RFC 6901). */
function pointer(at: string, frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) keys.push(f.key.replace(/~/g, "~0").replace(/\//g, "~1"));
  return at + keys.reverse().map((key) => `/${key}`).join("");
}
