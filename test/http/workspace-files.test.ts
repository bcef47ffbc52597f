/**
 * The storage service's file operations, black-box through the real server (spec tag
 * `workspace-files`; docs: /api-reference/workspaces/files). The same files are what a sandbox
 * mounting the workspace sees: an upload is read by `cat` in the sandbox, and a file the sandbox
 * writes is listed and downloaded here. Every JSON answer is validated against the spec.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Workspace } from "../../src/api-types.ts";
import { assertConforms, freshKey, type ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { createRunningSandbox, expectBadRequest, expectError, OVERSIZED_JSON_BYTES, sendRaw } from "./helpers.ts";

const { client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});
afterAll(() => {
  expect(violations).toEqual([]);
});

async function newWorkspace(c: ContractClient, name = "Data"): Promise<Workspace> {
  const res = await c.post<{ data: Workspace }>("/v1/workspaces", { name });
  expect(res.status).toBe(201);
  return res.body.data;
}

/** A multipart body as a browser or SDK sends it. */
async function multipart(fields: Record<string, string | { name: string; bytes: Uint8Array; type?: string }>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(key, value);
    else form.append(key, new Blob([value.bytes], { type: value.type ?? "application/octet-stream" }), value.name);
  }
  const request = new Request("http://x/", { method: "POST", body: form });
  return { rawBody: new Uint8Array(await request.arrayBuffer()), headers: { "Content-Type": request.headers.get("content-type") as string } };
}

/** GET …/direct with raw bytes back (the contract client reads JSON only). */
async function download(c: ContractClient, workspaceId: string, query: string) {
  const path = `/v1/workspaces/${workspaceId}/direct?${query}`;
  const response = await fetch(c.baseUrl + path, { headers: { "X-API-Key": c.apiKey } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) {
    const body: unknown = JSON.parse(new TextDecoder().decode(bytes));
    assertConforms("GET", path, response.status, response.headers, body);
    return { response, bytes, body };
  }
  return { response, bytes, body: undefined };
}

const BINARY = new Uint8Array([0, 1, 2, 127, 128, 254, 255, 10, 13]);

describe("uploads and downloads", () => {
  it("stores uploaded bytes as sent and streams them back, inline or as an attachment", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    const form = await multipart({ file: { name: "blob.bin", bytes: BINARY } });
    const up = await c.post(`/v1/workspaces/${ws.id}/upload/data/raw`, undefined, form);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ id: "/data/raw/blob.bin", name: "blob.bin", type: "file", size: BINARY.length, mimeType: "application/octet-stream" });
    const inline = await download(c, ws.id, "id=/data/raw/blob.bin");
    expect(inline.response.status).toBe(200);
    expect([...inline.bytes]).toEqual([...BINARY]);
    expect(inline.response.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''blob.bin");
    const attachment = await download(c, ws.id, "id=data/raw/blob.bin&download=true");
    expect(attachment.response.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect((await c.get<{ data: Workspace }>(`/v1/workspaces/${ws.id}`)).body.data.sizeBytes).toBe(BINARY.length);
  });

  it("names the file by the `name` field, uploads to the root or to query id, and replaces a file of that name", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "docs", type: "folder" });
    const first = await c.post(`/v1/workspaces/${ws.id}/upload?id=/docs`, undefined, await multipart({ file: { name: "x.txt", bytes: new TextEncoder().encode("one") }, name: "readme.md" }));
    expect(first.body).toMatchObject({ id: "/docs/readme.md", mimeType: "text/markdown", size: 3 });
    const root = await c.post(`/v1/workspaces/${ws.id}/upload`, undefined, await multipart({ file: { name: "top.txt", bytes: new TextEncoder().encode("top") } }));
    expect(root.body).toMatchObject({ id: "/top.txt" });
    await c.post(`/v1/workspaces/${ws.id}/upload/docs`, undefined, await multipart({ file: { name: "readme.md", bytes: new TextEncoder().encode("second") } }));
    expect(new TextDecoder().decode((await download(c, ws.id, "id=/docs/readme.md")).bytes)).toBe("second");
  });

  it("refuses an upload without a file part (400), of another media type (415), and into a file (400)", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    expectBadRequest(await c.post(`/v1/workspaces/${ws.id}/upload`, undefined, await multipart({ name: "x" })), "/body/file");
    expectError(await c.post(`/v1/workspaces/${ws.id}/upload`, { file: "x" }), 415, "unsupported_media_type");
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "f.txt", type: "file" });
    expectBadRequest(await c.post(`/v1/workspaces/${ws.id}/upload/f.txt`, undefined, await multipart({ file: { name: "a", bytes: BINARY } })), "/path/path");
  });

  it("refuses an upload declared over 100 MiB with 413 before reading it, storing nothing, and takes one larger than the JSON limit", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    const headers = { "X-API-Key": c.apiKey, "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(100 * 1024 * 1024 + 1) };
    const res = await sendRaw(c.baseUrl, "POST", `/v1/workspaces/${ws.id}/upload`, headers);
    expectError(res, 413, "payload_too_large");
    expect((await c.get(`/v1/workspaces/${ws.id}/files`)).body).toEqual([]);
    // Bigger than the 1 MiB JSON limit: an upload has its own.
    const big = await c.post(`/v1/workspaces/${ws.id}/upload`, undefined, await multipart({ file: { name: "big.bin", bytes: new Uint8Array(3 * 1024 * 1024) } }));
    expect(big.body).toMatchObject({ id: "/big.bin", size: 3 * 1024 * 1024 });
    await c.request("DELETE", `/v1/workspaces/${ws.id}/files`, { body: { ids: ["/big.bin"] } });
    expect((await c.get(`/v1/workspaces/${ws.id}/files`)).body).toEqual([]);
  });

  it("answers 404 for a missing file and 400 for a directory or a path leaving the workspace", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "d", type: "directory" });
    expect((await download(c, ws.id, "id=/nope")).response.status).toBe(404);
    expect((await download(c, ws.id, "id=/d")).response.status).toBe(400);
    expect((await download(c, ws.id, "id=../../etc/passwd")).response.status).toBe(400);
  });
});

