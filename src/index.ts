/**
 * The package's public API: mount the mock in an Express app, run it in-process, or listen.
 *
 *   import { runtoolsMock } from "runtools-mock";
 *   app.use("/runtools", runtoolsMock());
 */
export { runtoolsMock, type RunToolsMiddleware } from "./adapters/express.ts";
export { createFetchHandler, type FetchHandler, type FetchHandlerOptions } from "./adapters/fetch.ts";
export { createMock, type Mock } from "./mock.ts";
export { listen, type RunningServer } from "./server.ts";
export { startMockServer, type MockServer, type RequestFilter } from "./testing.ts";
export type { JournalEntry, StateDocument } from "./control/control-types.ts";
export type { MockOptions } from "./config.ts";
export type * from "./types.ts";
