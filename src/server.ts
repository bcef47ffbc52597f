/**
 * Starts the mock on a port: the one place that listens, used by the CLI and by tests.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./adapters/express.ts";
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

/** Listens on `host:port` (port 0: a free one). */
export async function listen(options: MockOptions & { host?: string; port?: number } = {}): Promise<RunningServer> {
  const { host = "127.0.0.1", port = 4010, ...mockOptions } = options;
  const mock = createMock(mockOptions);
  const server = createServer(createApp(mock));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    mock,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        // Streams and keep-alive sockets still open after a grace period are cut.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}
