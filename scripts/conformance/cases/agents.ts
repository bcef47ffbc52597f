/** Conformance cases of the `agents` tag (spec/openapi.yaml). */
import { type Case, INVALID, missing, ANY, expectDetail, noKey, malformedKey, bodyLimits } from "./families.ts";

export const agentsCases: Case[] = [
  {
    name: "list-agents-two-pages",
    operationId: "listAgents",
    status: 200,
    run: async (ctx) => {
      await ctx.upsertAgent();
      await ctx.upsertAgent();
      const first = await ctx.call("listAgents", { query: { limit: 1 } });
      ctx.check(first.body?.data?.length === 1, "limit=1 should answer one agent");
      ctx.check(first.body?.hasMore === true && typeof first.body?.nextCursor === "string", "two agents and limit=1: hasMore and a nextCursor");
      if (typeof first.body?.nextCursor !== "string") return first;
      const second = await ctx.call("listAgents", { query: { limit: 1, cursor: first.body.nextCursor } });
      ctx.check(second.body?.data?.[0]?.id !== first.body.data[0]?.id, "the second page should hold another agent");
      return second;
    },
  },
  { name: "list-agents-limit-zero", operationId: "listAgents", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listAgents", { query: { limit: 0 } }), "/query/limit") },
  { name: "list-agents-unknown-cursor", operationId: "listAgents", status: 400, code: "bad_request", run: (ctx) => ctx.call("listAgents", { query: { cursor: "not-a-cursor-it-issued" } }) },
  noKey("listAgents"),
  {
    name: "list-agents-bearer-key",
    operationId: "listAgents",
    status: 200,
    run: (ctx) => ctx.call("listAgents", { key: null, headers: { Authorization: `Bearer ${ctx.settings.apiKey}` } }),
  },

  {
    name: "upsert-agent-new-slug",
    operationId: "upsertAgent",
    status: 201,
    run: async (ctx) => {
      const slug = ctx.unique("agent");
      const ex = await ctx.call("upsertAgent", { body: { slug, executionMode: "managed", model: "gpt-5", temperature: 0.3 } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteAgent", { params: { slug } }));
      ctx.check(ex.body?.data?.action === "created" && ex.body?.data?.version === 1, "a new slug: action created, version 1");
      ctx.check(ex.body?.data?.slug === slug, "the answer names the slug");
      return ex;
    },
  },
  {
    name: "upsert-agent-in-sandbox-by-sandbox-name",
    operationId: "upsertAgent",
    status: 201,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const slug = ctx.unique("agent");
      const ex = await ctx.call("upsertAgent", { body: { slug, executionMode: "in_sandbox", sandbox: sandbox.name, tools: ["exec_command"], maxIterations: 25 } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteAgent", { params: { slug } }));
      ctx.check(ex.body?.data?.sandboxId === sandbox.id, "sandboxId should be the named sandbox's id");
      return ex;
    },
  },
  {
    name: "upsert-agent-existing-slug",
    operationId: "upsertAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const ex = await ctx.call("upsertAgent", { body: { slug: agent.slug, executionMode: "managed", description: "second" } });
      ctx.check(ex.body?.data?.action === "updated" && ex.body?.data?.version === 2, "a second upsert: action updated, version 2");
      ctx.check(ex.body?.data?.id === agent.id, "a second upsert keeps the id");
      return ex;
    },
  },
  { name: "upsert-agent-bad-slug", operationId: "upsertAgent", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("upsertAgent", { body: { slug: "Not A Slug", executionMode: "managed" } }), "/body/slug") },
  {
    name: "upsert-agent-in-sandbox-without-sandbox",
    operationId: "upsertAgent",
    status: 400,
    code: "bad_request",
    run: async (ctx) => expectDetail(ctx, await ctx.call("upsertAgent", { body: { slug: ctx.unique("agent"), executionMode: "in_sandbox" } }), "/body/sandbox"),
  },
  noKey("upsertAgent", { body: { slug: "conformance-agent", executionMode: "managed" } }),
  {
    name: "upsert-agent-unknown-sandbox",
    operationId: "upsertAgent",
    status: 404,
    code: "not_found",
    run: (ctx) => ctx.call("upsertAgent", { body: { slug: ctx.unique("agent"), executionMode: "in_sandbox", sandbox: missing.sandbox(ctx) } }),
  },
  {
    name: "upsert-agent-unknown-workspace-resource",
    operationId: "upsertAgent",
    status: 404,
    code: "not_found",
    run: (ctx) => ctx.call("upsertAgent", { body: { slug: ctx.unique("agent"), executionMode: "managed", resources: [{ type: "workspace", resourceId: missing.workspaceId() }] } }),
  },
  ...bodyLimits("upsertAgent", async (ctx) => ({ body: { slug: ctx.unique("agent"), executionMode: "managed" } })),
  {
    name: "upsert-agent-json-with-charset",
    operationId: "upsertAgent",
    status: 201,
    run: async (ctx) => {
      const slug = ctx.unique("agent");
      const ex = await ctx.call("upsertAgent", { raw: JSON.stringify({ slug, executionMode: "managed" }), headers: { "Content-Type": "application/json; charset=utf-8" } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteAgent", { params: { slug } }));
      return ex;
    },
  },
  {
    // Resources are accepted in every mode, a workspace by its slug (docs /sdk/agents), stored by its id.
    name: "upsert-agent-in-sandbox-with-workspace-by-slug",
    operationId: "upsertAgent",
    status: 201,
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      const workspace = await ctx.createWorkspace();
      const slug = ctx.unique("agent");
      const body = { slug, executionMode: "in_sandbox", sandbox: sandbox.id, resources: [{ type: "workspace", resourceId: workspace.slug }] };
      const ex = await ctx.call("upsertAgent", { body });
      if (ex.status === 201) {
        ctx.defer(() => ctx.call("deleteAgent", { params: { slug } }));
        const agent = await ctx.call("getAgent", { params: { slug } });
        ctx.check(agent.body?.data?.attachedResources?.[0]?.resourceId === workspace.id, "the workspace attached by its id");
      }
      return ex;
    },
  },

  {
    name: "get-agent",
    operationId: "getAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent({ description: "read me" });
      const ex = await ctx.call("getAgent", { params: { slug: agent.slug } });
      ctx.check(ex.body?.data?.id === agent.id && ex.body?.data?.description === "read me", "the agent as upserted");
      return ex;
    },
  },
  { name: "get-agent-invalid-slug", operationId: "getAgent", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getAgent", { params: { slug: INVALID.slug } }), "/path/slug") },
  noKey("getAgent", { params: ANY.slug }),
  malformedKey("getAgent", "X-API-Key", { params: ANY.slug }),
  { name: "get-agent-unknown-slug", operationId: "getAgent", status: 404, code: "not_found", run: (ctx) => ctx.call("getAgent", { params: { slug: missing.slug(ctx) } }) },

  {
    name: "delete-agent",
    operationId: "deleteAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const ex = await ctx.call("deleteAgent", { params: { slug: agent.slug } });
      ctx.check(ex.body?.data?.deleted === true, "deleted: true");
      const after = await ctx.call("getAgent", { params: { slug: agent.slug } });
      ctx.check(after.status === 404, `a deleted agent should answer 404, got ${after.status}`);
      return ex;
    },
  },
  { name: "delete-agent-invalid-slug", operationId: "deleteAgent", status: 400, code: "bad_request", run: (ctx) => ctx.call("deleteAgent", { params: { slug: INVALID.slug } }) },
  noKey("deleteAgent", { params: ANY.slug }),
  { name: "delete-agent-unknown-slug", operationId: "deleteAgent", status: 404, code: "not_found", run: (ctx) => ctx.call("deleteAgent", { params: { slug: missing.slug(ctx) } }) },

  {
    name: "update-agent-tune",
    operationId: "updateAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent({ maxIterations: 25 });
      const ex = await ctx.call("updateAgent", { params: { slug: agent.slug }, body: { maxIterations: 40, temperature: 0.2 } });
      ctx.check(ex.body?.data?.version === 2, "a PATCH adds 1 to version");
      ctx.check(ex.body?.data?.configJson?.maxIterations === 40, "configJson.maxIterations should be 40");
      return ex;
    },
  },
  {
    name: "update-agent-empty-body",
    operationId: "updateAgent",
    status: 400,
    code: "bad_request",
    run: async (ctx) => ctx.call("updateAgent", { params: { slug: (await ctx.upsertAgent()).slug }, body: {} }),
  },
  {
    name: "update-agent-slug-mismatch",
    operationId: "updateAgent",
    status: 400,
    code: "bad_request",
    run: async (ctx) => ctx.call("updateAgent", { params: { slug: (await ctx.upsertAgent()).slug }, body: { slug: ctx.unique("other") } }),
  },
  noKey("updateAgent", { params: ANY.slug, body: { description: "x" } }),
  {
    name: "update-agent-make-managed",
    operationId: "updateAgent",
    status: 200,
    run: async (ctx) => {
      const { agent } = await ctx.sandboxAgent();
      const ex = await ctx.call("updateAgent", { params: { slug: agent.slug }, body: { executionMode: "managed", sandbox: null } });
      ctx.check(ex.body?.data?.executionMode === "managed" && ex.body?.data?.sandboxId === null, "sandbox: null unlinks the sandbox");
      return ex;
    },
  },
  { name: "update-agent-unknown-slug", operationId: "updateAgent", status: 404, code: "not_found", run: (ctx) => ctx.call("updateAgent", { params: { slug: missing.slug(ctx) }, body: { description: "x" } }) },
  {
    name: "update-agent-unknown-sandbox",
    operationId: "updateAgent",
    status: 404,
    code: "not_found",
    run: async (ctx) => ctx.call("updateAgent", { params: { slug: (await ctx.upsertAgent()).slug }, body: { executionMode: "in_sandbox", sandbox: missing.sandbox(ctx) } }),
  },
  ...bodyLimits("updateAgent", async (ctx) => ({ params: { slug: (await ctx.upsertAgent()).slug }, body: { description: "x" } })),
];
