/** Conformance cases of the `workspace-files` tag (the storage service's file operations, spec/paths/workspace-files.yaml). */
import type { CaseContext } from "../context.ts";
import { type Case, INVALID, missing, ANY, expectDetail, noKey, bodyLimits, kebab } from "./families.ts";

/** A fresh workspace holding `/docs/readme.md` ("hello") and `/blob.bin`; deleted afterwards. */
async function filled(ctx: CaseContext): Promise<string> {
  const { id } = await ctx.createWorkspace();
  ctx.require(await ctx.call("createWorkspaceRootEntry", { params: { id }, body: { name: "docs", type: "folder" } }), 200, "create /docs");
  ctx.require(await ctx.call("createWorkspaceEntry", { params: { id, path: "docs" }, body: { name: "readme.md", type: "file", contents: "hello" } }), 200, "create /docs/readme.md");
  ctx.require(await ctx.call("createWorkspaceRootEntry", { params: { id }, body: { name: "blob.bin", type: "file", contents: "AP8=", encoding: "base64" } }), 200, "create /blob.bin");
  return id;
}

/** A multipart body with one file part. */
async function form(name: string, bytes: Uint8Array): Promise<{ raw: Uint8Array; headers: Record<string, string> }> {
  const data = new FormData();
  data.append("file", new Blob([bytes]), name);
  const request = new Request("http://x/", { method: "POST", body: data });
  return { raw: new Uint8Array(await request.arrayBuffer()), headers: { "Content-Type": request.headers.get("content-type") as string } };
}

/**
 * `size` zero bytes as a chunked stream: the server counts them as they come and answers once the
 * body has ended (a declared Content-Length over the limit would be answered before the client is
 * done sending, which fetch reports as a failure).
 */
function zeros(size: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024);
  let left = size;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const next = Math.min(left, chunk.length);
      controller.enqueue(next === chunk.length ? chunk : chunk.subarray(0, next));
      left -= next;
    },
  });
}

/** 400 (not a UUID), 401 and 404 (unknown workspace) of an operation. */
function workspaceErrors(operationId: string, extra: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {}): Case[] {
  const params = (id: string) => ({ ...extra.params, id });
  const rest = { ...(extra.query ? { query: extra.query } : {}), ...(extra.body ? { body: extra.body } : {}) };
  return [
    { name: `${kebab(operationId)}-not-a-uuid`, operationId, status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call(operationId, { params: params(INVALID.workspaceId), ...rest }), "/path/id") },
    noKey(operationId, { params: params(ANY.workspace.id), ...rest }),
    { name: `${kebab(operationId)}-unknown-workspace`, operationId, status: 404, code: "not_found", run: (ctx) => ctx.call(operationId, { params: params(missing.workspaceId()), ...rest }) },
  ];
}

const createBody = { name: "new.txt", type: "file", contents: "x" };

