/**
 * Starts the mock on a port: the one place that listens, used by the CLI and by tests.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import { answerClientError } from "./client-errors.ts";
import type { AddressInfo } from "node:net";
import { createRequestListener } from "./adapters/node-http.ts";
import type { MockOptions } from "./config.ts";
import { limitConnections, type ConnectionLimits } from "./connection-limits.ts";
import { isLoopback } from "./control/access.ts";
import { createMock, type Mock } from "./mock.ts";

/** A listening mock. */
export interface RunningServer {
  /** `http://host:port`, the base URL to point a client at. */
  url: string;
  mock: Mock;
  server: Server;
  /** The adapter's request listener (the server calls it through the connection limit). */
  listener: RequestListener;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

/** Where to listen, and through which adapter. */
export interface ListenOptions extends MockOptions, ConnectionLimits {
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
  const { host = "127.0.0.1", port = 4010, adapter = "node", maxConnections, requestTimeoutMs, ...mockOptions } = options;
  // On loopback, only loopback Host names are answered (DNS rebinding; docs/security.md), and CORS
  // is permissive by default (src/cors/cors.ts); a mock that others can reach allows the origins
  // it is given (`corsOrigins`, `--cors-origin`) and no others.
  const loopback = isLoopback(host) || host.toLowerCase() === "localhost";
  const mock = createMock({
    ...mockOptions,
    allowedHosts: mockOptions.allowedHosts ?? (loopback ? "loopback" : "any"),
    corsOrigins: mockOptions.corsOrigins ?? (loopback ? "*" : []),
  });
  // Express is loaded only when asked for: the standalone server starts without it.
  const listener = adapter === "express" ? (await import("./adapters/express-app.ts")).createApp(mock) : createRequestListener(mock);
  // Timeouts are enforced each second, not node's default 30 (so a 30 s limit means 30 s).
  const server = createServer({ connectionsCheckingInterval: 1000 });
  try {
    server.on("clientError", answerClientError);
    server.on("request", limitConnections(server, listener, { ...(maxConnections !== undefined ? { maxConnections } : {}), ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}) }));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    // Not listening (the port is taken, a limit is invalid): give the persist file's lock back.
    mock.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    mock,
    server,
    listener,
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
