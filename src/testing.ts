/**
 * The in-process API for test runners (issue 5): a mock on a free port and the control plane as
 * methods, so a test suite needs no separate process.
 *
 *   const mock = await startMockServer();
 *   process.env.RUNTOOLS_API_URL = mock.url;
 *   afterEach(() => mock.reset());
 *   afterAll(() => mock.close());
 */
import type { MockOptions } from "./config.ts";
import type { JournalEntry, RequestQuery, StateDocument } from "./control/control-types.ts";
import { listen, type RunningServer } from "./server.ts";

/** Filters of the request journal, exactly as `GET /__mock/requests` takes them. */
export type RequestFilter = RequestQuery;

/** A mock serving on a free loopback port. */
export interface MockServer {
  /** Base URL of the public API (and of `/__mock/`). */
  url: string;
  /**
   * Starts over between tests: forgets all state and the request journal (or, given an
   * organization, only that organization's state).
   */
  reset(org?: string): Promise<void>;
  /** Empties the request journal. */
  clearRequests(): Promise<void>;
  /** The state as a state document (all organizations, or one). */
  state(org?: string): Promise<StateDocument>;
  /** Replaces (or merges into) the state. */
  load(document: StateDocument, mode?: "replace" | "merge"): Promise<void>;
  /** Journaled requests, newest first. */
  requests(filter?: RequestFilter): Promise<JournalEntry[]>;
  /** Stops the server. */
  close(): Promise<void>;
  /** The server itself, for what the methods above do not cover. */
  server: RunningServer;
}

/** Starts a mock on 127.0.0.1 and a free port. */
export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const server = await listen({ host: "127.0.0.1", port: 0, ...options });
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${server.url}/__mock/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
    });
    const parsed: unknown = await response.json();
    if (!response.ok) throw new Error(`runtools-mock control plane: ${method} ${path} → ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
    const text = search.toString();
    return text === "" ? "" : `?${text}`;
  };
  return {
    url: server.url,
    server,
    reset: async (org) => {
      await control("POST", `reset${query({ org })}`);
      if (org === undefined) await control("DELETE", "requests");
    },
    clearRequests: async () => void (await control("DELETE", "requests")),
    state: async (org) => (await control("GET", `state${query({ org })}`)) as StateDocument,
    load: async (document, mode = "replace") => void (await control("PUT", `state${query({ mode })}`, document)),
    requests: async (filter = {}) => ((await control("GET", `requests${query({ ...filter })}`)) as { data: JournalEntry[] }).data,
    close: () => server.close(),
  };
}
