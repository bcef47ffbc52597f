import { defineConfig } from "vitest/config";

// Only the project's own tests: vitest's default include would also pick up *.test.ts
// anywhere below the root (toolchain notes §8). `*.case.ts` files are shared suites,
// imported by the tests that run them, never run on their own.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    // The JSON report lets CI print a plain "N passed, N failed" line (.ci/run).
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
  },
});
