/**
 * Attachments of one organization's threads (docs: /api-reference/attachments/*; /features/agents,
 * "For file inputs, create an upload target"). The platform hands out a signed storage URL; the
 * mock is its own storage: the upload target is a URL on the mock, authorized by a signature in
 * its query, and the bytes are kept in memory with the organization (and in its state document).
 * Sizes are bounded so that no client can make the mock hold more than it means to.
 */
import type { Attachment, AttachmentKind, AttachmentUploadRequest, AttachmentUploadTarget, ResolvedAttachment } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { ActivitySink } from "../activity/activity-log.ts";
import type { AgentStore } from "../agents/agents.store.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";
import type { ThreadStore } from "../threads/threads.store.ts";

/** The largest attachment, in bytes (also the upload operation's body limit). */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;
/** The most attachment bytes one organization keeps. */
export const ORG_ATTACHMENT_MAX_BYTES = 64 * 1024 * 1024;
/** The most attachments one organization keeps. */
export const ORG_ATTACHMENT_MAX_COUNT = 1000;
/** How long an upload URL is valid, in ms. */
export const UPLOAD_URL_TTL_MS = 15 * 60 * 1000;
/** The longest text a `text` attachment resolves to, in characters ("text excerpt"). */
export const TEXT_EXCERPT_MAX_CHARS = 100_000;

/** What a state document keeps of one attachment. */
export interface StoredAttachment {
  attachment: Attachment;
  agentSlug: string | null;
  /** The size announced at creation; the upload must match it. */
  declaredSizeBytes: number | null;
  signature: string;
  expiresAt: string;
  /** The uploaded bytes, base64; null before the upload. */
  content: string | null;
}

interface AttachmentRecord extends Omit<StoredAttachment, "content"> {
  content: Buffer | null;
}

export interface AttachmentStoreDeps {
  orgId: string;
  clock: Clock;
  ids: IdSource;
  threads: ThreadStore;
  agents: AgentStore;
  activity: ActivitySink;
}

/** `image/*` → image; text-like media types → text; anything else → file (spec AttachmentKind). */
export function kindOf(contentType: string): AttachmentKind {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("text/") || /\/(json|xml|yaml|x-yaml|javascript|x-javascript)$/.test(type) || /\+(json|xml)$/.test(type)) return "text";
  return "file";
}

/** One organization's attachments. */
export class AttachmentStore {
  readonly #byId = new Map<string, AttachmentRecord>();

  constructor(private readonly deps: AttachmentStoreDeps) {}

