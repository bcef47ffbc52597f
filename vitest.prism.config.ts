import { defineConfig } from "vitest/config";
import { exclusionPattern } from "./test/contract/prism/exclusions.ts";

// The black-box HTTP suite run THROUGH Stoplight Prism's validation proxy (issue 6, point 2):
// CONTRACT_PROXY=prism makes test/support/server.ts start `prism proxy` in front of each mock and
// hand out the proxy's URL, and the contract client fails a test on any violation Prism reports
// (test/contract/prism/README.md). Run by test/contract/prism.test.ts, or directly:
//   npx vitest run --config vitest.prism.config.ts
export default defineConfig({
  test: {
    include: ["test/http/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Two at once on CI's two cores: most files wait on servers and child processes, not on the CPU
    // (vitest's default, one fewer than the cores, runs them one by one).
    maxWorkers: 2,
    testTimeout: 30_000,
    // Starting a Prism child takes 2–5 s, longer when the machine is busy.
    hookTimeout: 90_000,
    env: { CONTRACT_PROXY: "prism" },
    // The few tests a proxy in the middle makes impossible (test/contract/prism/exclusions.ts).
    testNamePattern: exclusionPattern(),
    reporters: ["default", "json"],
    outputFile: { json: "reports/prism-proxy/vitest.json" },
  },
});
