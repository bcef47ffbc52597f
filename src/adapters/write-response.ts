/** Writes a core response onto a node:http response (shared by every node-based adapter). */
import type { ServerResponse } from "node:http";
import type { PlainResponse } from "../core/http-types.ts";

/** Sends the status, headers and JSON body (charset declared, as Express would). */
export function writeResponse(res: ServerResponse, response: PlainResponse): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.body === undefined) {
    res.end();
    return;
  }
  const payload = JSON.stringify(response.body);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(payload));
  res.end(payload);
}