describe("listing, creating and info", () => {
  it("lists a directory raw, directories first, hiding dot entries unless asked, with both documented field sets", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "src", type: "directory" });
    await c.post(`/v1/workspaces/${ws.id}/files/src`, { name: "index.ts", type: "file", contents: "export {};\n" });
    await c.post(`/v1/workspaces/${ws.id}/files/src`, { name: "components", type: "folder" });
    await c.post(`/v1/workspaces/${ws.id}/files/src/components`, { name: "a.ts", type: "file" });
    await c.post(`/v1/workspaces/${ws.id}/files/src`, { name: ".env", type: "file", contents: "X=1" });
    const listed = await c.get(`/v1/workspaces/${ws.id}/files/src`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: "/src/components", name: "components", value: "components", type: "directory", lazy: true, count: 1, mimeType: null }),
      expect.objectContaining({ id: "/src/index.ts", value: "index.ts", type: "file", size: 11, mimeType: "text/typescript", path: "/src/index.ts" }),
    ]);
    expect((listed.body as { date: string; mtime: string }[])[1]?.date).toBe((listed.body as { mtime: string }[])[1]?.mtime);
    const hidden = await c.get<{ name: string }[]>(`/v1/workspaces/${ws.id}/files/src?showHidden=true`);
    expect(hidden.body.map((e) => e.name)).toEqual(["components", ".env", "index.ts"]);
    expect((await c.get(`/v1/workspaces/${ws.id}/files/src%2Fcomponents`)).body).toEqual([expect.objectContaining({ id: "/src/components/a.ts" })]);
  });

  it("answers info for the workspace and for an entry", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "a.txt", type: "file", contents: "12345" });
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "d", type: "directory" });
    await c.post(`/v1/workspaces/${ws.id}/files/d`, { name: "b.bin", type: "file", contents: "AAEC", encoding: "base64" });
    expect((await c.get(`/v1/workspaces/${ws.id}/info`)).body).toEqual([{ used: 8, total: ws.quotaBytes, free: ws.quotaBytes - 8 }]);
    expect((await c.get(`/v1/workspaces/${ws.id}/info/d`)).body).toMatchObject({ id: "/d", type: "directory", size: 3, count: 1 });
    expect((await c.get(`/v1/workspaces/${ws.id}/info/a.txt`)).body).toMatchObject({ type: "file", size: 5, count: 0 });
    expectError(await c.get(`/v1/workspaces/${ws.id}/info/zzz`), 404, "not_found");
  });

  it("refuses a name taken (409), a missing directory (404), a bad name or escape (400), and other organizations' workspaces (404)", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "a", type: "file" });
    expectError(await c.post(`/v1/workspaces/${ws.id}/files`, { name: "a", type: "directory" }), 409, "conflict");
    expectError(await c.post(`/v1/workspaces/${ws.id}/files/missing`, { name: "x", type: "file" }), 404, "not_found");
    expectBadRequest(await c.post(`/v1/workspaces/${ws.id}/files`, { name: "a/b", type: "file" }), "/body/name");
    expectBadRequest(await c.get(`/v1/workspaces/${ws.id}/files/..%2F..`), "/path/path");
    expectBadRequest(await c.get(`/v1/workspaces/${ws.id}/files/a`), "/path/path");
    expectError(await client().as(freshKey("other")).get(`/v1/workspaces/${ws.id}/files`), 404, "not_found");
  });

  it("refuses contents over the 1 MiB JSON body limit with 413", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    expectError(await c.post(`/v1/workspaces/${ws.id}/files`, { name: "big", type: "file", contents: "x".repeat(OVERSIZED_JSON_BYTES) }), 413, "payload_too_large");
    expect((await c.get(`/v1/workspaces/${ws.id}/files`)).body).toEqual([]);
  });
});

