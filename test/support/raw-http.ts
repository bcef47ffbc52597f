/**
 * HTTP written by hand onto a socket, for what fetch() will not send: junk after a request, a
 * reset, a body declared larger than what is sent, a raw look at the answer's framing headers.
 */
import { connect, type Socket } from "node:net";

function endpoint(url: string): { host: string; port: number } {
  const { hostname, port } = new URL(url);
  return { host: hostname.replace(/^\[|\]$/g, ""), port: Number(port) };
}

/** Opens a connection (from `localAddress`, when given) and resolves once it is up. */
export function openSocket(url: string, localAddress?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ ...endpoint(url), ...(localAddress ? { localAddress } : {}) }, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Everything the server sends on `socket` until it closes the connection (or resets it). */
export function received(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", () => undefined);
    socket.once("close", () => resolve(text));
  });
}

/** The first bytes of the server's answer on `socket` (enough for its status line and head). */
export function firstAnswer(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once("data", (chunk: Buffer) => resolve(chunk.toString("latin1")));
    socket.once("error", reject);
    socket.once("close", () => resolve(""));
  });
}

/** A POST with a JSON body and `Connection: close`, as raw text; the answer as raw text, head and body. */
export async function rawPost(url: string, path: string, headers: Record<string, string>, body: unknown): Promise<string> {
  const socket = await openSocket(url);
  const payload = JSON.stringify(body);
  const head = [`POST ${path} HTTP/1.1`, `Host: ${new URL(url).host}`, "Content-Type: application/json", `Content-Length: ${Buffer.byteLength(payload)}`, "Connection: close"];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  const answer = received(socket);
  socket.write(`${head.join("\r\n")}\r\n\r\n${payload}`);
  return answer;
}
