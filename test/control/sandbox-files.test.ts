/**
 * Seeding and reading a sandbox's files through the real server (spec/control.yaml
 * seedSandboxFiles, getSandboxFiles, FileTree; docs/sandboxes.md "Files in the state"): what a test
 * seeds, the sandbox's commands see; what they write, the read shows; files travel in
 * `GET`/`PUT /__mock/state`; bad input is a 400 with a pointer (or 404, 409, 413) and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { ControlClient, expectControlBadRequest, expectControlError, expectOk, orgIdOf } from "./control-client.ts";

const { client, server, violations } = useServer();
const control = () => new ControlClient(server().url);

beforeEach(async () => {
  expectOk(await control().reset());
});

afterEach(() => {
  expect(violations).toEqual([]);
});

async function runningSandbox(c: ContractClient): Promise<string> {
  const created = await c.post("/v1/sandboxes", { template: "base-ubuntu" });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.data.id as string;
  expect((await c.get(`/v1/sandboxes/${id}`)).body.data.status).toBe("running");
  return id;
}

async function sh(c: ContractClient, id: string, command: string): Promise<string> {
  const result = await c.post(`/v1/sandboxes/${id}/exec`, { command });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.data.stdout as string;
}

const PROJECT = [
  { path: "/workspace/app/README.md", type: "file", content: "# app\n" },
  { path: "/workspace/app/run.sh", type: "file", mode: 493, mtime: "2025-01-02T03:04:05.678Z", content: "#!/bin/sh\necho ok\n" },
  { path: "/workspace/app/logo.bin", type: "file", content: "/wDD", encoding: "base64" },
  { path: "/workspace/app/cache", type: "directory", mode: 448 },
  { path: "/workspace/current", type: "symlink", target: "app" },
];

describe("PUT /__mock/sandboxes/{id}/files", () => {
  it("seeds files the sandbox's commands then see, with their modes, times, bytes and symlinks", async () => {
    const c = client("seedFiles");
    const id = await runningSandbox(c);
    const seeded = expectOk(await control().seedSandboxFiles(id, { entries: PROJECT }));
    expect(seeded.data.sandboxId).toBe(id);
    expect(seeded.data.entries).toContainEqual({ path: "/workspace/app/run.sh", type: "file", mode: 493, mtime: "2025-01-02T03:04:05.678Z", content: "#!/bin/sh\necho ok\n", encoding: "utf-8" });
    expect(await sh(c, id, "cat current/README.md; sh app/run.sh; base64 app/logo.bin; readlink current")).toBe("# app\nok\n/wDD\napp\n");
    const listing = (await sh(c, id, "find app -printf '%p %m %y\\n'")).trim().split("\n").sort();
    expect(listing).toEqual(["app 755 d", "app/README.md 644 f", "app/cache 700 d", "app/logo.bin 644 f", "app/run.sh 755 f"]);
  });

  it("merges by default and replaces with mode=replace", async () => {
    const c = client("seedModes");
    const id = await runningSandbox(c);
    await sh(c, id, "echo mine > mine.txt");
    expectOk(await control().seedSandboxFiles(id, { entries: [{ path: "/workspace/seeded.txt", type: "file", content: "s" }] }));
    expect(await sh(c, id, "ls")).toBe("mine.txt\nseeded.txt\n");
    const replaced = expectOk(await control().seedSandboxFiles(id, { entries: [{ path: "/etc/app.conf", type: "file", content: "x=1\n" }] }, { mode: "replace" }));
    expect(replaced.data.entries.map((entry) => entry.path)).toEqual(["/etc", "/etc/app.conf", "/root", "/tmp", "/workspace"]);
    expect(await sh(c, id, "ls -A; cat /etc/app.conf")).toBe("x=1\n");
  });

  it("finds the sandbox's organization from ?org=, from X-API-Key, or by searching every organization", async () => {
    const c = client("seedOrg");
    const other = client("seedOrgOther");
    const id = await runningSandbox(c);
    await runningSandbox(other);
    const orgId = await orgIdOf(control(), c);
    const entry = (name: string) => ({ entries: [{ path: `/workspace/${name}`, type: "file" }] });
    expectOk(await control().seedSandboxFiles(id, entry("a"), { org: orgId }));
    expectOk(await control().seedSandboxFiles(id, entry("b"), {}, { "X-API-Key": c.apiKey }));
    expectOk(await control().seedSandboxFiles(id, entry("c")));
    expect(await sh(c, id, "ls")).toBe("a\nb\nc\n");
    expectControlError(await control().seedSandboxFiles(id, entry("d"), {}, { "X-API-Key": other.apiKey }), 404, "not_found");
  });

  it("answers 400 with a pointer for an entry it cannot write, and writes none of the others", async () => {
    const c = client("seedBad");
    const id = await runningSandbox(c);
    const before = expectOk(await control().sandboxFiles(id)).data.entries;
    const cases: [unknown[], string][] = [
      [[{ path: "/workspace/ok", type: "file" }, { path: "relative", type: "file" }], "/body/entries/1/path"],
      [[{ path: "/workspace/ok", type: "file" }, { path: "/workspace/b", type: "file", content: "%%%%", encoding: "base64" }], "/body/entries/1/content"],
      [[{ path: "/workspace/l", type: "symlink" }], "/body/entries/0/target"],
      [[{ path: "/workspace/ok", type: "file" }, { path: "/workspace/ok", type: "directory" }], "/body/entries/1/path"],
      [[{ path: "/workspace/ok", type: "file" }, { path: "/bin/ls", type: "file" }], "/body/entries/1"],
      [[{ path: "/workspace/f", type: "file" }, { path: "/workspace/f/g", type: "file" }], "/body/entries/1"],
      [[{ path: "/workspace/x", type: "file", mode: 99999 }], "/body/entries/0/mode"],
      [[{ path: "/workspace/x", type: "fifo" }], "/body/entries/0/type"],
    ];
    for (const [entries, pointer] of cases) expectControlBadRequest(await control().seedSandboxFiles(id, { entries }), pointer);
    expect(expectOk(await control().sandboxFiles(id)).data.entries).toEqual(before);
  });

  it("answers 400 when the files do not fit the sandbox's disk", async () => {
    const c = client("seedDisk");
    const created = await c.post("/v1/sandboxes", { template: "base-ubuntu", resources: { vcpus: 1, memory: "1GB", disk: "1MB" } });
    const id = created.body.data.id as string;
    const big = Buffer.alloc(2 ** 20 + 1).toString("base64");
    const [path] = expectControlBadRequest(await control().seedSandboxFiles(id, { entries: [{ path: "/workspace/big", type: "file", content: big, encoding: "base64" }] }), "/body/entries/0");
    expect(path).toBe("/body/entries/0");
  });

  it("answers 413 for a seed over the bound of a tree, 404 for an unknown sandbox and 409 for a destroyed one", async () => {
    const c = client("seedStatuses");
    const id = await runningSandbox(c);
    const seventeenMiB = { entries: [{ path: "/workspace/a", type: "file", content: "a".repeat(17 * 2 ** 20) }] };
    const tooLarge = await control().seedSandboxFiles(id, seventeenMiB);
    // 17 MiB of text is also over the 16 MiB body limit; either way the answer is 413.
    expectControlError(tooLarge, 413, "payload_too_large");
    const overBound = { entries: Array.from({ length: 10_001 }, (_, i) => ({ path: `/workspace/d${i}`, type: "directory" })) };
    expectControlBadRequest(await control().seedSandboxFiles(id, overBound), "/body/entries");
    expectControlError(await control().seedSandboxFiles("sandbox-nosuchthing1", { entries: [] }), 404, "not_found");
    expect((await c.delete(`/v1/sandboxes/${id}`)).status).toBe(200);
    expectControlError(await control().seedSandboxFiles(id, { entries: [] }), 409, "conflict");
    expectControlError(await control().sandboxFiles(id), 409, "conflict");
  });
});

describe("GET /__mock/sandboxes/{id}/files", () => {
  it("shows what the sandbox's commands wrote, without the shell's own files", async () => {
    const c = client("readFiles");
    const id = await runningSandbox(c);
    await sh(c, id, "printf hi > hi.txt; mkdir -p /tmp/empty");
    const { entries } = expectOk(await control().sandboxFiles(id)).data;
    expect(entries.map((entry) => entry.path)).toEqual(["/root", "/tmp", "/tmp/empty", "/workspace", "/workspace/hi.txt"]);
    expect(entries.find((entry) => entry.path === "/workspace/hi.txt")).toMatchObject({ type: "file", mode: 420, content: "hi", encoding: "utf-8" });
  });
});

describe("files in GET and PUT /__mock/state", () => {
  it("export a sandbox's files and import them back exactly", async () => {
    const c = client("stateFiles");
    const id = await runningSandbox(c);
    expectOk(await control().seedSandboxFiles(id, { entries: PROJECT }));
    const document = expectOk(await control().exportState({}, { "X-API-Key": c.apiKey }));
    const trees = document.organizations[0]?.files ?? [];
    expect(trees.map((tree) => [tree.owner, tree.id])).toEqual([["sandbox", id]]);
    await sh(c, id, "rm -r app current");
    expectOk(await control().importState(document, "merge"));
    expect(await sh(c, id, "cat current/README.md; base64 app/logo.bin")).toBe("# app\n/wDD\n");
    expect(expectOk(await control().exportState({}, { "X-API-Key": c.apiKey })).organizations[0]?.files).toEqual(trees);
  });

  it("refuses a document whose tree names an unknown sandbox, or is over the bound, and changes nothing", async () => {
    const c = client("stateFilesBad");
    const id = await runningSandbox(c);
    await sh(c, id, "echo keep > keep.txt");
    const document = expectOk(await control().exportState({}, { "X-API-Key": c.apiKey }));
    const org = document.organizations[0] as (typeof document.organizations)[number];
    const unknown = { ...document, organizations: [{ ...org, files: [{ owner: "sandbox" as const, id: "sandbox-unknown00000", entries: [] }] }] };
    expectControlBadRequest(await control().importState(unknown, "merge"), "/body/organizations/0/files/0/id");
    const many = Array.from({ length: 10_001 }, (_, i) => ({ path: `/workspace/d${i}`, type: "directory" as const }));
    const overBound = { ...document, organizations: [{ ...org, files: [{ owner: "sandbox" as const, id, entries: many }] }] };
    const refused = expectControlError(await control().importState(overBound, "merge"), 413, "payload_too_large");
    expect(refused.message).toBe("/body/organizations/0/files/0: the tree has 10001 entries, over the bound of 10000 per tree");
    expect(await sh(c, id, "cat keep.txt")).toBe("keep\n");
  });
});

describe("workspace files: PUT and GET /__mock/workspaces/{id}/files, and in the state", () => {
  it("seeds a workspace's files, which a mounting sandbox sees, and carries them through an export and import", async () => {
    const c = client("workspaceFiles");
    const created = await c.post("/v1/workspaces", { name: "Shared data" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const workspaceId = created.body.data.id as string;
    const seeded = expectOk(await control().seedWorkspaceFiles(workspaceId, { entries: [{ path: "/data/input.csv", type: "file", content: "a,b\n1,2\n", mtime: "2024-04-04T04:04:04.004Z" }] }));
    expect(seeded.data.entries.map((entry) => entry.path)).toEqual(["/", "/data", "/data/input.csv"]);

    const sandbox = await c.post("/v1/sandboxes", { template: "base-ubuntu", mounts: [{ workspaceId, path: "/workspace/shared" }] });
    expect(sandbox.status, JSON.stringify(sandbox.body)).toBe(201);
    const id = sandbox.body.data.id as string;
    expect((await c.get(`/v1/sandboxes/${id}`)).body.data.status).toBe("running");
    expect(await sh(c, id, "cat shared/data/input.csv")).toBe("a,b\n1,2\n");

    const document = expectOk(await control().exportState({}, { "X-API-Key": c.apiKey }));
    const tree = document.organizations[0]?.files?.find((t) => t.owner === "workspace");
    expect(tree?.entries).toContainEqual({ path: "/data/input.csv", type: "file", mode: 420, mtime: "2024-04-04T04:04:04.004Z", content: "a,b\n1,2\n", encoding: "utf-8" });
    await sh(c, id, "rm -r shared/data");
    expectOk(await control().importState(document, "merge"));
    expect(expectOk(await control().workspaceFiles(workspaceId)).data.entries).toEqual(tree?.entries);

    expectControlBadRequest(await control().seedWorkspaceFiles(workspaceId, { entries: [{ path: "/data/input.csv/x", type: "file" }] }), "/body/entries/0");
    expectControlError(await control().seedWorkspaceFiles("00000000-0000-4000-8000-000000000000", { entries: [] }), 404, "not_found");
  });
});
