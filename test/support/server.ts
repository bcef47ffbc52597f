/**
 * Starts a real mock server on a free port for one test file, with response validation on.
 *
 * With `CONTRACT_PROXY=prism` (the Prism-proxied run, vitest.prism.config.ts) it also starts
 * Stoplight Prism's validation proxy in front of the mock and hands out the PROXY's URL, so every
 * request of the test goes through Prism, which reports what it finds wrong in an `sl-violations`
 * header that the contract client judges (test/contract/prism/README.md). The mock is then told
 * its public URL is the proxy's: Prism rewrites `Host` to the upstream's, so without it self-links
 * (an agent's `endpoint`) would point past the proxy.
 */
import { afterAll, beforeAll } from "vitest";
import { listen, type RunningServer } from "../../src/server.ts";
import type { MockOptions } from "../../src/config.ts";
import { ContractClient, freshKey } from "./contract-client.ts";
import { freePort } from "../../scripts/free-port.ts";
import { startPrismProxy, type PrismProxy } from "../contract/prism/proxy.ts";
import { prismProxyMode } from "../contract/prism/violations.ts";

/**
 * Which adapter serves the suite: `MOCK_ADAPTER=express` (set by the `http-express` project of
 * vitest.config.ts) runs the same black-box tests through the Express adapter.
 */
function adapterUnderTest(): "node" | "express" {
  const adapter = process.env.MOCK_ADAPTER ?? "node";
  if (adapter !== "node" && adapter !== "express") throw new Error(`MOCK_ADAPTER must be node or express, not '${adapter}'`);
  return adapter;
}

/** Registers beforeAll/afterAll hooks; the returned getters work inside tests. */
export function useServer(options: MockOptions = {}) {
  let running: RunningServer | undefined;
  let proxy: PrismProxy | undefined;
  const violations: string[] = [];
  const proxied = prismProxyMode();
  beforeAll(
    async () => {
      const base = { port: 0, adapter: adapterUnderTest(), validateResponses: true, log: (line: string) => violations.push(line) };
      if (!proxied) {
        running = await listen({ ...base, ...options });
        return;
      }
      // The proxy's port is chosen first, so that the mock can be given it as its public URL.
      for (let attempt = 1; ; attempt++) {
        const port = await freePort();
        const mock = await listen({ ...base, publicUrl: `http://127.0.0.1:${port}`, ...options });
        try {
          proxy = await startPrismProxy({ upstream: mock.url, port });
          running = { ...mock, url: proxy.url };
          return;
        } catch (error) {
          await mock.close();
          if (attempt >= 3) throw error;
        }
      }
    },
    proxied ? 90_000 : undefined,
  );
  afterAll(async () => {
    await proxy?.close();
    await running?.close();
  });
  const server = () => {
    if (!running) throw new Error("server not started");
    return running;
  };
  return {
    server,
    /** A client with a fresh organization of its own. */
    client: (label?: string) => new ContractClient(server().url, freshKey(label)),
    /** Contract violations the server itself logged (should stay empty). */
    violations,
  };
}
