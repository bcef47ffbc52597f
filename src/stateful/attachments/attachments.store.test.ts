/**
 * AttachmentStore without HTTP (issue 14; docs: /api-reference/attachments/*; spec
 * createAttachmentUpload, uploadAttachmentContent, completeAttachment, resolveAttachment): a
 * pending attachment of a thread, its signed upload, completion, resolution per model, the size
 * bounds, and the state document's round trip.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { createState, type OrgState } from "../../state.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { ATTACHMENT_MAX_BYTES, kindOf, ORG_ATTACHMENT_MAX_BYTES, UPLOAD_URL_TTL_MS } from "./attachments.store.ts";

const validators = compileValidators(loadSpec());
const attachmentSchema = validators.component("Attachment");
const targetSchema = validators.component("AttachmentUploadTarget");
const resolvedSchema = validators.component("ResolvedAttachment");

const ORG = "11111111-1111-4111-8111-111111111111";
const USER = "22222222-2222-4222-8222-222222222222";
const BASE = "http://127.0.0.1:4010";

let clock: ManualClock;
let org: OrgState;
let threadId: string;

beforeEach(() => {
  clock = new ManualClock();
  org = createState({ clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 }).forOrg(ORG);
  const agent = org.agents.upsert({ slug: "helper", model: "claude-sonnet-4", executionMode: "managed", visibility: "private" }, { orgId: ORG, userId: USER }).agent;
  org.agents.upsert({ slug: "other", model: "claude-sonnet-4", executionMode: "managed", visibility: "private" }, { orgId: ORG, userId: USER });
  threadId = org.threads.create({ orgId: ORG, ownerUserId: USER, agentId: agent.id, executionMode: "managed", title: null }).id;
});

/** The signature of an upload URL. */
function signatureOf(uploadUrl: string): string {
  return new URL(uploadUrl).searchParams.get("signature") ?? "";
}

function uploaded(contentType: string, bytes: string) {
  const target = org.attachments.create({ threadId, filename: "f", contentType }, BASE, USER);
  org.attachments.upload(target.id, signatureOf(target.uploadUrl), Buffer.from(bytes));
  return target.id;
}

