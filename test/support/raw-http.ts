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

/** A request written by hand (any Host, Origin or Content-Type), with `Connection: close`; the answer as raw text, head and body. */
export async function rawRequest(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<string> {
  const socket = await openSocket(url);
  const head = [`${method} ${path} HTTP/1.1`, "Connection: close"];
  if (!Object.keys(headers).some((name) => name.toLowerCase() === "host")) head.push(`Host: ${new URL(url).host}`);
  if (body !== undefined) head.push(`Content-Length: ${Buffer.byteLength(body)}`);
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  const answer = received(socket);
  socket.write(`${head.join("\r\n")}\r\n\r\n${body ?? ""}`);
  return answer;
}

/** The status, lower-cased headers and body of a raw answer. */
export function parseAnswer(text: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = "", ...rest] = text.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) headers[line.slice(0, line.indexOf(":")).toLowerCase()] = line.slice(line.indexOf(":") + 1).trim();
  return { status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") };
}

/** A POST with a JSON body and `Connection: close`, as raw text; the answer as raw text, head and body. */
export function rawPost(url: string, path: string, headers: Record<string, string>, body: unknown): Promise<string> {
  return rawRequest(url, "POST", path, { "Content-Type": "application/json", ...headers }, JSON.stringify(body));
}
