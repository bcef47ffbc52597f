import { defineConfig } from "vitest/config";

// Only the project's own tests: vitest's default include would also pick up *.test.ts
// anywhere below the root (toolchain notes §8). `*.case.ts` files are shared suites,
// imported by the tests that run them, never run on their own.
//
// Two projects: every test, served by the lean node:http adapter that `npm start` uses; and the
// black-box HTTP suite once more through the Express adapter (MOCK_ADAPTER, test/support/server.ts),
// so that both adapters answer byte for byte to one contract.
export default defineConfig({
  test: {
    environment: "node",
    pool: "forks",
    // Two at once on CI's two cores: most files wait on servers and child processes, not on the CPU
    // (vitest's default, one fewer than the cores, runs them one by one).
    maxWorkers: 2,
    // A worker keeps the modules it loaded from one file to the next: importing the mock's module
    // graph afresh for each of ~160 files was a third of the suite's CPU (import 420–490 s of
    // 613–687 s; 92 s and 537 s without). This relies on no file changing module-level state
    // that another reads: each builds its own mock, stores and servers.
    isolate: false,
    testTimeout: 20_000,
    // Set-up starts servers and child processes; on a loaded two-core CI machine that can take far
    // longer than vitest's 10 s default. A guard against a hang, not a measure of speed.
    hookTimeout: 60_000,
    // The JSON report lets CI print a plain "N passed, N failed" line (.ci/run).
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    projects: [
      { extends: true, test: { name: "node", include: ["src/**/*.test.ts", "test/**/*.test.ts"] } },
      { extends: true, test: { name: "express", include: ["test/http/**/*.test.ts"], env: { MOCK_ADAPTER: "express" } } },
    ],
  },
});
