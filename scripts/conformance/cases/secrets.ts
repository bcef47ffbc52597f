/** Conformance cases of the `secrets` tag (spec/paths/secrets.yaml). */
import type { CaseContext } from "../context.ts";
import { type Case, bodyLimits, expectDetail, noKey } from "./families.ts";

/** Creates a secret of a unique name (deleted afterwards); answers its stored name. */
async function createSecret(ctx: CaseContext): Promise<string> {
  const ex = await ctx.call("upsertSecret", { body: { name: ctx.unique("secret"), value: "conformance-value" } });
  ctx.require(ex, 201, "upsertSecret");
  const name = ex.body.data.name as string;
  ctx.defer(() => ctx.call("deleteSecret", { params: { name } }));
  return name;
}

const missingName = (ctx: CaseContext) => ctx.unique("missing").toUpperCase().replace(/[^A-Z0-9_]+/g, "_");

export const secretsCases: Case[] = [
  {
    name: "list-secrets-without-values",
    operationId: "listSecrets",
    status: 200,
    run: async (ctx) => {
      const name = await createSecret(ctx);
      const ex = await ctx.call("listSecrets");
      ctx.check((ex.body?.data ?? []).some((s: { name: string }) => s.name === name), "the secret is listed");
      ctx.check(!JSON.stringify(ex.body).includes("conformance-value"), "no value in the list");
      return ex;
    },
  },
  noKey("listSecrets"),

  {
    name: "create-secret-upper-cased",
    operationId: "upsertSecret",
    status: 201,
    run: async (ctx) => {
      const raw = `${ctx.unique("secret")}-key`;
      const ex = await ctx.call("upsertSecret", { body: { name: raw, value: "v" } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteSecret", { params: { name: ex.body.data.name } }));
      ctx.check(ex.body?.data?.name === raw.toUpperCase().replace(/[^A-Z0-9_]+/g, "_"), "the name is upper-cased to [A-Z0-9_]+");
      return ex;
    },
  },
  { name: "rotate-secret", operationId: "upsertSecret", status: 200, run: async (ctx) => ctx.call("upsertSecret", { body: { name: await createSecret(ctx), value: "rotated" } }) },
  { name: "create-secret-without-value", operationId: "upsertSecret", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("upsertSecret", { body: { name: "X" } }), "/body/value") },
  noKey("upsertSecret", { body: { name: "X", value: "v" } }),
  ...bodyLimits("upsertSecret", async (ctx) => ({ body: { name: ctx.unique("secret"), value: "v" } })),

  {
    name: "reveal-secret",
    operationId: "revealSecret",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("revealSecret", { params: { name: await createSecret(ctx) } });
      ctx.check(ex.body?.data?.value === "conformance-value", "the value set");
      return ex;
    },
  },
  { name: "reveal-secret-name-too-long", operationId: "revealSecret", status: 400, code: "bad_request", run: (ctx) => ctx.call("revealSecret", { params: { name: "X".repeat(129) } }) },
  noKey("revealSecret", { params: { name: "X" } }),
  { name: "reveal-secret-unknown", operationId: "revealSecret", status: 404, code: "not_found", run: (ctx) => ctx.call("revealSecret", { params: { name: missingName(ctx) } }) },

  { name: "delete-secret", operationId: "deleteSecret", status: 200, run: async (ctx) => ctx.call("deleteSecret", { params: { name: await createSecret(ctx) } }) },
  { name: "delete-secret-name-too-long", operationId: "deleteSecret", status: 400, code: "bad_request", run: (ctx) => ctx.call("deleteSecret", { params: { name: "X".repeat(129) } }) },
  noKey("deleteSecret", { params: { name: "X" } }),
  { name: "delete-secret-unknown", operationId: "deleteSecret", status: 404, code: "not_found", run: (ctx) => ctx.call("deleteSecret", { params: { name: missingName(ctx) } }) },
];
