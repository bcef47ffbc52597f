/**
 * Attachments (tag `attachments`): upload target, the mock's own upload URL, finalize, resolve,
 * over AttachmentStore. Shapes follow the generated reference pages (Part B "Attachments").
 */
import { ApiError } from "../core/errors.ts";
import type { Handler } from "./types.ts";

export const createAttachmentUpload: Handler<"createAttachmentUpload"> = ({ body }, ctx) => ({
  status: 201,
  body: { data: ctx.org().attachments.create(body, ctx.baseUrl, ctx.caller().userId), meta: ctx.meta },
});

/** The upload URL: no API key; its `org` and `signature` authorize it (an unknown organization is the same 403). */
export const uploadAttachmentContent: Handler<"uploadAttachmentContent"> = ({ path, query, body }, ctx) => {
  const org = ctx.orgs.peek(query.org);
  if (!org) throw new ApiError("forbidden", "The upload URL's signature does not match, or it has expired");
  return { status: 200, body: { data: org.attachments.upload(path.id, query.signature, body), meta: ctx.meta } };
};

export const completeAttachment: Handler<"completeAttachment"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: { attachment: ctx.org().attachments.complete(path.id, ctx.caller().userId) }, meta: ctx.meta },
});

export const resolveAttachment: Handler<"resolveAttachment"> = ({ path, body }, ctx) => ({
  status: 200,
  body: { data: ctx.org().attachments.resolve(path.id, body.model), meta: ctx.meta },
});
