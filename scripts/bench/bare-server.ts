/**
 * The floor of the comparison (issue (c)): a bare node:http server answering the mock's own
 * responses to the two bench requests, canned. It does the least a real server must do (route,
 * read and JSON.parse a POST body as the mock does, send the bytes), so "this mock ÷ bare" says
 * what the mock's routing, validation and state cost over node:http itself.
 *
 *   node --import tsx scripts/bench/bare-server.ts --port 4020 --canned answers.json
 *
 * answers.json: { "upsert": { "status", "headers", "body" }, "get": { … } } (written by the bench
 * from the mock's real answers).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

interface Canned {
  status: number;
  /** The mock's X-Request-Id, sent back so the answer has the same headers, byte for byte in size. */
  requestId: string;
  body: string;
}

const { values } = parseArgs({ options: { port: { type: "string" }, canned: { type: "string" } } });
const answers = JSON.parse(readFileSync(values.canned ?? "", "utf8")) as { upsert: Canned; get: Canned };
const health = JSON.stringify({ status: "ok" });

function send(res: import("node:http").ServerResponse, canned: Canned): void {
  res.writeHead(canned.status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(canned.body), "X-Request-Id": canned.requestId });
  res.end(canned.body);
}

const server = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/v1/agents") {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        res.writeHead(400).end();
        return;
      }
      send(res, answers.upsert);
    });
    return;
  }
  if (req.method === "GET" && req.url === "/v1/agents/code-assistant") return send(res, answers.get);
  if (req.method === "GET" && req.url === "/health") {
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
    return void res.end(health);
  }
  res.writeHead(404).end();
});

server.listen(Number(values.port ?? 0), "127.0.0.1");
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
