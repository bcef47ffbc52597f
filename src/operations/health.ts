/** `GET /health`: the orchestrator's health check (Part B §2.1), answered without a key. */
import type { Handler } from "./types.ts";
import { MOCK_VERSION } from "../version.ts";

export const getHealth: Handler<"getHealth"> = () => ({
  status: 200,
  body: { status: "ok", service: "runtools-mock", version: MOCK_VERSION },
});
