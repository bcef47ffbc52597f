/**
 * Reads a `multipart/form-data` request body (the storage service's uploads, docs:
 * /api-reference/workspaces/files: "`file` field is required"). Node's own fetch implementation
 * (undici's `Response.formData`) parses it, so no parser of the mock's own handles boundaries.
 * Bytes are kept as sent: an upload is binary-safe.
 *
 * 413 for a body over the operation's limit, 415 for another media type, 400 for a body that is
 * not well-formed multipart; never a 500.
 */
import { ApiError } from "./errors.ts";
import { headerValue, type PlainBody, type PlainHeaders } from "./http-types.ts";

/** One file part. */
export interface UploadedFile {
  /** The part's filename (`filename=` of its Content-Disposition). */
  filename: string;
  /** The part's Content-Type (`application/octet-stream` when it names none). */
  contentType: string;
  bytes: Uint8Array;
}

/** A parsed form: text fields and file parts by field name (the first of a repeated name). */
export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

/** The form the body carries; an empty form when no body was sent. */
export async function parseMultipartBody(body: PlainBody, headers: PlainHeaders): Promise<MultipartForm> {
  if (body.kind === "too_large") throw new ApiError("payload_too_large", `Request body exceeds the limit of ${body.limit} bytes`);
  const contentType = headerValue(headers, "content-type");
  if (contentType === undefined || !/^multipart\/form-data\s*;/i.test(contentType.trim())) {
    throw new ApiError(
      "unsupported_media_type",
      `Content-Type must be multipart/form-data (with a boundary), not ${contentType === undefined ? "missing" : `'${contentType}'`}`,
    );
  }
  const form: MultipartForm = { fields: {}, files: {} };
  if (body.kind === "none" || body.bytes.length === 0) return form;
  let data: FormData;
  try {
    data = await new Response(body.bytes, { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    throw new ApiError("bad_request", `Malformed multipart body: ${(error as Error).message}`, [{ path: "/body", message: "is not well-formed multipart/form-data" }]);
  }
  for (const [name, value] of data.entries()) {
    if (typeof value === "string") {
      form.fields[name] ??= value;
    } else if (!(name in form.files)) {
      form.files[name] = { filename: value.name, contentType: value.type || "application/octet-stream", bytes: new Uint8Array(await value.arrayBuffer()) };
    }
  }
  return form;
}
