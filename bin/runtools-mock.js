#!/usr/bin/env node
// The `runtools-mock` command. It runs a bundle of the TypeScript sources (bin/bundle.js), built
// on first use and whenever a source changes, so no build step stands between a clone and
// `npm start`. If the bundle cannot be built or stored (a read-only install, say), it runs the
// sources through tsx's loader instead, which is slower to start but otherwise the same.
import { freshBundle } from "./bundle.js";

let entry;
try {
  entry = await import(await freshBundle());
} catch (error) {
  if (process.env.RUNTOOLS_MOCK_DEBUG) console.error("runtools-mock: running the sources through tsx:", error);
  const { register } = await import("tsx/esm/api");
  register();
  entry = await import("../src/cli.ts");
}
await entry.main();
