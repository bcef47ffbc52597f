/**
 * Measures what unauthenticated uploads cost the server (docs/security.md "Request bodies"):
 * starts `bin/runtools-mock.js` of a checkout, opens N connections that each send a whole
 * 16 MiB body to `POST /v1/agents` without a key, and reports the server's resident memory
 * before and at its peak, and the answers. Not a test: a measurement to run by hand.
 *
 *   npx tsx scripts/security/pre-auth-rss.ts [--repo <checkout>] [--connections 40] [--mib 16]
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { repo: { type: "string" }, connections: { type: "string" }, mib: { type: "string" } } });
const repo = resolve(values.repo ?? ".");
const connections = Number(values.connections ?? 40);
const bytes = Number(values.mib ?? 16) * 1024 * 1024;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:")) ?? "VmRSS: 0 kB";
  return Math.round(Number(/(\d+)/.exec(line)?.[1]) / 1024);
}

/** Sends one whole upload; answers the status the server gave (or how the connection ended). */
function upload(url: URL): Promise<string> {
  return new Promise((done) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let status = "";
    socket.on("data", (chunk: Buffer) => (status ||= chunk.toString("latin1").split("\r\n")[0] ?? ""));
    socket.on("error", () => done(status || "connection error"));
    socket.on("close", () => done(status || "closed"));
    socket.on("connect", async () => {
      socket.write(`POST /v1/agents HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let sent = 0; sent < bytes && !socket.destroyed; sent += chunk.length) {
        if (!socket.write(chunk)) await new Promise((r) => socket.once("drain", r));
      }
      socket.end();
    });
  });
}

const child = spawn(process.execPath, [resolve(repo, "bin/runtools-mock.js"), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise<URL>((ready) => {
  child.stdout.on("data", (chunk: Buffer) => {
    const found = /listening on (http:\/\/\S+)/.exec(chunk.toString());
    if (found) ready(new URL(found[1] as string));
  });
});
await new Promise((r) => setTimeout(r, 500));
const pid = child.pid as number;
const before = rssMb(pid);
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);
const answers = await Promise.all(Array.from({ length: connections }, () => upload(url)));
clearInterval(sampler);
peak = Math.max(peak, rssMb(pid));
const tally: Record<string, number> = {};
for (const answer of answers) tally[answer] = (tally[answer] ?? 0) + 1;
console.log(JSON.stringify({ repo, connections, bodyMiB: bytes / 1024 / 1024, rssBeforeMB: before, rssPeakMB: peak, answers: tally }));
child.kill("SIGTERM");