describe("AttachmentStore.create", () => {
  it("answers a PUT target on the mock itself, signed by its query, valid 15 minutes", () => {
    const target = org.attachments.create({ threadId, filename: "shot.png", contentType: "image/png", agentSlug: "helper", sizeBytes: 5 }, BASE, USER);
    expect(targetSchema(target)).toEqual([]);
    expect(target).toMatchObject({ method: "PUT", headers: { "Content-Type": "image/png" }, expiresAt: new Date(Date.parse("2026-01-01T00:00:00.000Z") + UPLOAD_URL_TTL_MS).toISOString() });
    const url = new URL(target.uploadUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${BASE}/v1/agent-attachments/${target.id}/upload`);
    expect(url.searchParams.get("org")).toBe(ORG);
    expect(signatureOf(target.uploadUrl)).toMatch(/^sig_/);
    expect(org.activity.list({ resourceType: "attachment" }, 10).items).toMatchObject([{ eventType: "attachment.created", resourceId: target.id, threadId }]);
  });

  it("refuses an unknown thread or agent (404), another agent's thread (409), and a declared size over the bound (413)", () => {
    const ask = (fields: object) => apiErrorOf(() => org.attachments.create({ threadId, filename: "f", contentType: "text/plain", ...fields }, BASE, USER)).status;
    expect(ask({ threadId: "thr_missing" })).toBe(404);
    expect(ask({ agentSlug: "nobody" })).toBe(404);
    expect(ask({ agentSlug: "other" })).toBe(409);
    expect(ask({ sizeBytes: ATTACHMENT_MAX_BYTES + 1 })).toBe(413);
    expect(org.attachments.exportAll()).toEqual([]);
  });
});

describe("AttachmentStore.upload and complete", () => {
  it("keeps the bytes, completes to ready with their size, and answers a second complete unchanged", () => {
    const target = org.attachments.create({ threadId, filename: "notes.txt", contentType: "text/plain", sizeBytes: 5 }, BASE, USER);
    expect(apiErrorOf(() => org.attachments.complete(target.id, USER)).status).toBe(409);
    expect(org.attachments.upload(target.id, signatureOf(target.uploadUrl), Buffer.from("hello"))).toEqual({ id: target.id, sizeBytes: 5 });
    const ready = org.attachments.complete(target.id, USER);
    expect(ready).toEqual({ id: target.id, threadId, filename: "notes.txt", contentType: "text/plain", sizeBytes: 5, status: "ready", materializations: [] });
    expect(attachmentSchema(ready)).toEqual([]);
    expect(org.attachments.complete(target.id, USER)).toEqual(ready);
    expect(org.activity.list({ eventType: "attachment.completed" }, 10).items).toHaveLength(1);
    expect(apiErrorOf(() => org.attachments.upload(target.id, signatureOf(target.uploadUrl), Buffer.from("again"))).status).toBe(409);
  });

  it("answers 403 for a wrong signature, an unknown attachment or an expired URL, and 400 for a length other than announced", () => {
    const target = org.attachments.create({ threadId, filename: "f", contentType: "text/plain", sizeBytes: 5 }, BASE, USER);
    const signature = signatureOf(target.uploadUrl);
    expect(apiErrorOf(() => org.attachments.upload(target.id, "sig_wrong", Buffer.from("hello"))).status).toBe(403);
    expect(apiErrorOf(() => org.attachments.upload("00000000-0000-4000-8000-000000000000", signature, Buffer.from("hello"))).status).toBe(403);
    expect(apiErrorOf(() => org.attachments.upload(target.id, signature, Buffer.from("hi"))).status).toBe(400);
    clock.advance(UPLOAD_URL_TTL_MS);
    expect(apiErrorOf(() => org.attachments.upload(target.id, signature, Buffer.from("hello"))).status).toBe(403);
    expect(org.attachments.exportAll()[0]?.content).toBeNull();
  });

  it("refuses an upload over the attachment bound or over what is left of the organization's bytes (413)", () => {
    const target = org.attachments.create({ threadId, filename: "f", contentType: "application/octet-stream" }, BASE, USER);
    expect(apiErrorOf(() => org.attachments.upload(target.id, signatureOf(target.uploadUrl), Buffer.alloc(ATTACHMENT_MAX_BYTES + 1))).status).toBe(413);
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES);
    // Fill the organization to its bound with full-size attachments, then one byte more is refused.
    const targets = Array.from({ length: ORG_ATTACHMENT_MAX_BYTES / ATTACHMENT_MAX_BYTES }, () => org.attachments.create({ threadId, filename: "big", contentType: "application/octet-stream" }, BASE, USER));
    for (const t of targets) org.attachments.upload(t.id, signatureOf(t.uploadUrl), big);
    expect(apiErrorOf(() => org.attachments.upload(target.id, signatureOf(target.uploadUrl), Buffer.from("x"))).status).toBe(413);
    // Replacing an upload counts only the new bytes.
    const last = targets.at(-1) as (typeof targets)[number];
    expect(org.attachments.upload(last.id, signatureOf(last.uploadUrl), big).sizeBytes).toBe(ATTACHMENT_MAX_BYTES);
  });
});

describe("AttachmentStore.resolve", () => {
  it("answers an image as a data URL, text as its text, and records each model once", () => {
    const image = uploaded("image/png", "hello");
    org.attachments.complete(image, USER);
    const resolved = org.attachments.resolve(image, "claude-sonnet-4");
    expect(resolved).toEqual({ attachmentId: image, model: "claude-sonnet-4", kind: "image", url: "data:image/png;base64,aGVsbG8=", text: null });
    expect(resolvedSchema(resolved)).toEqual([]);
    org.attachments.resolve(image, "claude-sonnet-4");
    const text = uploaded("application/json", '{"a":1}');
    org.attachments.complete(text, USER);
    expect(org.attachments.resolve(text, "gpt-5")).toMatchObject({ kind: "text", url: null, text: '{"a":1}' });
    expect(org.attachments.complete(image, USER).materializations).toEqual([{ model: "claude-sonnet-4", kind: "image", createdAt: "2026-01-01T00:00:00.000Z" }]);
  });

  it("is a 409 before completion and a 404 for an attachment the organization does not have", () => {
    const pending = uploaded("text/plain", "x");
    expect(apiErrorOf(() => org.attachments.resolve(pending, "m")).status).toBe(409);
    expect(apiErrorOf(() => org.attachments.resolve("00000000-0000-4000-8000-000000000000", "m")).status).toBe(404);
  });

  it("tells the kind from the media type", () => {
    expect(["image/jpeg", "text/markdown; charset=utf-8", "application/ld+json", "application/yaml", "application/pdf"].map(kindOf)).toEqual(["image", "text", "text", "text", "file"]);
  });
});

describe("AttachmentStore export and import", () => {
  it("round-trips attachments with their bytes, so that an upload URL and resolve still work after a reload", () => {
    const ready = uploaded("text/plain", "kept");
    org.attachments.complete(ready, USER);
    const pending = org.attachments.create({ threadId, filename: "later", contentType: "text/plain" }, BASE, USER);
    const stored = org.attachments.exportAll();
    expect(stored[0]?.content).toBe(Buffer.from("kept").toString("base64"));
    const copy = createState({ clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 }).forOrg(ORG);
    copy.attachments.importAll(JSON.parse(JSON.stringify(stored)));
    expect(copy.attachments.resolve(ready, "m").text).toBe("kept");
    expect(copy.attachments.upload(pending.id, signatureOf(pending.uploadUrl), Buffer.from("now")).sizeBytes).toBe(3);
    expect(() => copy.attachments.importAll(stored)).toThrow(/appears twice/);
  });
});
