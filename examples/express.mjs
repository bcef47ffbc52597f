// Embedding the mock in an Express app, under a prefix, beside the app's own routes.
import assert from "node:assert/strict";
import express from "express";
import { runtoolsMock } from "runtools-mock";

const app = express();
app.get("/healthz", (_req, res) => res.json({ ok: true }));
app.use("/runtools", runtoolsMock());

const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${server.address().port}/runtools`;

const created = await fetch(`${base}/v1/sandboxes`, {
  method: "POST",
  headers: { "X-API-Key": "rt_test_express", "Content-Type": "application/json" },
  body: JSON.stringify({ name: "build-runner" }),
});
assert.equal(created.status, 201);
console.log(`Express served sandbox ${(await created.json()).data.id} at ${base}`);
server.close();
