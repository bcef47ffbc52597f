/**
 * The storage service's file operations (tag `workspace-files`): thin handlers over
 * WorkspaceStorage (src/stateful/workspaces/files/workspace-storage.ts), which works on the
 * workspace's file tree, the same tree its mounting sandboxes see. Answers are raw (no envelope),
 * as the storage service answers (docs: /api-reference/workspaces/files).
 */
import { ApiError } from "../core/errors.ts";
import type { MultipartForm } from "../core/multipart.ts";
import { WorkspaceStorage } from "../stateful/workspaces/files/workspace-storage.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler, RequestContext } from "./types.ts";

/** The storage of a workspace of the caller's organization (404 for any other). */
const storage = (ctx: RequestContext, workspaceId: string) => new WorkspaceStorage(ctx.org().workspaces.files(workspaceId));

export const listWorkspaceRootEntries: Handler<"listWorkspaceRootEntries"> = async ({ path, query }, ctx) => ({
  status: 200,
  body: await storage(ctx, path.id).list(undefined, defaulted(query.showHidden, "showHidden")),
});

export const listWorkspaceEntries: Handler<"listWorkspaceEntries"> = async ({ path, query }, ctx) => ({
  status: 200,
  body: await storage(ctx, path.id).list(path.path, defaulted(query.showHidden, "showHidden")),
});

export const getWorkspaceDriveInfo: Handler<"getWorkspaceDriveInfo"> = ({ path }, ctx) => ({
  status: 200,
  body: storage(ctx, path.id).driveInfo(),
});

export const getWorkspaceEntryInfo: Handler<"getWorkspaceEntryInfo"> = async ({ path }, ctx) => ({
  status: 200,
  body: await storage(ctx, path.id).info(path.path),
});

export const createWorkspaceRootEntry: Handler<"createWorkspaceRootEntry"> = async ({ path, body }, ctx) => ({
  status: 200,
  body: await storage(ctx, path.id).create(undefined, body),
});

export const createWorkspaceEntry: Handler<"createWorkspaceEntry"> = async ({ path, body }, ctx) => ({
  status: 200,
  body: await storage(ctx, path.id).create(path.path, body),
});

export const uploadWorkspaceRootFile: Handler<"uploadWorkspaceRootFile"> = async ({ path, query, body }, ctx) => ({
  status: 200,
  body: await upload(ctx, path.id, query.id, query.id === undefined ? "/path/id" : "/query/id", body),
});

export const uploadWorkspaceFile: Handler<"uploadWorkspaceFile"> = async ({ path, body }, ctx) => ({
  status: 200,
  body: await upload(ctx, path.id, path.path, "/path/path", body),
});

async function upload(ctx: RequestContext, workspaceId: string, directory: string | undefined, at: string, form: MultipartForm) {
  const tree = storage(ctx, workspaceId);
  const file = form.files.file;
  if (!file) throw new ApiError("bad_request", "The multipart field 'file' is required", [{ path: "/body/file", message: "is required (a file part)" }]);
  return tree.upload(directory, form.fields.name ?? file.filename, file.bytes, at);
}

export const mutateWorkspaceEntry: Handler<"mutateWorkspaceEntry"> = async ({ path, body }, ctx) => ({
  status: 200,
  body: await storage(ctx, path.id).mutate(path.path, body),
});

export const batchMutateWorkspaceEntries: Handler<"batchMutateWorkspaceEntries"> = async ({ path, body }, ctx) => ({
  status: 200,
  body: await storage(ctx, path.id).batch(body),
});

export const deleteWorkspaceEntries: Handler<"deleteWorkspaceEntries"> = async ({ path, body }, ctx) => ({
  status: 200,
  body: await storage(ctx, path.id).remove(body.ids),
});

export const downloadWorkspaceFile: Handler<"downloadWorkspaceFile"> = async ({ path, query }, ctx) => {
  const file = await storage(ctx, path.id).download(query.id);
  const disposition = defaulted(query.download, "download") ? "attachment" : "inline";
  return {
    status: 200,
    headers: { "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}` },
    // Mock decision: always application/octet-stream (the one media type the spec declares); the
    // file's own media type is its entry's `mimeType`.
    raw: { contentType: "application/octet-stream", bytes: file.bytes },
  };
};
