/**
 * A response body as JSON text, serialized once however many readers ask for it: the journal
 * keeps it when the request completes, then the adapter writes it. Serializing twice was ~3% of
 * the mock's CPU under load (an agent's answer is about a kilobyte).
 *
 * Keyed by the body object: a body is built for its one response and not changed after the
 * pipeline has finished it (validation checks it, nothing rewrites it), and a WeakMap lets it go
 * with the response.
 */
const serialized = new WeakMap<object, string>();

export function jsonText(body: unknown): string {
  if (body === null || typeof body !== "object") return JSON.stringify(body);
  let text = serialized.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    serialized.set(body, text);
  }
  return text;
}
