/**
 * Cold start: from the spawn of the process to its first 200 on GET /health, polled every 10 ms,
 * for this mock (with the flags of the throughput runs) and Prism (default). The two alternate, a
 * fresh port each time, nothing else running on CPU 0.
 */
import type { BenchConfig } from "./config.ts";
import { median, ratio, type ColdStartSection } from "./results.ts";
import { freePort } from "../free-port.ts";
import { commandLine, sleep, spawnServer, waitHealthy } from "./servers.ts";

export async function measureColdStart(config: BenchConfig, logDir: string, log: (line: string) => void): Promise<ColdStartSection> {
  const runs: Record<"mock" | "prism", number[]> = { mock: [], prism: [] };
  const details: Record<"mock" | "prism", ColdStartSection["mock"]["details"]> = { mock: [], prism: [] };
  for (let i = 0; i < config.coldRuns; i++) {
    for (const kind of ["mock", "prism"] as const) {
      const port = await freePort();
      const since = performance.now();
      const server = spawnServer(kind, port, logDir);
      try {
        const healthy = await waitHealthy(server, since, 60_000, 10);
        runs[kind].push(Math.round(healthy.ms));
        details[kind].push({ ms: Math.round(healthy.ms), firstConnectMs: Math.round(healthy.firstConnectMs), polls: healthy.polls });
        log(`cold start ${i + 1}/${config.coldRuns}  ${kind.padEnd(5)} ${Math.round(healthy.ms)} ms (first connection accepted at ${Math.round(healthy.firstConnectMs)} ms)`);
      } finally {
        await server.stop();
      }
      // Let the killed process's memory and sockets go before the next spawn.
      await sleep(200);
    }
  }
  const mockMedian = median(runs.mock);
  const prismMedian = median(runs.prism);
  return {
    mock: { command: commandLine("mock", "PORT"), runsMs: runs.mock, medianMs: mockMedian, details: details.mock },
    prism: { command: commandLine("prism", "PORT"), runsMs: runs.prism, medianMs: prismMedian, details: details.prism },
    ratio: ratio(mockMedian, prismMedian),
  };
}
