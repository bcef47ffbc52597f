/** Conformance cases of the `health` tag (spec/openapi.yaml). */
import { type Case } from "./families.ts";

export const healthCases: Case[] = [
  {
    name: "health-without-key",
    operationId: "getHealth",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("getHealth", { key: null });
      ctx.check(ex.body?.status === "ok", `status should be ok, got ${JSON.stringify(ex.body?.status)}`);
      return ex;
    },
  },
];