export const workspaceFilesCases: Case[] = [
  {
    name: "list-workspace-root-entries",
    operationId: "listWorkspaceRootEntries",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("listWorkspaceRootEntries", { params: { id: await filled(ctx) } });
      ctx.check(Array.isArray(ex.body) && ex.body[0]?.id === "/docs" && ex.body[0]?.count === 1, `raw array, directories first; got ${JSON.stringify(ex.body)}`);
      return ex;
    },
  },
  ...workspaceErrors("listWorkspaceRootEntries"),

  {
    name: "list-workspace-entries-of-a-directory",
    operationId: "listWorkspaceEntries",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("listWorkspaceEntries", { params: { id: await filled(ctx), path: "docs" } });
      ctx.check(ex.body?.[0]?.id === "/docs/readme.md" && ex.body?.[0]?.size === 5, `the readme; got ${JSON.stringify(ex.body)}`);
      return ex;
    },
  },
  { name: "list-workspace-entries-escape", operationId: "listWorkspaceEntries", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listWorkspaceEntries", { params: { id: await filled(ctx), path: "../.." } }), "/path/path") },
  noKey("listWorkspaceEntries", { params: { ...ANY.workspace, path: "docs" } }),
  { name: "list-workspace-entries-missing-directory", operationId: "listWorkspaceEntries", status: 404, code: "not_found", run: async (ctx) => ctx.call("listWorkspaceEntries", { params: { id: await filled(ctx), path: "nope" } }) },

  {
    name: "get-workspace-drive-info",
    operationId: "getWorkspaceDriveInfo",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("getWorkspaceDriveInfo", { params: { id: await filled(ctx) } });
      ctx.check(ex.body?.[0]?.used === 7, `7 bytes used; got ${JSON.stringify(ex.body)}`);
      return ex;
    },
  },
  ...workspaceErrors("getWorkspaceDriveInfo"),

  {
    name: "get-workspace-entry-info",
    operationId: "getWorkspaceEntryInfo",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("getWorkspaceEntryInfo", { params: { id: await filled(ctx), path: "docs" } });
      ctx.check(ex.body?.size === 5 && ex.body?.count === 1, `size 5, count 1; got ${JSON.stringify(ex.body)}`);
      return ex;
    },
  },
  { name: "get-workspace-entry-info-escape", operationId: "getWorkspaceEntryInfo", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getWorkspaceEntryInfo", { params: { id: await filled(ctx), path: "../x" } }), "/path/path") },
  noKey("getWorkspaceEntryInfo", { params: { ...ANY.workspace, path: "docs" } }),
  { name: "get-workspace-entry-info-missing", operationId: "getWorkspaceEntryInfo", status: 404, code: "not_found", run: async (ctx) => ctx.call("getWorkspaceEntryInfo", { params: { id: await filled(ctx), path: "nope" } }) },

  ...(["createWorkspaceRootEntry", "createWorkspaceEntry"] as const).flatMap((operationId): Case[] => {
    const at = (id: string) => (operationId === "createWorkspaceEntry" ? { id, path: "docs" } : { id });
    return [
      { name: `${kebab(operationId)}`, operationId, status: 200, run: async (ctx) => ctx.call(operationId, { params: at(await filled(ctx)), body: createBody }) },
      { name: `${kebab(operationId)}-bad-name`, operationId, status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call(operationId, { params: at(await filled(ctx)), body: { name: "a/b", type: "file" } }), "/body/name") },
      noKey(operationId, { params: at(ANY.workspace.id), body: createBody }),
      { name: `${kebab(operationId)}-unknown-workspace`, operationId, status: 404, code: "not_found", run: (ctx) => ctx.call(operationId, { params: at(missing.workspaceId()), body: createBody }) },
      { name: `${kebab(operationId)}-name-taken`, operationId, status: 409, code: "conflict", run: async (ctx) => ctx.call(operationId, { params: at(await filled(ctx)), body: { name: operationId === "createWorkspaceEntry" ? "readme.md" : "docs", type: "file" } }) },
      ...bodyLimits(operationId, async (ctx) => ({ params: at(await filled(ctx)), body: createBody })),
    ];
  }),

  ...(["uploadWorkspaceRootFile", "uploadWorkspaceFile"] as const).flatMap((operationId): Case[] => {
    const at = (id: string) => (operationId === "uploadWorkspaceFile" ? { id, path: "docs/up" } : { id });
    const upload = async (ctx: CaseContext, id: string) => ctx.call(operationId, { params: at(id), ...(await form("up.bin", new Uint8Array([0, 1, 255]))) });
    return [
      {
        name: `${kebab(operationId)}`,
        operationId,
        status: 200,
        run: async (ctx) => {
          const ex = await upload(ctx, await filled(ctx));
          ctx.check(ex.body?.size === 3 && ex.body?.name === "up.bin", `a 3-byte up.bin; got ${JSON.stringify(ex.body)}`);
          return ex;
        },
      },
      { name: `${kebab(operationId)}-without-file`, operationId, status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call(operationId, { params: at(await filled(ctx)), raw: "--b--\r\n", headers: { "Content-Type": "multipart/form-data; boundary=b" } }), "/body/file") },
      noKey(operationId, { params: at(ANY.workspace.id), raw: "--b--\r\n", headers: { "Content-Type": "multipart/form-data; boundary=b" } }),
      { name: `${kebab(operationId)}-unknown-workspace`, operationId, status: 404, code: "not_found", run: async (ctx) => upload(ctx, missing.workspaceId()) },
      {
        name: `${kebab(operationId)}-over-100mib`,
        operationId,
        status: 413,
        code: "payload_too_large",
        run: async (ctx) => ctx.call(operationId, { params: at(await filled(ctx)), raw: zeros(100 * 1024 * 1024 + 1), headers: { "Content-Type": "multipart/form-data; boundary=b" } }),
      },
      { name: `${kebab(operationId)}-json`, operationId, status: 415, code: "unsupported_media_type", run: async (ctx) => ctx.call(operationId, { params: at(await filled(ctx)), body: { file: "x" } }) },
    ];
  }),

  {
    name: "mutate-workspace-entry-rename",
    operationId: "mutateWorkspaceEntry",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("mutateWorkspaceEntry", { params: { id: await filled(ctx), path: "docs/readme.md" }, body: { operation: "rename", target: "README.md" } });
      ctx.check(ex.body?.id === "/docs/README.md", `renamed; got ${JSON.stringify(ex.body)}`);
      return ex;
    },
  },
  { name: "mutate-workspace-entry-write-without-contents", operationId: "mutateWorkspaceEntry", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("mutateWorkspaceEntry", { params: { id: await filled(ctx), path: "docs/readme.md" }, body: { operation: "write" } }), "/body/contents") },
  noKey("mutateWorkspaceEntry", { params: { ...ANY.workspace, path: "a" }, body: { operation: "write", contents: "x" } }),
  { name: "mutate-workspace-entry-missing", operationId: "mutateWorkspaceEntry", status: 404, code: "not_found", run: async (ctx) => ctx.call("mutateWorkspaceEntry", { params: { id: await filled(ctx), path: "nope" }, body: { operation: "copy", target: "/docs" } }) },
  { name: "mutate-workspace-entry-clash", operationId: "mutateWorkspaceEntry", status: 409, code: "conflict", run: async (ctx) => ctx.call("mutateWorkspaceEntry", { params: { id: await filled(ctx), path: "docs/readme.md" }, body: { operation: "copy", target: "/docs" } }) },
  ...bodyLimits("mutateWorkspaceEntry", async (ctx) => ({ params: { id: await filled(ctx), path: "docs/readme.md" }, body: { operation: "write", contents: "x" } })),

  {
    name: "batch-move-workspace-entries",
    operationId: "batchMutateWorkspaceEntries",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("batchMutateWorkspaceEntries", { params: { id: await filled(ctx) }, body: { operation: "move", ids: ["/blob.bin"], target: "/docs" } });
      ctx.check(ex.body?.[0]?.id === "/docs/blob.bin", `moved; got ${JSON.stringify(ex.body)}`);
      return ex;
    },
  },
  { name: "batch-mutate-workspace-entries-over-250", operationId: "batchMutateWorkspaceEntries", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("batchMutateWorkspaceEntries", { params: { id: await filled(ctx) }, body: { operation: "copy", ids: Array.from({ length: 251 }, (_, i) => `/f${i}`), target: "/" } }), "/body/ids") },
  noKey("batchMutateWorkspaceEntries", { params: ANY.workspace, body: { operation: "copy", ids: ["/a"], target: "/" } }),
  { name: "batch-mutate-workspace-entries-missing-id", operationId: "batchMutateWorkspaceEntries", status: 404, code: "not_found", run: async (ctx) => ctx.call("batchMutateWorkspaceEntries", { params: { id: await filled(ctx) }, body: { operation: "copy", ids: ["/nope"], target: "/docs" } }) },
  { name: "batch-mutate-workspace-entries-clash", operationId: "batchMutateWorkspaceEntries", status: 409, code: "conflict", run: async (ctx) => ctx.call("batchMutateWorkspaceEntries", { params: { id: await filled(ctx) }, body: { operation: "copy", ids: ["/docs/readme.md"], target: "/docs" } }) },
  ...bodyLimits("batchMutateWorkspaceEntries", async (ctx) => ({ params: { id: await filled(ctx) }, body: { operation: "copy", ids: ["/blob.bin"], target: "/docs" } })),

  {
    name: "delete-workspace-entries",
    operationId: "deleteWorkspaceEntries",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("deleteWorkspaceEntries", { params: { id: await filled(ctx) }, body: { ids: ["/docs", "blob.bin"] } });
      ctx.check(JSON.stringify(ex.body?.deleted) === JSON.stringify(["/docs", "/blob.bin"]), `both deleted; got ${JSON.stringify(ex.body)}`);
      return ex;
    },
  },
  { name: "delete-workspace-entries-root", operationId: "deleteWorkspaceEntries", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("deleteWorkspaceEntries", { params: { id: await filled(ctx) }, body: { ids: ["/"] } }), "/body/ids/0") },
  noKey("deleteWorkspaceEntries", { params: ANY.workspace, body: { ids: ["/a"] } }),
  { name: "delete-workspace-entries-missing", operationId: "deleteWorkspaceEntries", status: 404, code: "not_found", run: async (ctx) => ctx.call("deleteWorkspaceEntries", { params: { id: await filled(ctx) }, body: { ids: ["/blob.bin", "/nope"] } }) },
  ...bodyLimits("deleteWorkspaceEntries", async (ctx) => ({ params: { id: await filled(ctx) }, body: { ids: ["/blob.bin"] } })),

  {
    name: "download-workspace-file",
    operationId: "downloadWorkspaceFile",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("downloadWorkspaceFile", { params: { id: await filled(ctx) }, query: { id: "/blob.bin", download: true } });
      ctx.check(JSON.stringify([...(ex.bytes ?? [])]) === "[0,255]", `the two bytes; got ${JSON.stringify([...(ex.bytes ?? [])])}`);
      ctx.check(ex.headers.get("content-disposition")?.startsWith("attachment;"), "an attachment");
      return ex;
    },
  },
  { name: "download-workspace-file-directory", operationId: "downloadWorkspaceFile", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("downloadWorkspaceFile", { params: { id: await filled(ctx) }, query: { id: "/docs" } }), "/query/id") },
  noKey("downloadWorkspaceFile", { params: ANY.workspace, query: { id: "/a" } }),
  { name: "download-workspace-file-missing", operationId: "downloadWorkspaceFile", status: 404, code: "not_found", run: async (ctx) => ctx.call("downloadWorkspaceFile", { params: { id: await filled(ctx) }, query: { id: "/nope" } }) },
];
