/** Conformance cases of the `sandboxes` tag (spec/openapi.yaml). */
import { type Case, INVALID, missing, ANY, expectDetail, noKey, malformedKey, bodyLimits } from "./families.ts";

export const sandboxesCases: Case[] = [
  {
    name: "list-sandboxes-by-tag",
    operationId: "listSandboxes",
    status: 200,
    run: async (ctx) => {
      const tag = ctx.unique("tag");
      const sandbox = await ctx.createSandbox({ tags: [tag] });
      const ex = await ctx.call("listSandboxes", { query: { tag } });
      const ids = ((ex.body?.data ?? []) as { id: string }[]).map((s) => s.id);
      ctx.check(ids.length === 1 && ids[0] === sandbox.id, `tag=${tag} should list exactly the tagged sandbox, got ${JSON.stringify(ids)}`);
      return ex;
    },
  },
  { name: "list-sandboxes-unknown-status", operationId: "listSandboxes", status: 400, code: "bad_request", run: (ctx) => ctx.call("listSandboxes", { query: { status: "sleeping" } }) },
  { name: "list-sandboxes-unknown-cursor", operationId: "listSandboxes", status: 400, code: "bad_request", run: (ctx) => ctx.call("listSandboxes", { query: { cursor: "not-a-cursor-it-issued" } }) },
  noKey("listSandboxes"),
  malformedKey("listSandboxes", "Bearer"),

  {
    name: "create-sandbox",
    operationId: "createSandbox",
    status: 201,
    run: async (ctx) => {
      const name = ctx.unique("sbx");
      const ex = await ctx.call("createSandbox", { body: { name, template: "base-ubuntu", tags: ["ci"], resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, env: { CI: "true" } } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteSandbox", { params: { id: ex.body.data.id } }));
      ctx.check(ex.body?.data?.name === name && ex.body?.data?.status === "creating", "a new sandbox: the name given, status creating");
      return ex;
    },
  },
  {
    name: "create-sandbox-with-workspace-mount",
    operationId: "createSandbox",
    status: 201,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const ex = await ctx.call("createSandbox", { body: { name: ctx.unique("sbx"), mounts: [{ workspaceId: workspace.id, path: "/workspace/data" }] } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteSandbox", { params: { id: ex.body.data.id } }));
      ctx.check(ex.body?.data?.hasWritableWorkspaceMount === true, "a writable mount: hasWritableWorkspaceMount");
      return ex;
    },
  },
  { name: "create-sandbox-template-with-whitespace", operationId: "createSandbox", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createSandbox", { body: { template: "windows 11" } }), "/body/template") },
  { name: "create-sandbox-insufficient-credits", operationId: "createSandbox", status: 402, code: "insufficient_credits", run: (ctx) => ctx.call("createSandbox", { body: {}, headers: { Prefer: "code=402" } }) },
  {
    name: "create-sandbox-mount-personal-workspace",
    operationId: "createSandbox",
    status: 400,
    code: "bad_request",
    run: async (ctx) => {
      const personal = await ctx.personalWorkspace();
      return expectDetail(ctx, await ctx.call("createSandbox", { body: { name: ctx.unique("sbx"), mounts: [{ workspaceId: personal.id, path: "/workspace/me" }] } }), "/body/mounts/0/workspaceId");
    },
  },
  noKey("createSandbox", { body: {} }),
  {
    name: "create-sandbox-mount-unknown-workspace",
    operationId: "createSandbox",
    status: 404,
    code: "not_found",
    run: (ctx) => ctx.call("createSandbox", { body: { name: ctx.unique("sbx"), mounts: [{ workspaceId: missing.workspaceId(), path: "/workspace/data" }] } }),
  },
  {
    name: "create-sandbox-duplicate-name",
    operationId: "createSandbox",
    status: 409,
    code: "conflict",
    run: async (ctx) => ctx.call("createSandbox", { body: { name: (await ctx.createSandbox()).name } }),
  },
  ...bodyLimits("createSandbox", async (ctx) => ({ body: { name: ctx.unique("sbx") } })),
  {
    name: "create-sandbox-without-body",
    operationId: "createSandbox",
    status: 201,
    run: async (ctx) => {
      const ex = await ctx.call("createSandbox");
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteSandbox", { params: { id: ex.body.data.id } }));
      ctx.check(ex.body?.data?.name === ex.body?.data?.id && ex.body?.data?.template === "base-ubuntu", "no body: the name defaults to the id, the template to base-ubuntu");
      return ex;
    },
  },

  {
    name: "get-sandbox-by-name",
    operationId: "getSandbox",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      const ex = await ctx.call("getSandbox", { params: { id: sandbox.name } });
      ctx.check(ex.body?.data?.id === sandbox.id, "the sandbox named");
      return ex;
    },
  },
  { name: "get-sandbox-ref-too-long", operationId: "getSandbox", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getSandbox", { params: { id: INVALID.sandboxRef } }), "/path/id") },
  noKey("getSandbox", { params: ANY.sandbox }),
  { name: "get-sandbox-unknown", operationId: "getSandbox", status: 404, code: "not_found", run: (ctx) => ctx.call("getSandbox", { params: { id: missing.sandbox(ctx) } }) },

  {
    name: "delete-sandbox",
    operationId: "deleteSandbox",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      const ex = await ctx.call("deleteSandbox", { params: { id: sandbox.id } });
      ctx.check(ex.body?.data?.id === sandbox.id && ex.body?.data?.deleted === true, "deleted: true, with the id");
      const after = await ctx.call("getSandbox", { params: { id: sandbox.id } });
      ctx.check(after.body?.data?.status === "destroyed", `a destroyed sandbox stays readable by id with status destroyed, got ${after.status} ${JSON.stringify(after.body?.data?.status)}`);
      return ex;
    },
  },
  { name: "delete-sandbox-ref-too-long", operationId: "deleteSandbox", status: 400, code: "bad_request", run: (ctx) => ctx.call("deleteSandbox", { params: { id: INVALID.sandboxRef } }) },
  noKey("deleteSandbox", { params: ANY.sandbox }),
  {
    name: "delete-sandbox-already-destroyed",
    operationId: "deleteSandbox",
    status: 404,
    code: "not_found",
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      ctx.require(await ctx.call("deleteSandbox", { params: { id: sandbox.id } }), 200, "deleteSandbox");
      return ctx.call("deleteSandbox", { params: { id: sandbox.id } });
    },
  },

  {
    name: "pause-running-sandbox",
    operationId: "pauseSandbox",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const ex = await ctx.call("pauseSandbox", { params: { id: sandbox.id } });
      ctx.check(["pausing", "paused"].includes(ex.body?.data?.status), `pausing a running sandbox answers pausing (or paused), got ${JSON.stringify(ex.body?.data?.status)}`);
      return ex;
    },
  },
  { name: "pause-sandbox-ref-too-long", operationId: "pauseSandbox", status: 400, code: "bad_request", run: (ctx) => ctx.call("pauseSandbox", { params: { id: INVALID.sandboxRef } }) },
  noKey("pauseSandbox", { params: ANY.sandbox }),
  { name: "pause-unknown-sandbox", operationId: "pauseSandbox", status: 404, code: "not_found", run: (ctx) => ctx.call("pauseSandbox", { params: { id: missing.sandbox(ctx) } }) },
  {
    name: "pause-destroyed-sandbox",
    operationId: "pauseSandbox",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      ctx.require(await ctx.call("deleteSandbox", { params: { id: sandbox.id } }), 200, "deleteSandbox");
      return ctx.call("pauseSandbox", { params: { id: sandbox.id } });
    },
  },

  {
    name: "resume-paused-sandbox",
    operationId: "resumeSandbox",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.pausedSandbox();
      const ex = await ctx.call("resumeSandbox", { params: { id: sandbox.id } });
      ctx.check(ex.body?.data?.status === "resuming", `resuming a paused sandbox answers resuming, got ${JSON.stringify(ex.body?.data?.status)}`);
      return ex;
    },
  },
  { name: "resume-sandbox-ref-too-long", operationId: "resumeSandbox", status: 400, code: "bad_request", run: (ctx) => ctx.call("resumeSandbox", { params: { id: INVALID.sandboxRef } }) },
  noKey("resumeSandbox", { params: ANY.sandbox }),
  { name: "resume-unknown-sandbox", operationId: "resumeSandbox", status: 404, code: "not_found", run: (ctx) => ctx.call("resumeSandbox", { params: { id: missing.sandbox(ctx) } }) },
  { name: "resume-running-sandbox", operationId: "resumeSandbox", status: 409, code: "conflict", run: async (ctx) => ctx.call("resumeSandbox", { params: { id: (await ctx.runningSandbox()).id } }) },

  {
    name: "exec-echo",
    operationId: "execSandboxCommand",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const ex = await ctx.call("execSandboxCommand", { params: { id: sandbox.id }, body: { command: "echo hello" } });
      ctx.check(ex.body?.data?.stdout === "hello\n" && ex.body?.data?.exitCode === 0, `echo hello: stdout "hello\\n", exit code 0; got ${JSON.stringify(ex.body?.data)}`);
      return ex;
    },
  },
  { name: "exec-without-command", operationId: "execSandboxCommand", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("execSandboxCommand", { params: { id: (await ctx.runningSandbox()).id }, body: { cwd: "/workspace" } }), "/body/command") },
  noKey("execSandboxCommand", { params: ANY.sandbox, body: { command: "echo hi" } }),
  { name: "exec-unknown-sandbox", operationId: "execSandboxCommand", status: 404, code: "not_found", run: (ctx) => ctx.call("execSandboxCommand", { params: { id: missing.sandbox(ctx) }, body: { command: "echo hi" } }) },
  { name: "exec-paused-sandbox", operationId: "execSandboxCommand", status: 409, code: "conflict", run: async (ctx) => ctx.call("execSandboxCommand", { params: { id: (await ctx.pausedSandbox()).id }, body: { command: "echo hi" } }) },
  ...bodyLimits("execSandboxCommand", async (ctx) => ({ params: { id: (await ctx.runningSandbox()).id }, body: { command: "echo hi" } })),
  {
    name: "exec-writes-then-reads-a-file",
    operationId: "execSandboxCommand",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      await ctx.call("execSandboxCommand", { params: { id: sandbox.id }, body: { command: "printf %s 'aGk=' | base64 --decode > /workspace/f" } });
      const ex = await ctx.call("execSandboxCommand", { params: { id: sandbox.id }, body: { command: "cat -- /workspace/f; nonexistent-command-12345" } });
      ctx.check(ex.body?.data?.stdout === "hi" && ex.body?.data?.exitCode === 127, `the file written by one exec is read by the next, then exit 127; got ${JSON.stringify(ex.body?.data)}`);
      return ex;
    },
  },

  {
    name: "get-sandbox-url",
    operationId: "getSandboxUrl",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const ex = await ctx.call("getSandboxUrl", { params: { id: sandbox.id }, query: { port: 3000 } });
      ctx.check(ex.body?.data?.url === `https://3000-${sandbox.id}.sandboxes.runtools.ai`, `the deterministic preview URL; got ${JSON.stringify(ex.body?.data)}`);
      return ex;
    },
  },
  { name: "get-sandbox-url-without-port", operationId: "getSandboxUrl", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getSandboxUrl", { params: { id: (await ctx.runningSandbox()).id } }), "/query/port") },
  noKey("getSandboxUrl", { params: ANY.sandbox, query: { port: 3000 } }),
  { name: "get-sandbox-url-unknown-sandbox", operationId: "getSandboxUrl", status: 404, code: "not_found", run: (ctx) => ctx.call("getSandboxUrl", { params: { id: missing.sandbox(ctx) }, query: { port: 3000 } }) },
  {
    name: "get-sandbox-url-destroyed",
    operationId: "getSandboxUrl",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      await ctx.call("deleteSandbox", { params: { id: sandbox.id } });
      return ctx.call("getSandboxUrl", { params: { id: sandbox.id }, query: { port: 3000 } });
    },
  },
];
