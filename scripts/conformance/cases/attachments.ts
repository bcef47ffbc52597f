/** Conformance cases of the `attachments` tag (spec/openapi.yaml). */
import type { CaseContext } from "../context.ts";
import { type Case, INVALID, expectDetail, noKey, bodyLimits } from "./families.ts";

interface Target {
  id: string;
  uploadUrl: string;
  headers: Record<string, string>;
}

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** A pending attachment of a fresh thread. */
async function target(ctx: CaseContext, fields: Record<string, unknown> = {}): Promise<Target> {
  const run = await ctx.runJson((await ctx.upsertAgent()).slug);
  const ex = await ctx.call("createAttachmentUpload", { body: { threadId: run.threadId, filename: "notes.txt", contentType: "text/plain", ...fields } });
  ctx.require(ex, 201, "createAttachmentUpload");
  return ex.body.data as Target;
}

/** PUTs bytes to the target's upload URL as a storage client would: no API key. */
function upload(ctx: CaseContext, t: Target, raw: string | Uint8Array, signature?: string) {
  const query = new URL(t.uploadUrl).searchParams;
  return ctx.call("uploadAttachmentContent", {
    params: { id: t.id },
    query: { org: query.get("org") ?? "", signature: signature ?? query.get("signature") ?? "" },
    raw,
    headers: t.headers,
    key: null,
  });
}

/** An uploaded and completed attachment. */
async function ready(ctx: CaseContext): Promise<Target> {
  const t = await target(ctx);
  ctx.require(await upload(ctx, t, "hello"), 200, "uploadAttachmentContent");
  ctx.require(await ctx.call("completeAttachment", { params: { id: t.id } }), 200, "completeAttachment");
  return t;
}

export const attachmentsCases: Case[] = [
  {
    name: "create-attachment-upload-target",
    operationId: "createAttachmentUpload",
    status: 201,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      const ex = await ctx.call("createAttachmentUpload", { body: { threadId: run.threadId, filename: "a.png", contentType: "image/png" } });
      ctx.check(ex.body?.data?.method === "PUT" && String(ex.body?.data?.uploadUrl).includes(`/v1/agent-attachments/${ex.body?.data?.id}/upload?`), "a PUT upload URL on the mock");
      return ex;
    },
  },
  { name: "create-attachment-without-filename", operationId: "createAttachmentUpload", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createAttachmentUpload", { body: { threadId: "thr_x", contentType: "text/plain" } }), "/body/filename") },
  noKey("createAttachmentUpload", { body: { threadId: "thr_x", filename: "a", contentType: "text/plain" } }),
  { name: "create-attachment-unknown-thread", operationId: "createAttachmentUpload", status: 404, code: "not_found", run: (ctx) => ctx.call("createAttachmentUpload", { body: { threadId: "thr_notinthisorganization", filename: "a", contentType: "text/plain" } }) },
  {
    name: "create-attachment-for-another-agent",
    operationId: "createAttachmentUpload",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      const other = await ctx.upsertAgent();
      return ctx.call("createAttachmentUpload", { body: { threadId: run.threadId, filename: "a", contentType: "text/plain", agentSlug: other.slug } });
    },
  },
  ...bodyLimits("createAttachmentUpload", async (ctx) => ({ body: { threadId: (await ctx.runJson((await ctx.upsertAgent()).slug)).threadId, filename: "a", contentType: "text/plain" } })),

  {
    name: "upload-attachment-bytes-without-key",
    operationId: "uploadAttachmentContent",
    status: 200,
    run: async (ctx) => {
      const ex = await upload(ctx, await target(ctx), "hello");
      ctx.check(ex.body?.data?.sizeBytes === 5, "five bytes stored");
      return ex;
    },
  },
  { name: "upload-attachment-announced-size-differs", operationId: "uploadAttachmentContent", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await upload(ctx, await target(ctx, { sizeBytes: 2 }), "hello"), "/body") },
  { name: "upload-attachment-forged-signature", operationId: "uploadAttachmentContent", status: 403, code: "forbidden", run: async (ctx) => upload(ctx, await target(ctx), "hello", "sig_forged") },
  { name: "upload-attachment-after-complete", operationId: "uploadAttachmentContent", status: 409, code: "conflict", run: async (ctx) => upload(ctx, await ready(ctx), "again") },
  { name: "upload-attachment-over-8mib", operationId: "uploadAttachmentContent", status: 413, code: "payload_too_large", run: async (ctx) => upload(ctx, await target(ctx), new Uint8Array(8 * 1024 * 1024 + 1)) },

  {
    name: "complete-attachment",
    operationId: "completeAttachment",
    status: 200,
    run: async (ctx) => {
      const t = await target(ctx);
      ctx.require(await upload(ctx, t, "hello"), 200, "uploadAttachmentContent");
      const ex = await ctx.call("completeAttachment", { params: { id: t.id } });
      ctx.check(ex.body?.data?.attachment?.status === "ready" && ex.body?.data?.attachment?.sizeBytes === 5, "ready, five bytes");
      return ex;
    },
  },
  { name: "complete-attachment-bad-id", operationId: "completeAttachment", status: 400, code: "bad_request", run: (ctx) => ctx.call("completeAttachment", { params: { id: INVALID.workspaceId } }) },
  noKey("completeAttachment", { params: { id: UNKNOWN_ID } }),
  { name: "complete-unknown-attachment", operationId: "completeAttachment", status: 404, code: "not_found", run: (ctx) => ctx.call("completeAttachment", { params: { id: UNKNOWN_ID } }) },
  { name: "complete-attachment-before-upload", operationId: "completeAttachment", status: 409, code: "conflict", run: async (ctx) => ctx.call("completeAttachment", { params: { id: (await target(ctx)).id } }) },

  {
    name: "resolve-attachment",
    operationId: "resolveAttachment",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("resolveAttachment", { params: { id: (await ready(ctx)).id }, body: { model: "claude-sonnet-4" } });
      ctx.check(ex.body?.data?.kind === "text" && ex.body?.data?.text === "hello", "a text attachment resolves to its text");
      return ex;
    },
  },
  { name: "resolve-attachment-without-model", operationId: "resolveAttachment", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("resolveAttachment", { params: { id: UNKNOWN_ID }, body: {} }), "/body/model") },
  noKey("resolveAttachment", { params: { id: UNKNOWN_ID }, body: { model: "m" } }),
  { name: "resolve-unknown-attachment", operationId: "resolveAttachment", status: 404, code: "not_found", run: (ctx) => ctx.call("resolveAttachment", { params: { id: UNKNOWN_ID }, body: { model: "m" } }) },
  { name: "resolve-attachment-not-completed", operationId: "resolveAttachment", status: 409, code: "conflict", run: async (ctx) => ctx.call("resolveAttachment", { params: { id: (await target(ctx)).id }, body: { model: "m" } }) },
  ...bodyLimits("resolveAttachment", async () => ({ params: { id: UNKNOWN_ID }, body: { model: "m" } })),
];
