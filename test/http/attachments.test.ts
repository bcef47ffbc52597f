/**
 * Attachments through the real server (issue 14; docs: /api-reference/attachments/*): an upload
 * target on the mock itself that a client PUTs raw bytes to without its API key, as it would to a
 * signed storage URL; complete; resolve; the bounds; and the bytes surviving an export and import
 * of the state. Every response is validated against the spec by the client.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { AttachmentUploadTarget } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { expectBadRequest, expectError } from "./helpers.ts";
import { runJson } from "./run-helpers.ts";
import { upsertManaged } from "./helpers.ts";

const { client, server, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

/** A thread of a managed agent. */
async function thread(c: ContractClient): Promise<string> {
  expect((await upsertManaged(c, "helper")).status).toBe(201);
  return (await runJson(c, { agent: "helper", prompt: "hello" })).result.threadId;
}

async function target(c: ContractClient, body: Record<string, unknown>): Promise<AttachmentUploadTarget> {
  const res = await c.post<{ data: AttachmentUploadTarget }>("/v1/agent-attachments", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

/** PUTs bytes to an upload URL as a storage client would: its method and headers, no API key. */
function upload(c: ContractClient, t: AttachmentUploadTarget, bytes: Uint8Array | string, uploadUrl = t.uploadUrl) {
  const url = new URL(uploadUrl);
  return c.request(t.method, url.pathname + url.search, { rawBody: bytes, headers: t.headers, anonymous: true });
}

describe("attachments", () => {
  it("creates an upload target on the mock, takes the bytes without an API key, completes and resolves them", async () => {
    const c = client("attach");
    const threadId = await thread(c);
    const t = await target(c, { threadId, filename: "shot.png", contentType: "image/png", agentSlug: "helper", sizeBytes: 5 });
    expect(new URL(t.uploadUrl).origin).toBe(new URL(c.baseUrl).origin);
    const put = await upload(c, t, "hello");
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.data).toEqual({ id: t.id, sizeBytes: 5 });

    const done = await c.post(`/v1/agent-attachments/${t.id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body.data.attachment).toEqual({ id: t.id, threadId, filename: "shot.png", contentType: "image/png", sizeBytes: 5, status: "ready", materializations: [] });
    const resolved = await c.post(`/v1/agent-attachments/${t.id}/resolve`, { model: "claude-sonnet-4" });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toEqual({ attachmentId: t.id, model: "claude-sonnet-4", kind: "image", url: "data:image/png;base64,aGVsbG8=", text: null });
    const feed = await c.get("/v1/activity?resource_type=attachment");
    expect(feed.body.data.events.map((e: { eventType: string }) => e.eventType)).toEqual(["attachment.completed", "attachment.created"]);
  });

  it("refuses a wrong signature (403), a second upload after completing (409), a length other than announced (400), and bytes over 8 MiB (413)", async () => {
    const c = client("attachBad");
    const threadId = await thread(c);
    const t = await target(c, { threadId, filename: "a.txt", contentType: "text/plain", sizeBytes: 2 });
    const forged = new URL(t.uploadUrl);
    forged.searchParams.set("signature", "sig_forged");
    expectError(await upload(c, t, "hi", forged.toString()), 403, "forbidden");
    expectBadRequest(await upload(c, t, "hello"), "/body");
    expectError(await upload(c, t, new Uint8Array(8 * 1024 * 1024 + 1)), 413, "payload_too_large");
    expectError(await c.post(`/v1/agent-attachments/${t.id}/complete`), 409, "conflict");
    expect((await upload(c, t, "hi")).status).toBe(200);
    expect((await c.post(`/v1/agent-attachments/${t.id}/complete`)).status).toBe(200);
    expectError(await upload(c, t, "hi"), 409, "conflict");
    expectError(await c.post("/v1/agent-attachments", { threadId, filename: "b", contentType: "text/plain", sizeBytes: 8 * 1024 * 1024 + 1 }), 413, "payload_too_large");
    expectError(await c.post("/v1/agent-attachments", { threadId: "thr_missing", filename: "b", contentType: "text/plain" }), 404, "not_found");
    expectBadRequest(await c.post("/v1/agent-attachments", { threadId, filename: "b", contentType: "not a media type" }), "/body/contentType");
    // Another organization can neither complete nor resolve it.
    expectError(await client("attachOther").post(`/v1/agent-attachments/${t.id}/complete`), 404, "not_found");
  });

  it("keeps the bytes in the state document: exported, reset and imported, the attachment still resolves", async () => {
    const c = client("attachState");
    const threadId = await thread(c);
    const t = await target(c, { threadId, filename: "notes.txt", contentType: "text/plain" });
    await upload(c, t, "remember me");
    await c.post(`/v1/agent-attachments/${t.id}/complete`);
    // The control plane is not the public contract: plain fetch.
    const exported = (await (await fetch(`${server().url}/__mock/state`)).json()) as { organizations: { attachments?: { attachment: { id: string } }[] }[] };
    const stored = exported.organizations.flatMap((o: { attachments?: { attachment: { id: string } }[] }) => o.attachments ?? []).find((a: { attachment: { id: string } }) => a.attachment.id === t.id);
    expect(stored).toMatchObject({ attachment: { id: t.id, status: "ready" }, content: Buffer.from("remember me").toString("base64") });
    expect((await fetch(`${server().url}/__mock/reset`, { method: "POST" })).status).toBe(200);
    expectError(await c.post(`/v1/agent-attachments/${t.id}/resolve`, { model: "gpt-5" }), 404, "not_found");
    const imported = await fetch(`${server().url}/__mock/state`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(exported) });
    expect(imported.status).toBe(200);
    const resolved = await c.post(`/v1/agent-attachments/${t.id}/resolve`, { model: "gpt-5" });
    expect(resolved.body.data).toMatchObject({ kind: "text", text: "remember me", url: null });
  });
});
