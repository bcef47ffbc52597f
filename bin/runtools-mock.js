#!/usr/bin/env node
// Runs the TypeScript sources through tsx's loader: no build step between a clone and `npm start`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
await main();
