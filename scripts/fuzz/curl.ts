/**
 * A `curl` command that sends exactly the request the fuzzer sent (method, raw path and query,
 * headers, body bytes), for the report of a finding. Long or binary bodies and header values are
 * written by a `node -e` one-liner, with runs (`"[".repeat(3000)`) kept short.
 */
import type { WireRequest } from "./oracle.ts";

/** The command, against the mock at `baseUrl`. */
export function curlCommand(baseUrl: string, request: WireRequest): string {
  const parts = ["curl", "-sS", "-i", "--path-as-is", "--globoff", "-X", request.method];
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === "") parts.push("-H", quote(`${name};`));
    else if (value.length > 200) parts.push("-H", `"${name}: $(${nodeWriting(jsOf(value))})"`);
    else parts.push("-H", quote(`${name}: ${value}`));
  }
  let prefix = "";
  if (request.body !== undefined) {
    const body = request.body;
    const printable = typeof body === "string" && body.length <= 300 && /^[\x20-\x7e]*$/.test(body);
    if (printable) parts.push("--data-binary", quote(body));
    else {
      prefix = `${nodeWriting(typeof body === "string" ? jsOf(body) : `Buffer.from(${JSON.stringify(Buffer.from(body).toString("base64"))},"base64")`)} | `;
      parts.push("--data-binary", "@-");
    }
  }
  parts.push(quote(baseUrl + request.target));
  return prefix + parts.join(" ");
}

function nodeWriting(expression: string): string {
  return `node -e ${quote(`process.stdout.write(${expression})`)}`;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A JavaScript expression for a string, with long repeated runs written as `.repeat(n)`. */
export function jsOf(text: string): string {
  const pieces: string[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    let best: { unit: string; count: number } | undefined;
    for (let size = 1; size <= 8 && i + size <= text.length; size++) {
      const unit = text.slice(i, i + size);
      let count = 1;
      while (text.startsWith(unit, i + count * size)) count++;
      if (count * size >= 32 && (!best || count * size > best.count * best.unit.length)) best = { unit, count };
    }
    if (best) {
      if (literal !== "") pieces.push(JSON.stringify(literal));
      literal = "";
      pieces.push(`${JSON.stringify(best.unit)}.repeat(${best.count})`);
      i += best.count * best.unit.length;
    } else {
      literal += text[i];
      i += 1;
    }
  }
  if (literal !== "" || pieces.length === 0) pieces.push(JSON.stringify(literal));
  return pieces.join("+");
}
