/** Conformance cases of the `api-keys` tag (spec/paths/api-keys.yaml). */
import { randomUUID } from "node:crypto";
import type { CaseContext } from "../context.ts";
import { type Case, bodyLimits, expectDetail, noKey } from "./families.ts";

/** Creates a test key (revoked afterwards); answers its id and secret. */
async function createKey(ctx: CaseContext): Promise<{ id: string; key: string }> {
  const ex = await ctx.call("createApiKey", { body: { name: ctx.unique("key"), isTest: true } });
  ctx.require(ex, 201, "createApiKey");
  const { id, key } = ex.body.data as { id: string; key: string };
  ctx.defer(() => ctx.call("revokeApiKey", { params: { id } }));
  return { id, key };
}

/** A key that is already revoked. */
async function revokedKey(ctx: CaseContext): Promise<string> {
  const ex = await ctx.call("createApiKey", { body: { name: ctx.unique("key"), isTest: true } });
  ctx.require(ex, 201, "createApiKey");
  ctx.require(await ctx.call("revokeApiKey", { params: { id: ex.body.data.id } }), 200, "revokeApiKey");
  return ex.body.data.id as string;
}

const ANY_KEY = { id: "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e" };

export const apiKeysCases: Case[] = [
  {
    name: "create-api-key-authenticates",
    operationId: "createApiKey",
    status: 201,
    run: async (ctx) => {
      const ex = await ctx.call("createApiKey", { body: { name: ctx.unique("key"), isTest: true, expiresIn: "30d" } });
      if (ex.status === 201) {
        ctx.defer(() => ctx.call("revokeApiKey", { params: { id: ex.body.data.id } }));
        const me = await ctx.call("getCurrentUser", { key: ex.body.data.key });
        ctx.check(me.status === 200, `the new key authenticates (got ${me.status})`);
        ctx.check(String(ex.body.data.key).startsWith("rt_test_"), "isTest gives an rt_test_ key");
      }
      return ex;
    },
  },
  { name: "create-api-key-unknown-scope", operationId: "createApiKey", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createApiKey", { body: { name: "x", scopes: ["everything"] } }), "/body/scopes/0") },
  noKey("createApiKey", { body: { name: "Conformance" } }),
  ...bodyLimits("createApiKey", async () => ({ body: { name: "Conformance" } })),

  {
    name: "list-api-keys-without-secrets",
    operationId: "listApiKeys",
    status: 200,
    run: async (ctx) => {
      const { id, key } = await createKey(ctx);
      const ex = await ctx.call("listApiKeys");
      ctx.check((ex.body?.data ?? []).some((k: { id: string }) => k.id === id), "the new key is listed");
      ctx.check(!JSON.stringify(ex.body).includes(key), "the list never shows a secret");
      return ex;
    },
  },
  { name: "list-api-keys-limit-zero", operationId: "listApiKeys", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listApiKeys", { query: { limit: 0 } }), "/query/limit") },
  noKey("listApiKeys"),

  { name: "get-api-key", operationId: "getApiKey", status: 200, run: async (ctx) => ctx.call("getApiKey", { params: { id: (await createKey(ctx)).id } }) },
  { name: "get-api-key-not-a-uuid", operationId: "getApiKey", status: 400, code: "bad_request", run: (ctx) => ctx.call("getApiKey", { params: { id: "not-a-uuid" } }) },
  noKey("getApiKey", { params: ANY_KEY }),
  { name: "get-api-key-unknown", operationId: "getApiKey", status: 404, code: "not_found", run: (ctx) => ctx.call("getApiKey", { params: { id: randomUUID() } }) },

  {
    name: "update-api-key",
    operationId: "updateApiKey",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("updateApiKey", { params: { id: (await createKey(ctx)).id }, body: { name: "renamed", scopes: ["sandbox:read"] } });
      ctx.check(ex.body?.data?.name === "renamed", "the new name");
      return ex;
    },
  },
  { name: "update-api-key-empty-name", operationId: "updateApiKey", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("updateApiKey", { params: { id: (await createKey(ctx)).id }, body: { name: "" } }), "/body/name") },
  noKey("updateApiKey", { params: ANY_KEY, body: { name: "x" } }),
  { name: "update-api-key-unknown", operationId: "updateApiKey", status: 404, code: "not_found", run: (ctx) => ctx.call("updateApiKey", { params: { id: randomUUID() }, body: { name: "x" } }) },
  { name: "update-revoked-api-key", operationId: "updateApiKey", status: 409, code: "conflict", run: async (ctx) => ctx.call("updateApiKey", { params: { id: await revokedKey(ctx) }, body: { name: "x" } }) },
  ...bodyLimits("updateApiKey", async (ctx) => ({ params: { id: (await createKey(ctx)).id }, body: { name: "x" } })),

  {
    name: "revoke-api-key",
    operationId: "revokeApiKey",
    status: 200,
    run: async (ctx) => {
      const created = await ctx.call("createApiKey", { body: { name: ctx.unique("key"), isTest: true } });
      ctx.require(created, 201, "createApiKey");
      const ex = await ctx.call("revokeApiKey", { params: { id: created.body.data.id } });
      const after = await ctx.call("getCurrentUser", { key: created.body.data.key });
      ctx.check(after.status === 401, `a revoked key answers 401 (got ${after.status})`);
      return ex;
    },
  },
  { name: "revoke-api-key-not-a-uuid", operationId: "revokeApiKey", status: 400, code: "bad_request", run: (ctx) => ctx.call("revokeApiKey", { params: { id: "not-a-uuid" } }) },
  noKey("revokeApiKey", { params: ANY_KEY }),
  { name: "revoke-api-key-twice", operationId: "revokeApiKey", status: 404, code: "not_found", run: async (ctx) => ctx.call("revokeApiKey", { params: { id: await revokedKey(ctx) } }) },

  {
    name: "rotate-api-key",
    operationId: "rotateApiKey",
    status: 201,
    run: async (ctx) => {
      const old = await createKey(ctx);
      const ex = await ctx.call("rotateApiKey", { params: { id: old.id }, body: {} });
      if (ex.status === 201) {
        ctx.defer(() => ctx.call("revokeApiKey", { params: { id: ex.body.data.id } }));
        const before = await ctx.call("getCurrentUser", { key: old.key });
        ctx.check(before.status === 401, `the rotated-away key answers 401 (got ${before.status})`);
      }
      return ex;
    },
  },
  { name: "rotate-api-key-empty-name", operationId: "rotateApiKey", status: 400, code: "bad_request", run: async (ctx) => ctx.call("rotateApiKey", { params: { id: (await createKey(ctx)).id }, body: { name: "" } }) },
  noKey("rotateApiKey", { params: ANY_KEY, body: {} }),
  { name: "rotate-api-key-unknown", operationId: "rotateApiKey", status: 404, code: "not_found", run: (ctx) => ctx.call("rotateApiKey", { params: { id: randomUUID() }, body: {} }) },
  { name: "rotate-revoked-api-key", operationId: "rotateApiKey", status: 409, code: "conflict", run: async (ctx) => ctx.call("rotateApiKey", { params: { id: await revokedKey(ctx) }, body: {} }) },
  ...bodyLimits("rotateApiKey", async (ctx) => ({ params: { id: (await createKey(ctx)).id }, body: { name: "x" } })),
];