describe("mutating and deleting", () => {
  it("renames, moves, copies and writes one entry", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "a.txt", type: "file", contents: "A" });
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "dir", type: "directory" });
    expect((await c.request("PUT", `/v1/workspaces/${ws.id}/files/a.txt`, { body: { operation: "rename", target: "b.txt" } })).body).toMatchObject({ id: "/b.txt" });
    expect((await c.request("PUT", `/v1/workspaces/${ws.id}/files/b.txt`, { body: { operation: "copy", target: "/dir" } })).body).toMatchObject({ id: "/dir/b.txt" });
    expect((await c.request("PUT", `/v1/workspaces/${ws.id}/files/dir/b.txt`, { body: { operation: "write", contents: "new" } })).body).toMatchObject({ size: 3 });
    expectError(await c.request("PUT", `/v1/workspaces/${ws.id}/files/b.txt`, { body: { operation: "move", target: "/dir" } }), 409, "conflict");
    expectBadRequest(await c.request("PUT", `/v1/workspaces/${ws.id}/files/dir`, { body: { operation: "move", target: "/dir" } }), "/body/target");
    const names = (await c.get<{ id: string }[]>(`/v1/workspaces/${ws.id}/files/dir`)).body.map((e) => e.id);
    expect(names).toEqual(["/dir/b.txt"]);
  });

  it("copies and moves a batch by ids all or nothing, and deletes by ids all or nothing", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    for (const name of ["a", "b"]) await c.post(`/v1/workspaces/${ws.id}/files`, { name, type: "file", contents: name });
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "archive", type: "directory" });
    expectError(await c.request("PUT", `/v1/workspaces/${ws.id}/files`, { body: { operation: "move", ids: ["/a", "/missing"], target: "/archive" } }), 404, "not_found");
    expect((await c.get(`/v1/workspaces/${ws.id}/files/archive`)).body).toEqual([]);
    const moved = await c.request("PUT", `/v1/workspaces/${ws.id}/files`, { body: { operation: "move", ids: ["/a", "b"], target: "/archive" } });
    expect(moved.body).toEqual([expect.objectContaining({ id: "/archive/a" }), expect.objectContaining({ id: "/archive/b" })]);
    expectError(await c.request("DELETE", `/v1/workspaces/${ws.id}/files`, { body: { ids: ["/archive/a", "/zzz"] } }), 404, "not_found");
    const deleted = await c.request("DELETE", `/v1/workspaces/${ws.id}/files`, { body: { ids: ["/archive", "/archive/a"] } });
    expect(deleted.body).toEqual({ deleted: ["/archive", "/archive/a"] });
    expect((await c.get(`/v1/workspaces/${ws.id}/files`)).body).toEqual([]);
    expectBadRequest(await c.request("PUT", `/v1/workspaces/${ws.id}/files`, { body: { operation: "copy", ids: Array.from({ length: 251 }, (_, i) => `/f${i}`), target: "/" } }), "/body/ids");
  });
});

