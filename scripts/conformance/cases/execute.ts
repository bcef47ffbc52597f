/** Conformance cases of the `execute` tag (spec/openapi.yaml). */
import { type Case, expectDetail, noKey, bodyLimits } from "./families.ts";

export const executeCases: Case[] = [
  {
    name: "execute-bash",
    operationId: "executeCode",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("executeCode", { body: { language: "bash", code: "echo $((6 * 7))" } });
      ctx.check(ex.body?.run?.stdout === "42\n" && ex.body?.run?.code === 0 && ex.body?.data === undefined, `raw payload with run.stdout "42\\n"; got ${JSON.stringify(ex.body)}`);
      return ex;
    },
  },
  { name: "execute-python-not-in-the-mock", operationId: "executeCode", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("executeCode", { body: { language: "python", code: "print(1)" } }), "/body/language") },
  noKey("executeCode", { body: { language: "bash", code: "true" } }),
  ...bodyLimits("executeCode", async () => ({ body: { language: "bash", code: "true" } })),
];
