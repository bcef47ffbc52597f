/**
 * An Express app that serves only the mock: how the black-box suite runs once more through the
 * Express adapter (`listen({ adapter: "express" })`, vitest.config.ts). Express is a
 * devDependency and an optional peer, so only this file (loaded on demand) imports it.
 */
import express, { type Express } from "express";
import type { MockOptions } from "../config.ts";
import type { Mock } from "../mock.ts";
import { runtoolsMock } from "./express.ts";

export function createApp(options: MockOptions | Mock = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  app.use(runtoolsMock(options));
  return app;
}
