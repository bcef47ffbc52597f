/**
 * The Express adapter as a user embeds it: mounted under a prefix in their own app, possibly
 * behind their own body parser.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtoolsMock } from "../src/index.ts";

let server: Server;
let base = "";

beforeAll(async () => {
  const app = express();
  app.get("/own", (_req, res) => void res.json({ mine: true }));
  app.use("/runtools", runtoolsMock({ validateResponses: true }));
  // A host app that parses JSON itself before the mock sees the request.
  app.use("/parsed", express.json(), runtoolsMock({ validateResponses: true }));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const upsert = (prefix: string) =>
  fetch(`${base}${prefix}/v1/agents`, {
    method: "POST",
    headers: { "X-API-Key": "rt_test_mount", "Content-Type": "application/json" },
    body: JSON.stringify({ slug: "mounted", executionMode: "managed" }),
  });

describe("runtoolsMock() mounted in a host Express app", () => {
  it("serves the API below its mount path and leaves the host's own routes alone", async () => {
    expect(await (await fetch(`${base}/own`)).json()).toEqual({ mine: true });
    expect((await fetch(`${base}/runtools/health`)).status).toBe(200);
  });

  it("points self-links at the mount path", async () => {
    const response = await upsert("/runtools");
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { endpoint: string } };
    expect(data.endpoint).toBe(`${base}/runtools/v1/agents/mounted/run`);
  });

  it("accepts a body the host app already parsed", async () => {
    const response = await upsert("/parsed");
    expect(response.status).toBe(201);
  });
});
