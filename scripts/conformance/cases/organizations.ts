/** Conformance cases of the `organizations` tag (spec/paths/organizations.yaml). */
import { randomUUID } from "node:crypto";
import type { CaseContext } from "../context.ts";
import { type Case, bodyLimits, expectDetail, noKey } from "./families.ts";

/** The id of the run's own organization. */
async function currentOrgId(ctx: CaseContext): Promise<string> {
  const ex = await ctx.call("getCurrentOrganization");
  ctx.require(ex, 200, "getCurrentOrganization");
  return ex.body.data.id as string;
}

export const organizationsCases: Case[] = [
  {
    name: "get-current-user",
    operationId: "getCurrentUser",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("getCurrentUser");
      ctx.check(typeof ex.body?.data?.id === "string", "data.id is the user's id");
      return ex;
    },
  },
  noKey("getCurrentUser"),

  {
    name: "get-current-organization",
    operationId: "getCurrentOrganization",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("getCurrentOrganization");
      const again = await ctx.call("getOrganization", { params: { id: ex.body?.data?.id } });
      ctx.check(again.body?.data?.id === ex.body?.data?.id, "the current organization is readable by id");
      return ex;
    },
  },
  noKey("getCurrentOrganization"),

  {
    name: "create-organization",
    operationId: "createOrganization",
    status: 201,
    run: async (ctx) => {
      const name = `Conformance ${ctx.unique("org")}`;
      const ex = await ctx.call("createOrganization", { body: { name } });
      ctx.check(ex.body?.data?.name === name, "the organization carries the name sent");
      return ex;
    },
  },
  { name: "create-organization-without-name", operationId: "createOrganization", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createOrganization", { body: {} }), "/body/name") },
  noKey("createOrganization", { body: { name: "Conformance" } }),
  ...bodyLimits("createOrganization", async () => ({ body: { name: "Conformance" } })),

  { name: "get-organization", operationId: "getOrganization", status: 200, run: async (ctx) => ctx.call("getOrganization", { params: { id: await currentOrgId(ctx) } }) },
  { name: "get-organization-not-a-uuid", operationId: "getOrganization", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getOrganization", { params: { id: "not-a-uuid" } }), "/path/id") },
  noKey("getOrganization", { params: { id: randomUUID() } }),
  { name: "get-organization-of-nobody", operationId: "getOrganization", status: 404, code: "not_found", run: (ctx) => ctx.call("getOrganization", { params: { id: randomUUID() } }) },

  {
    name: "list-organization-members",
    operationId: "listOrganizationMembers",
    status: 200,
    run: async (ctx) => {
      const me = await ctx.call("getCurrentUser");
      const ex = await ctx.call("listOrganizationMembers", { params: { id: await currentOrgId(ctx) } });
      ctx.check((ex.body?.data ?? []).some((m: { userId: string }) => m.userId === me.body?.data?.id), "the caller is a member");
      return ex;
    },
  },
  { name: "list-organization-members-not-a-uuid", operationId: "listOrganizationMembers", status: 400, code: "bad_request", run: (ctx) => ctx.call("listOrganizationMembers", { params: { id: "not-a-uuid" } }) },
  noKey("listOrganizationMembers", { params: { id: randomUUID() } }),
  { name: "list-organization-members-of-nobody", operationId: "listOrganizationMembers", status: 404, code: "not_found", run: (ctx) => ctx.call("listOrganizationMembers", { params: { id: randomUUID() } }) },
];
