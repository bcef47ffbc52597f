/**
 * Installable agents (tag `installable-agents`): thin handlers over InstallStore. Statuses and
 * shapes: spec/paths/installable-agents.yaml. A chat answers JSON for `stream: false` and
 * server-sent events otherwise, each frame validated against `InstallChatStreamEvent`.
 */
import type { Handler } from "./types.ts";

export const installInstallableAgent: Handler<"installInstallableAgent"> = ({ path, body }, ctx) => ({
  status: 201,
  body: { data: ctx.org().installs.install(path.slug, body, ctx.caller()), meta: ctx.meta },
});

export const chatWithInstall: Handler<"chatWithInstall"> = ({ path, body }, ctx) => {
  const turn = ctx.org().installs.chat(path.installId, body, ctx.caller());
  if (body.stream === false) {
    return { status: 200, body: { data: { installId: turn.installId, threadId: turn.threadId, message: { role: "assistant" as const, content: turn.content } }, meta: ctx.meta } };
  }
  return {
    status: 200,
    stream: async (send) => {
      for (const [index, frame] of turn.frames.entries()) await send({ id: String(index + 1), event: frame.type, data: frame });
    },
  };
};
