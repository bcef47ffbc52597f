/**
 * Starts the mock on a port: the one place that listens, used by the CLI and by tests.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequestListener } from "./adapters/node-http.ts";
import type { MockOptions } from "./config.ts";
import { createMock, type Mock } from "./mock.ts";

/** A listening mock. */
export interface RunningServer {
  /** `http://host:port`, the base URL to point a client at. */
  url: string;
  mock: Mock;
  server: Server;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

/** Where to listen, and through which adapter. */
export interface ListenOptions extends MockOptions {
  host?: string;
  port?: number;
  /**
   * `node` (default): the lean node:http listener. `express`: the Express app that the mountable
   * router builds, for running the black-box suite through that adapter too (vitest.config.ts).
   */
  adapter?: "node" | "express";
}

/** Listens on `host:port` (port 0: a free one). */
export async function listen(options: ListenOptions = {}): Promise<RunningServer> {
  const { host = "127.0.0.1", port = 4010, adapter = "node", ...mockOptions } = options;
  // CORS is permissive by default on a loopback listener only (src/cors/cors.ts); a mock that
  // others can reach allows the origins it is given (`corsOrigins`, `--cors-origin`) and no others.
  const mock = createMock({ ...mockOptions, corsOrigins: mockOptions.corsOrigins ?? (isLoopbackHost(host) ? "*" : []) });
  // Express is loaded only when asked for: the standalone server starts without it.
  const listener = adapter === "express" ? (await import("./adapters/express-app.ts")).createApp(mock) : createRequestListener(mock);
  const server = createServer(listener);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    // Not listening (the port is taken): give the persist file's lock back.
    mock.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    mock,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          mock.close();
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
        // Streams and keep-alive sockets still open after a grace period are cut.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}

/** 127.0.0.0/8, ::1 and localhost: a listener only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
