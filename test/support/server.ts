/**
 * Starts a real mock server on a free port for one test file, with response validation on.
 */
import { afterAll, beforeAll } from "vitest";
import { listen, type RunningServer } from "../../src/server.ts";
import type { MockOptions } from "../../src/config.ts";
import { ContractClient, freshKey } from "./contract-client.ts";

/** Registers beforeAll/afterAll hooks; the returned getters work inside tests. */
export function useServer(options: MockOptions = {}) {
  let running: RunningServer | undefined;
  const violations: string[] = [];
  beforeAll(async () => {
    running = await listen({ port: 0, validateResponses: true, log: (line) => violations.push(line), ...options });
  });
  afterAll(async () => {
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
