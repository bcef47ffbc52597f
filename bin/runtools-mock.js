#!/usr/bin/env node
// The `runtools-mock` command.
//  - Installed as a package: it runs dist/cli/cli.mjs, the bundle that `npm run build` made.
//  - In a clone (src/ is there): it runs a bundle of the TypeScript sources (bin/bundle.js), built
//    on first use and whenever a source changes, so no build step stands between an edit and
//    `npm start`. If that bundle cannot be built or stored, it runs the sources through tsx's
//    loader instead (a devDependency), which is slower to start but otherwise the same.
import { existsSync } from "node:fs";

const sources = new URL("../src/cli.ts", import.meta.url);
let entry;
if (!existsSync(sources)) {
  entry = await import("../dist/cli/cli.mjs");
} else {
  try {
    const { freshBundle } = await import("./bundle.js");
    entry = await import(await freshBundle());
  } catch (error) {
    if (process.env.RUNTOOLS_MOCK_DEBUG) console.error("runtools-mock: running the sources through tsx:", error);
    const { register } = await import("tsx/esm/api");
    register();
    entry = await import(sources.href);
  }
}
await entry.main();
