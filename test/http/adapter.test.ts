/**
 * The black-box suite runs once per adapter (vitest.config.ts projects); this proves the
 * project's MOCK_ADAPTER really decides which adapter answers, so a green `express` run is a
 * run through Express and not a second run of the node:http listener.
 */
import { expect, it } from "vitest";
import { useServer } from "../support/server.ts";

const { server } = useServer();

it("is served by the adapter that MOCK_ADAPTER names", () => {
  const { listener } = server();
  // An Express app is a function with a router behind it (`app.router`); the lean listener is not.
  const isExpressApp = typeof listener === "function" && "router" in listener;
  expect(isExpressApp).toBe((process.env.MOCK_ADAPTER ?? "node") === "express");
});
