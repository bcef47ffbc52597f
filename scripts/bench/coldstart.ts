/**
 * Cold start: from the spawn of the process to its first 200 on GET /health, polled every 10 ms,
 * for this mock (with the flags of the throughput runs), Prism (default) and Mockoon CLI. They
 * alternate, a fresh port each time, nothing else running on CPU 0.
 */
import type { BenchConfig } from "./config.ts";
import { median, ratio, type ColdStartRuns, type ColdStartSection } from "./results.ts";
import { freePort } from "../free-port.ts";
import { commandLine, mockoonData, sleep, spawnServer, waitHealthy } from "./servers.ts";

const KINDS = ["mock", "prism", "mockoon"] as const;

export async function measureColdStart(config: BenchConfig, logDir: string, log: (line: string) => void): Promise<ColdStartSection> {
  // Bundled once, before the first spawn: Mockoon's start is timed from a ready file, as a user who
  // keeps the bundle would start it (the bundle takes ~0.1 s).
  const mockoonSpec = mockoonData(logDir);
  const dataFile = (kind: (typeof KINDS)[number]) => (kind === "mockoon" ? mockoonSpec : undefined);
  const runs: Record<(typeof KINDS)[number], number[]> = { mock: [], prism: [], mockoon: [] };
  const details: Record<(typeof KINDS)[number], ColdStartRuns["details"]> = { mock: [], prism: [], mockoon: [] };
  for (let i = 0; i < config.coldRuns; i++) {
    for (const kind of KINDS) {
      const port = await freePort();
      const since = performance.now();
      const server = spawnServer(kind, port, logDir, dataFile(kind));
      try {
        const healthy = await waitHealthy(server, since, 60_000, 10);
        runs[kind].push(Math.round(healthy.ms));
        details[kind].push({ ms: Math.round(healthy.ms), firstConnectMs: Math.round(healthy.firstConnectMs), polls: healthy.polls });
        log(`cold start ${i + 1}/${config.coldRuns}  ${kind.padEnd(7)} ${Math.round(healthy.ms)} ms (first connection accepted at ${Math.round(healthy.firstConnectMs)} ms)`);
      } finally {
        await server.stop();
      }
      // Let the killed process's memory and sockets go before the next spawn.
      await sleep(200);
    }
  }
  const section = (kind: (typeof KINDS)[number]): ColdStartRuns => ({ command: commandLine(kind, "PORT", dataFile(kind)), runsMs: runs[kind], medianMs: median(runs[kind]), details: details[kind] });
  const [mock, prism, mockoon] = [section("mock"), section("prism"), section("mockoon")];
  return { mock, prism, mockoon, ratio: ratio(mock.medianMs, prism.medianMs), mockoonRatio: ratio(mock.medianMs, mockoon.medianMs) };
}