describe("the same files in a mounting sandbox", () => {
  it("shows an upload to `cat` in the sandbox, and the sandbox's writes to the storage API", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    await c.post(`/v1/workspaces/${ws.id}/upload/in`, undefined, await multipart({ file: { name: "hello.txt", bytes: new TextEncoder().encode("from storage\n") } }));
    const sandbox = await createRunningSandbox(c, { mounts: [{ workspaceId: ws.id, path: "/workspace/data" }] });
    const exec = (command: string) => c.post<{ data: { stdout: string; exitCode: number } }>(`/v1/sandboxes/${sandbox.id}/exec`, { command });
    expect((await exec("cat /workspace/data/in/hello.txt")).body.data).toMatchObject({ stdout: "from storage\n", exitCode: 0 });
    await exec("mkdir -p /workspace/data/out && printf %s AAH/Cg== | base64 --decode > /workspace/data/out/bytes.bin");
    expect((await c.get(`/v1/workspaces/${ws.id}/files/out`)).body).toEqual([expect.objectContaining({ id: "/out/bytes.bin", size: 4 })]);
    expect([...(await download(c, ws.id, "id=/out/bytes.bin")).bytes]).toEqual([0, 1, 255, 10]);
  });

  it("refuses writes through a readOnly mount with EROFS and a non-zero exit", async () => {
    const c = client().as(freshKey("files"));
    const ws = await newWorkspace(c);
    const sandbox = await createRunningSandbox(c, { mounts: [{ workspaceId: ws.id, path: "/workspace/ro", readOnly: true }] });
    const res = await c.post<{ data: { stderr: string; exitCode: number } }>(`/v1/sandboxes/${sandbox.id}/exec`, { command: "echo x > /workspace/ro/f" });
    expect(res.body.data).toMatchObject({ exitCode: 1, stderr: "bash: /workspace/ro/f: Read-only file system\n" });
    expect((await c.get(`/v1/workspaces/${ws.id}/files`)).body).toEqual([]);
  });

  it("serves the personal workspace's files too, and drops a deleted workspace's files", async () => {
    const c = client().as(freshKey("files"));
    const list = await c.get<{ data: { workspaces: Workspace[] } }>("/v1/workspaces");
    const personal = list.body.data.workspaces.find((w) => w.isPersonal) as Workspace;
    await c.post(`/v1/workspaces/${personal.id}/files`, { name: "p.txt", type: "file", contents: "mine" });
    const after = await c.get<{ data: { workspaces: Workspace[]; storage: { usedBytes: number } } }>("/v1/workspaces");
    expect(after.body.data.storage.usedBytes).toBe(4);
    const ws = await newWorkspace(c);
    await c.post(`/v1/workspaces/${ws.id}/files`, { name: "gone.txt", type: "file", contents: "bye" });
    expect((await c.delete(`/v1/workspaces/${ws.id}`)).status).toBe(200);
    expectError(await c.get(`/v1/workspaces/${ws.id}/files`), 404, "not_found");
    expect((await c.get<{ data: { storage: { usedBytes: number } } }>("/v1/workspaces")).body.data.storage.usedBytes).toBe(4);
  });
});