  /** Registers a pending attachment of a thread and answers its upload target on `baseUrl`. */
  create(input: AttachmentUploadRequest, baseUrl: string, actorUserId: string): AttachmentUploadTarget {
    const thread = this.deps.threads.get(input.threadId);
    if (input.agentSlug !== undefined) {
      const agent = this.deps.agents.resolve(input.agentSlug);
      if (agent.id !== thread.agentId) throw new ApiError("conflict", `Thread '${thread.id}' belongs to another agent than '${input.agentSlug}'`);
    }
    if (input.sizeBytes !== undefined && input.sizeBytes > ATTACHMENT_MAX_BYTES) {
      throw new ApiError("payload_too_large", `An attachment is at most ${ATTACHMENT_MAX_BYTES} bytes; sizeBytes is ${input.sizeBytes}`);
    }
    if (this.#byId.size >= ORG_ATTACHMENT_MAX_COUNT) throw new ApiError("conflict", `This organization already keeps the mock's maximum of ${ORG_ATTACHMENT_MAX_COUNT} attachments`);
    let id: string;
    do id = this.deps.ids.uuid();
    while (this.#byId.has(id));
    const signature = this.deps.ids.token("sig_", 24);
    const expiresAt = new Date(this.deps.clock.now().getTime() + UPLOAD_URL_TTL_MS).toISOString();
    const attachment: Attachment = { id, threadId: thread.id, filename: input.filename, contentType: input.contentType, sizeBytes: 0, status: "pending", materializations: [] };
    this.#byId.set(id, { attachment, agentSlug: input.agentSlug ?? null, declaredSizeBytes: input.sizeBytes ?? null, signature, expiresAt, content: null });
    this.#report("attachment.created", attachment, actorUserId);
    const query = new URLSearchParams({ org: this.deps.orgId, signature });
    return { id, uploadUrl: `${baseUrl}/v1/agent-attachments/${id}/upload?${query}`, method: "PUT", headers: { "Content-Type": input.contentType }, expiresAt };
  }

  /**
   * Stores the bytes sent to an upload URL. A signature that does not match, or has expired, is a
   * 403 (for an attachment that does not exist too: a URL tells nothing); after completing, 409.
   */
  upload(id: string, signature: string, bytes: Buffer): { id: string; sizeBytes: number } {
    const record = this.#byId.get(id);
    const now = this.deps.clock.now().toISOString();
    if (!record || record.signature !== signature || record.expiresAt <= now) {
      throw new ApiError("forbidden", "The upload URL's signature does not match, or it has expired");
    }
    if (record.attachment.status !== "pending") throw new ApiError("conflict", `Attachment '${id}' is already completed; create a new upload target`);
    if (bytes.length > ATTACHMENT_MAX_BYTES) throw new ApiError("payload_too_large", `An attachment is at most ${ATTACHMENT_MAX_BYTES} bytes`);
    const others = this.#storedBytes() - (record.content?.length ?? 0);
    if (others + bytes.length > ORG_ATTACHMENT_MAX_BYTES) {
      throw new ApiError("payload_too_large", `This organization's attachments would exceed the mock's ${ORG_ATTACHMENT_MAX_BYTES} bytes`);
    }
    if (record.declaredSizeBytes !== null && bytes.length !== record.declaredSizeBytes) {
      throw new ApiError("bad_request", `The upload is ${bytes.length} bytes; sizeBytes announced ${record.declaredSizeBytes}`, [{ path: "/body", message: `must be ${record.declaredSizeBytes} bytes long` }]);
    }
    record.content = Buffer.from(bytes);
    record.attachment.sizeBytes = bytes.length;
    return { id, sizeBytes: bytes.length };
  }

  /** Marks an uploaded attachment ready (409 before any upload); a ready one is answered as it is. */
  complete(id: string, actorUserId: string): Attachment {
    const record = this.#require(id);
    if (record.content === null) throw new ApiError("conflict", `Attachment '${id}' has no upload yet: PUT its bytes to the uploadUrl first`);
    if (record.attachment.status === "pending") {
      record.attachment.status = "ready";
      this.#report("attachment.completed", record.attachment, actorUserId);
    }
    return cloneJson(record.attachment);
  }

  /** The representation of a ready attachment for `model` (409 before it is completed), recorded once per model. */
  resolve(id: string, model: string): ResolvedAttachment {
    const record = this.#require(id);
    const { attachment, content } = record;
    if (attachment.status !== "ready" || content === null) throw new ApiError("conflict", `Attachment '${id}' is not completed yet`);
    const kind = kindOf(attachment.contentType);
    if (!attachment.materializations.some((m) => m.model === model)) {
      attachment.materializations.push({ model, kind, createdAt: this.deps.clock.now().toISOString() });
    }
    const text = kind === "text" ? content.toString("utf8").slice(0, TEXT_EXCERPT_MAX_CHARS) : null;
    const url = kind === "text" ? null : `data:${attachment.contentType};base64,${content.toString("base64")}`;
    return { attachmentId: id, model, kind, url, text };
  }

  /** Every attachment, oldest first, for a state snapshot (bytes as base64). */
  exportAll(): StoredAttachment[] {
    return [...this.#byId.values()].map((record) => ({ ...cloneJson({ ...record, content: null }), content: record.content?.toString("base64") ?? null }));
  }

  /** Loads attachments from a snapshot into this (empty) store; ids must be unique and threads known. */
  importAll(stored: readonly StoredAttachment[]): void {
    for (const entry of stored) {
      const { id } = entry.attachment;
      if (this.#byId.has(id)) throw new Error(`attachment id '${id}' appears twice`);
      const content = entry.content === null ? null : Buffer.from(entry.content, "base64");
      if (content !== null && content.length !== entry.attachment.sizeBytes) throw new Error(`attachment '${id}': sizeBytes must be the length of its content`);
      this.#byId.set(id, { ...cloneJson({ ...entry, content: null }), content });
    }
  }

  #storedBytes(): number {
    let total = 0;
    for (const record of this.#byId.values()) total += record.content?.length ?? 0;
    return total;
  }

  #report(eventType: string, attachment: Attachment, actorUserId: string): void {
    this.deps.activity.record({
      resourceType: "attachment",
      resourceId: attachment.id,
      threadId: attachment.threadId,
      eventType,
      title: `Attachment ${attachment.filename} ${eventType.split(".")[1]}`,
      actorUserId,
      status: attachment.status,
      attributes: { filename: attachment.filename, contentType: attachment.contentType, sizeBytes: attachment.sizeBytes },
    });
  }

  #require(id: string): AttachmentRecord {
    const record = this.#byId.get(id);
    if (!record) throw new ApiError("not_found", `Attachment '${id}' not found`);
    return record;
  }
}
