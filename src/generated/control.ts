/**
 * GENERATED FILE: do not edit.
 * Source: spec/control.yaml. Regenerate with `npm run gen`; `npm run gen:check` fails in CI when stale.
 * Import these types through src/control/control-types.ts, never directly.
 */

export interface paths {
    "/__mock/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the state (everything, or one organization)
         * @description Removes resources: agents, sandboxes, workspaces, threads and runs. With `org`, only that
         *     organization's; without `org`, the organization of the key in `X-API-Key`; with neither, every
         *     organization's. A reset organization starts again as if it had never made a request (its personal
         *     workspace reappears on its next request). Resetting an organization that has no state succeeds and
         *     changes nothing.
         *
         *     Scripts, fault rules and the journal are not touched: `DELETE /__mock/scripts`,
         *     `DELETE /__mock/faults` and `DELETE /__mock/requests` clear them. Under `--persist`, the reset is on
         *     disk before the answer is sent (507 when it cannot be: nothing is reset). No request body.
         */
        post: operations["resetState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the mock's clock forward
         * @description Moves the mock's clock forward by `ms` milliseconds, for every organization: the virtual clock under
         *     `--seed`, otherwise an offset added to the system clock from now on. Whatever waits on time becomes
         *     due: workflow cron triggers fire on the next request that reads or changes the organization's
         *     workflows (spec/openapi.yaml `listWorkflowRuns`), link codes and API keys expire, sandboxes finish
         *     booting. The clock never moves back. Not persisted: a restart starts from the clock's own time.
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/oauth/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a device-code OAuth flow
         * @description Stands in for the user who enters a device code at the provider: the pending attempt of
         *     `attemptToken` (from spec/openapi.yaml `startOAuthDeviceFlow`) becomes an active connection of the
         *     user who started it, listed from then on by `GET /v1/oauth/connections`. No provider is contacted.
         *     An unknown, expired or already completed attempt answers 404.
         */
        post: operations["completeOAuthFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the state as a state document
         * @description Answers the state as a versioned state document (`StateDocument`): every organization, or one
         *     (`org`, or the organization of the key in `X-API-Key`, as for `POST /__mock/reset`). An organization
         *     without state exports as no entry (`organizations: []`).
         *
         *     The body is the bare document, not enveloped, so that it can be saved and fed back unchanged:
         *     `curl -s http://127.0.0.1:4010/__mock/state > seed.json`, then `runtools-mock --data seed.json` or
         *     `PUT /__mock/state`. Scripts, fault rules and the journal are not part of it.
         */
        get: operations["exportState"];
        /**
         * Import a state document (replace or merge)
         * @description Imports a state document, the format `GET /__mock/state` exports and `--data` reads. With
         *     `mode=replace` (the default) the document becomes the whole state: organizations it does not list
         *     lose their state. With `mode=merge`, each organization of the document replaces the organization
         *     with the same id, and the others stay as they are.
         *
         *     The document is checked completely before anything changes: against `StateDocument`, each resource
         *     against its schema in `spec/openapi.yaml` (`Workspace`, `Sandbox`, `Agent`, `Thread`, `ThreadEvent`,
         *     `RunSummary`), and for consistency (ids unique within the document; the sandboxes, agents,
         *     workspaces and threads that resources name exist in the same organization). An invalid document
         *     answers 400 with one detail per violation, a JSON pointer into the document
         *     (`/body/organizations/0/agents/1/slug`), and the state is unchanged. Under `--persist`, the import
         *     is on disk before the answer is sent (507 when it cannot be: nothing is imported). Scripts, fault rules and the journal are not touched.
         */
        put: operations["importState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/sandboxes/{id}/files": {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path: {
                /**
                 * @description The sandbox's id (or the name of a live sandbox).
                 * @example sandbox-a1b2c3d4e5f6
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Read a sandbox's files
         * @description Answers the sandbox's own files (what its commands wrote, what was seeded; not the workspaces it
         *     mounts), sorted by path, in the shape of a state document's `FileTree` entries, so that a test can
         *     assert on them. The organization is `org`, else the one of the key in `X-API-Key`, else the one that
         *     has a sandbox with this id. An unknown sandbox answers 404; a destroyed one 409 (its files are gone).
         */
        get: operations["getSandboxFiles"];
        /**
         * Seed files into a sandbox
         * @description Writes files, directories and symlinks into a sandbox (not destroyed; any other status), as a test's
         *     starting point: parents are made as needed (mode 0755, the mock's now), and each entry keeps the
         *     mode and time it is given. With `mode=merge` (the default) the entries are written over the
         *     sandbox's files and the others stay; an entry replaces what is at its path, but not a directory
         *     that has entries. With `mode=replace` the entries become the sandbox's files (the shell's
         *     `/workspace`, `/tmp` and `/root` are made again when not listed). The organization is chosen as for
         *     `GET`. Answers the sandbox's files after the write.
         *
         *     Everything is checked before anything changes: the schema, then each entry (path normalised and not
         *     one of the shell's own, `content` valid in its `encoding`, `target` only and always for a symlink,
         *     no path twice), then the tree as a whole (no file or symlink as a parent, the contents within the
         *     sandbox's `resources.disk`). A violation answers 400 with a pointer (`/body/entries/2/content`) and
         *     the sandbox is unchanged. A seed whose entries alone are over the bound of a tree (16 MiB of
         *     contents, see `FileTree`) answers 413. Under `--persist`, the files are on disk before the answer
         *     is sent; when they cannot be, or the sandbox's files would then be over a bound, it answers 507
         *     and nothing is written.
         */
        put: operations["seedSandboxFiles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/workspaces/{id}/files": {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path: {
                /**
                 * @description The workspace's id.
                 * @example 1c3e5a7b-9d2f-4a6c-8e0b-3d5f7a9c1e2b
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * Read a workspace's files
         * @description Answers the workspace's file tree (paths from the workspace's root, the root `/` included), sorted by
         *     path, in the shape of a state document's `FileTree` entries. The organization is chosen as for
         *     `GET /__mock/sandboxes/{id}/files`. An unknown workspace answers 404.
         */
        get: operations["getWorkspaceFiles"];
        /**
         * Seed files into a workspace
         * @description Writes entries into a workspace's file tree, as `PUT /__mock/sandboxes/{id}/files` does for a sandbox
         *     (same shape, defaults, `mode=merge` or `mode=replace`, checks and answers): every sandbox that mounts
         *     the workspace sees the files at its mount path. Paths are from the workspace's root. The contents
         *     must fit the workspace's `quotaBytes` (400 otherwise). An unknown workspace answers 404.
         */
        put: operations["seedWorkspaceFiles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List journaled requests (newest first)
         * @description The request journal: the public API's requests and the mock's answers, newest first, filtered by
         *     the query parameters (all optional; they combine with AND). Every request to the public API is
         *     journaled once its answer has ended (for a stream, when the stream ends), unknown paths and
         *     rejected requests included; control-plane requests are not.
         *
         *     The journal is a bounded ring of `--journal-size` entries (default 1000; the oldest entry is dropped
         *     first); `--journal-size 0` disables it, and this operation then answers `[]`. Request and response
         *     bodies are kept up to `--journal-body-limit` bytes (default 65536, 64 KiB): a longer body is kept as
         *     its first bytes, as a string, with `bodyTruncated: true`. A body is journaled only when the operation
         *     read it (an operation that takes no body, or a request refused before its body was read, shows `null`).
         *
         *     Mock decision, secrets: nothing recoverable of a credential is kept. `X-API-Key`, `Authorization`,
         *     `Proxy-Authorization`, `Cookie` and `Set-Cookie` are recorded as `[redacted]`, `keyPrefix` shows only
         *     the kind of key (`rt_test_…`), and the organization is shown by a pseudonym (`org`), not by its id;
         *     inside journaled bodies, the caller's organization and user ids (an agent's `orgId`, a thread's
         *     `ownerUserId`) are replaced by their pseudonyms too. Those ids derive from the key by a plain hash
         *     (so that they stay the same across restarts), so showing them would let a short key be found again.
         *
         *     Mock decision, memory: one read shows at most 4 MiB of bodies in all, a body parsed as JSON counting
         *     24 bytes more for each of its values (each `[`, `{` and `,`); entries past that budget show their
         *     bodies as `null` with `bodyTruncated: true` (narrow the read with the filters or `limit` to see them).
         *     Nothing built for a read is kept.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        /**
         * Clear the request journal
         * @description Removes every entry of the journal and answers how many there were. The journal's size and body
         *     limit are unchanged. No request body.
         */
        delete: operations["clearRequests"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/requests/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the request journal live (server-sent events)
         * @description The request journal as it grows: one `request` frame per public request, sent when the request is
         *     journaled (once its answer has ended), in the order they are journaled. The stream starts with what
         *     is journaled after it opened and stays open until the client leaves; what came before is
         *     `GET /__mock/requests`. A client that reads both should open the stream first and drop an id it
         *     has already seen. This is what the inspector page (`/__mock/ui`) follows.
         *
         *     Mock decision: no filters; a client filters the entries itself. A client that reads more slowly
         *     than requests arrive loses the oldest frames beyond `--journal-size` waiting ones, as the journal
         *     does. With `--journal-size 0` the stream sends nothing. No request body.
         */
        get: operations["streamRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/scripts/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Script the answer of a public operation
         * @description Adds a response script: a request to `operationId` (of the organization `org`, when set; of any
         *     organization otherwise) whose body contains `match.body` gets this answer instead of the handler's,
         *     and changes no state. Scripts apply after authentication and request validation (see the
         *     document's description for the order); when several scripts match, the newest wins. `times` limits
         *     how many requests the script answers; a used-up script is removed.
         *
         *     `match.body` is a deep partial match: every property of the subset must equal the property of the
         *     same name in the request body, objects recursively; arrays and scalars must be equal.
         *
         *     The answer is `status` with `body` and `headers`; without `body`, the first example that
         *     `spec/openapi.yaml` documents for that status. `X-Request-Id`, `Content-Type` and the framing headers
         *     (`Content-Length`, `Transfer-Encoding`, `Connection`, …) are the mock's and cannot be scripted (400);
         *     `meta.requestId` or `error.requestId` in the body is set to the request's id.
         *
         *     The script is validated against `spec/openapi.yaml` when it is set: an unknown `operationId`, a
         *     `status` that the operation does not declare, or a `body` that does not validate against that
         *     status's schema answers 400 with one detail per violation (`/body/operationId`, `/body/status`,
         *     `/body/body/…`), and the script is not added.
         */
        post: operations["addResponseScript"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/scripts/exec": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Script the output of sandbox commands
         * @description Adds an exec script: a command run in a sandbox (`POST /v1/sandboxes/{id}/exec`, and the
         *     `exec_command` tool calls of agent runs) whose command line matches the regular expression
         *     `command` gets `stdout`, `stderr`, `exitCode` and `durationMs` instead of the mock's default output.
         *     `sandbox` (id or name) and `org` narrow it; when several scripts match, the newest wins. `times`
         *     limits how many commands the script answers; a used-up script is removed.
         *
         *     `command` is a regular expression in RE2 syntax without flags, matched anywhere in the command line
         *     (anchor it with `^…$`); one that does not compile answers 400 at `/body/command`. Mock decision:
         *     patterns run on RE2 (re2js), whose matching time is linear in the input, so no pattern can freeze
         *     the mock (`^(a+)+$` against a long command answers at once). RE2 has no backreferences (`\1`) and
         *     no lookahead or lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`): such a pattern is refused with a 400 that
         *     says so. Everything else JavaScript users write (classes, `\b`, `\d`, `\s`, groups, `(?<name>…)`,
         *     alternation, `{n,m}` up to 1000) works the same. `durationMs` is
         *     reported as the result's duration; the mock does not wait for it (a fault rule's latency slows
         *     the answer). An exec script changes nothing else: the sandbox must still exist and be running.
         */
        post: operations["addExecScript"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/scripts/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Script an agent's reply in runs
         * @description Adds a reply script: a run of `agent` (slug or id; `POST /v1/run` and `POST /v1/agents/{slug}/run`)
         *     whose prompt matches the regular expression `prompt` (any prompt when absent) replies `text`
         *     instead of the mock's default reply, after the tool calls `toolCalls`, in order. `org` narrows it;
         *     when several scripts match, the newest wins. `times` limits how many runs the script answers; a
         *     used-up script is removed. The prompt is the run's `prompt`, or the content of its last `user`
         *     message.
         *
         *     Each tool call appears in the stream and in the thread as the default reply's tool calls do
         *     (`tool_call_started` and `tool_call_completed`, `tool_call` and `tool_result` events), with
         *     `output` as its result. Without `output`, an `exec_command` call runs `arguments.command` in the
         *     agent's sandbox as an exec would (exec scripts apply), and its result is the output; any other
         *     tool's output is then `{}`. The run takes one iteration per tool call plus one. A `local-mac` run
         *     is dispatched, not run, so reply scripts do not apply to it.
         *
         *     `prompt` is a regular expression in RE2 syntax without flags, matched anywhere in the prompt; one
         *     that does not compile answers 400 at `/body/prompt`. Mock decision: as for exec scripts, patterns
         *     run in linear time on RE2, and backreferences and lookaround are refused with a 400 that says so.
         */
        post: operations["addReplyScript"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/scripts/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Script the results of Tool Hub actions
         * @description Adds a tool script: an execution of the tool `tool` (by slug; `POST /v1/tools/{slug}/execute`, and
         *     the calls of Tool Hub tools in agent runs) whose action equals `action` (any action when absent) and
         *     whose `params` contain `params` (a deep partial match, as a response script's `match.body`; any
         *     params when absent) answers `success`, `result`, `error` and `durationMs` instead of the mock's
         *     default. `org` narrows it; when several scripts match, the newest wins. `times` limits how many
         *     executions the script answers; a used-up script is removed.
         *
         *     A tool script replaces only the result: the tool must still be installed or be a custom tool of the
         *     organization (404 otherwise), and the execution is recorded in the activity feed as any other.
         *     `error` is answered only when `success` is false; `success: false` without `error` answers
         *     `{code: tool_error, message: "Scripted failure", statusCode: 500}`. `durationMs` is reported, not
         *     waited for.
         */
        post: operations["addToolScript"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/scripts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the scripts
         * @description Answers every script that is still active, by kind, newest first within each kind (the order in
         *     which they are tried). A used-up script is no longer listed.
         */
        get: operations["listScripts"];
        put?: never;
        post?: never;
        /**
         * Remove every script
         * @description Removes every script of every kind and answers how many there were. No request body.
         */
        delete: operations["clearScripts"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/scripts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The script's id (`scr_…`), of any kind.
                 * @example scr_1Lq7Fz4Vy
                 */
                id: components["schemas"]["ScriptId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove one script
         * @description Removes the script with this id, of any kind. An unknown id, or the id of a script already used up
         *     or removed, answers 404 `not_found`. No request body.
         */
        delete: operations["deleteScript"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set an organization's credit balance
         * @description Sets the balance of one organization (`org`, else the organization of `X-API-Key`; neither is a
         *     400) by adding an `adjustment` entry to its ledger for the difference, and answers its credit
         *     summary. With a balance that cannot pay an hour of sandbox runtime (0 does), `POST /v1/sandboxes`
         *     answers 402 `insufficient_credits` for real (docs/billing.md). Under `--persist`, the change is on
         *     disk before the answer is sent (507 when it cannot be: nothing changes).
         */
        put: operations["setBilling"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/billing/checkout/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mock's checkout page (pays a top-up)
         * @description The `checkoutUrl` of `POST /v1/billing/topup` (spec/openapi.yaml): opening it pays the session,
         *     which adds a `topup` entry to the organization's ledger. Paying twice credits once. `org` names the
         *     session's organization (the URL carries it); an unknown session is a 404. A browser opening it from
         *     another site's page is refused like every control request (docs/security.md); the answer is JSON,
         *     with the session's `successUrl` for the client to follow. Under `--persist`, the credit is on disk
         *     before the answer is sent (507 when it cannot be: nothing changes).
         */
        get: operations["completeCheckout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__mock/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the fault configuration
         * @description Answers the fault configuration in force: its `seed` (always resolved) and its rules, in the order
         *     they are tried. At start-up the rules are those of `--latency` and `--error-rate` (none by default)
         *     and the seed is `--seed`, or a random one.
         */
        get: operations["getFaults"];
        /**
         * Replace the fault configuration
         * @description Replaces the whole fault configuration (the rules of `--latency` and `--error-rate` included) and
         *     answers it, with `seed` resolved: the one sent, else `--seed`, else a random one. Sending the
         *     answered seed back with the same rules, before the same request sequence, repeats the same random
         *     choices.
         *
         *     A rule applies to a public request when its `operationId` (absent: every operation of
         *     `spec/openapi.yaml`, `GET /health` included) and `org` (absent: every organization, and requests
         *     without one) match. For each of `latency`, `error` and `reset`, the first matching rule that sets
         *     it applies. The request waits the latency, then its connection is closed without an answer with
         *     the reset's probability, else it is answered with the error with the error's probability, else it
         *     goes on to `Prefer`, scripts and its handler. A faulted answer changes no state.
         *
         *     An error answers `status` with an `ErrorResponse` body: `code` (default: the status's usual code —
         *     400 `bad_request`, 401 `unauthorized`, 404 `not_found`, 409 `conflict`, 413 `payload_too_large`,
         *     415 `unsupported_media_type`, 500 and 503 `internal_error`) and `message` (default: "Injected fault").
         *     With `operationId`, `status` must be one that the operation declares; without it, only 500 and 503,
         *     rendered as `internal_error`. A rule whose error status is not allowed, an unknown `operationId`, a
         *     uniform latency with `minMs` > `maxMs` or a lognormal one with `p99Ms` < `medianMs` answers 400
         *     with a detail at the rule (`/body/rules/1/error/status`), and the configuration is unchanged.
         *     A lognormal latency is drawn from the log-normal distribution with that median and 99th
         *     percentile, capped at 60000 ms.
         */
        put: operations["setFaults"];
        post?: never;
        /**
         * Remove every fault rule
         * @description Removes every rule (those of `--latency` and `--error-rate` included) and answers how many there
         *     were; the seed stays. No request body.
         */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Response metadata (Part A, success envelope). */
        Meta: {
            /** @description Unique per request; also sent as the `X-Request-Id` header. */
            requestId: string;
        };
        /** @description The error envelope (Part A, error envelope). */
        ErrorResponse: {
            error: components["schemas"]["ErrorBody"];
        };
        ErrorBody: {
            /**
             * @description Machine-readable error code (Part A, error codes). `WORKSPACE_IN_USE` (409) keeps the docs'
             *     upper-case spelling (docs: /api-reference/workspaces/manage).
             * @enum {string}
             */
            code: "bad_request" | "unauthorized" | "invalid_token" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "WORKSPACE_IN_USE" | "request_timeout" | "payload_too_large" | "unsupported_media_type" | "request_header_fields_too_large" | "rate_limited" | "internal_error" | "insufficient_storage" | "service_unavailable";
            /** @description Human-readable explanation. */
            message: string;
            requestId: string;
            /** @description 400 only; one entry per violation. */
            details?: components["schemas"]["ValidationDetail"][];
        };
        ValidationDetail: {
            /**
             * @description JSON pointer into the request, rooted at its part: `/body/slug`, `/query/limit`, `/path/id`,
             *     `/header/content-type`. `/body` alone means the whole body (malformed JSON, a missing body).
             */
            path: string;
            /** @description What is wrong at `path`. */
            message: string;
        };
        DeletedResource: {
            /** @description Id of the deleted resource. */
            id: string;
            /**
             * @description Always true (the mock deletes synchronously).
             * @constant
             */
            deleted: true;
        };
        DeletedEnvelope: {
            data: components["schemas"]["DeletedResource"];
            meta: components["schemas"]["Meta"];
        };
        /** @description String keys to string values (HTTP headers). */
        StringMap: {
            [key: string]: string;
        };
        /**
         * Format: uuid
         * @description An organization id (the `orgId` of the public API's resources).
         */
        OrgId: string;
        ClearResult: {
            /** @description How many entries (journal entries, scripts or fault rules) were removed. */
            cleared: number;
        };
        ClearEnvelope: {
            data: components["schemas"]["ClearResult"];
            meta: components["schemas"]["Meta"];
        };
        ResetResult: {
            /**
             * @description `all`: every organization was reset; `organization`: only `orgId`.
             * @enum {string}
             */
            scope: "all" | "organization";
            /**
             * Format: uuid
             * @description The organization reset; null when `scope` is `all`.
             */
            orgId: string | null;
        };
        ClockAdvanceRequest: {
            /** @description How far forward, in milliseconds (at most ten years). */
            ms: number;
        };
        ClockEnvelope: {
            data: {
                /** Format: date-time */
                now: string;
            };
            meta: components["schemas"]["Meta"];
        };
        OAuthCompleteRequest: {
            attemptToken: string;
            /** @description The connection's scopes (default none). */
            scopes?: string[];
        };
        OAuthCompleteEnvelope: {
            data: {
                orgId: components["schemas"]["OrgId"];
                /** @description As in spec/openapi.yaml `OAuthConnection`. */
                connection: {
                    [key: string]: unknown;
                };
            };
            meta: components["schemas"]["Meta"];
        };
        ResetEnvelope: {
            data: components["schemas"]["ResetResult"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description The mock's state as a versioned document: what `GET /__mock/state` exports, `PUT /__mock/state`
         *     imports and `--data` reads (as JSON or YAML). Closed, both ways: an unknown field, in the document or
         *     in an organization, is an error, so that a document of another format or version is never half
         *     read. The resources inside are those of the public API, as `spec/openapi.yaml` describes them.
         */
        StateDocument: {
            /**
             * @description Names the format.
             * @constant
             */
            format: "runtools-mock/state";
            /**
             * @description The format's version; a document of another version is refused.
             * @constant
             */
            version: 1;
            /**
             * Format: date-time
             * @description When the document was exported (informative; ignored on import).
             */
            exportedAt: string;
            /** @description One entry per organization, ids unique. */
            organizations: components["schemas"]["OrganizationState"][];
        };
        /**
         * @description One organization's resources. Each item is validated on import against the schema of
         *     `spec/openapi.yaml` that its description names, and must belong to this organization (`orgId`,
         *     where the resource has one, equals `id`).
         */
        OrganizationState: {
            id: components["schemas"]["OrgId"];
            /**
             * @description The organization's profile and members (optional: a document without it gets the defaults of a
             *     new organization). `members` items are validated against spec/openapi.yaml `OrganizationMember`.
             */
            organization?: {
                profile: {
                    name: string;
                    slug: string;
                    /** Format: date-time */
                    createdAt: string;
                    /** Format: uuid */
                    defaultProjectId: string | null;
                };
                members: {
                    [key: string]: unknown;
                }[];
            };
            /**
             * @description Keys issued through `POST /v1/api-keys` (optional). A key is stored as the SHA-256 digest of its
             *     secret, never the secret, so a state document holds nothing that authenticates; an imported key
             *     authenticates again as its organization.
             */
            apiKeys?: {
                /** @description As in spec/openapi.yaml `ApiKey`; validated against that schema on import. */
                key: {
                    [key: string]: unknown;
                };
                /** @description The hex SHA-256 digest of the secret. */
                digest: string;
                isTest: boolean;
                /** @description `expiresIn` as created, for rotations. */
                lifetime: string;
            }[];
            /** @description The activity feed, oldest first (optional; at most the newest 10,000 events are kept). */
            activity?: {
                [key: string]: unknown;
            }[];
            /**
             * @description Secrets (optional), with their values, so that `POST /v1/secrets/{name}/reveal` answers them after a
             *     restart: protect a `--persist` file or an exported document like a `.env` file.
             */
            secrets?: {
                /** @description As in spec/openapi.yaml `Secret`; validated against that schema on import. */
                secret: {
                    [key: string]: unknown;
                };
                value: string;
            }[];
            /**
             * @description RunMesh nodes (optional), in the order they were approved. Pending link codes belong to no
             *     organization and are not part of a state document.
             */
            runmeshNodes?: {
                /** @description Approval order; the node's mesh address follows from it. */
                seq: number;
                /** @description As in spec/openapi.yaml `RunMeshNode`; validated against that schema on import. */
                node: {
                    [key: string]: unknown;
                };
            }[];
            /**
             * @description OAuth connections and BYOA configurations (optional), with the configurations' client secrets:
             *     protect the document like a `.env` file. Pending device-code attempts are not kept.
             */
            oauth?: {
                connections: {
                    [key: string]: unknown;
                }[];
                configs: {
                    /** @description As in spec/openapi.yaml `ByoaConfig`; validated against that schema on import. */
                    config: {
                        [key: string]: unknown;
                    };
                    clientSecret: string | null;
                }[];
            };
            /** @description Workflow triggers and their runs (optional), oldest first. */
            workflows?: {
                triggers: {
                    seq: number;
                    /** @description As in spec/openapi.yaml `WorkflowTrigger` (with `secret` null); validated against that schema on import. */
                    trigger: {
                        [key: string]: unknown;
                    };
                    /** @description The webhook secret (webhook triggers); protect the document like a `.env` file. */
                    secret: string | null;
                }[];
                runs: {
                    [key: string]: unknown;
                }[];
            };
            billing?: components["schemas"]["BillingState"];
            /**
             * @description File trees (optional; absent or empty when no sandbox has run a command or been seeded): a
             *     sandbox's own files (`owner: sandbox`) and a workspace's files (`owner: workspace`), each as a list
             *     of entries. Mock decision (docs/sandboxes.md, "Files in the state"): at most 10,000 entries and
             *     16 MiB of file contents per tree, and 64 MiB of file contents per document; a document over a
             *     bound answers 413 on `PUT /__mock/state` and is refused at start-up (`--data`, `--persist`), and
             *     under `--persist` a change that would take the state over a bound answers 507 and is undone.
             */
            files?: components["schemas"]["FileTree"][];
            /**
             * @description Thread attachments (optional; documents written before attachments existed load without them), with
             *     their bytes as base64 (`content`, null before the upload) and what their upload URL needs.
             */
            attachments?: {
                /** @description As in spec/openapi.yaml `Attachment`; validated against that schema on import. */
                attachment: {
                    [key: string]: unknown;
                };
                agentSlug: string | null;
                declaredSizeBytes: number | null;
                signature: string;
                /** Format: date-time */
                expiresAt: string;
                content: string | null;
            }[];
            /**
             * @description Catalog agents installed into a sandbox and workspace (optional, so documents written before
             *     them still load). Each is validated against spec/openapi.yaml `InstallableAgentInstall` and must
             *     name a sandbox and a workspace of this organization; an `installing` one is `ready` from the
             *     next request on.
             */
            installableAgentInstalls?: {
                [key: string]: unknown;
            }[];
            /**
             * @description The Tool Hub (optional, so documents written before it still load): installed tools and custom
             *     tools with their code. `installed[]` items are validated against spec/openapi.yaml
             *     `ToolInstallation`, `custom[].tool` against `CustomTool`.
             */
            toolHub?: {
                installed: {
                    [key: string]: unknown;
                }[];
                custom: {
                    /** @description As in spec/openapi.yaml `CustomTool`. */
                    tool: {
                        [key: string]: unknown;
                    };
                    code: string;
                }[];
            };
            /** @description The organization's workspaces, its personal workspace included. */
            workspaces: {
                [key: string]: unknown;
            }[];
            /** @description The organization's sandboxes, destroyed ones included. */
            sandboxes: {
                [key: string]: unknown;
            }[];
            /** @description The organization's agents. */
            agents: {
                [key: string]: unknown;
            }[];
            /** @description The organization's threads, each with all its events. */
            threads: {
                /** @description As in spec/openapi.yaml `Thread`; validated against that schema on import. */
                thread: {
                    [key: string]: unknown;
                };
                /** @description The thread's events in increasing `sequence`. */
                events: {
                    [key: string]: unknown;
                }[];
            }[];
            /** @description The organization's runs. */
            runs: {
                /** @description As in spec/openapi.yaml `RunSummary`; validated against that schema on import. */
                run: {
                    [key: string]: unknown;
                };
                /** @description The run's rollout (spec/openapi.yaml `RolloutId`). */
                rolloutId: string;
            }[];
        };
        /**
         * @description The files of one sandbox (its own files, not the workspaces it mounts) or one workspace. The entries
         *     are checked when a document is loaded: paths absolute and normalised, each at most once, a parent
         *     never a file or symlink, the contents within the owner's quota (a sandbox's `resources.disk`).
         *     A sandbox's tree leaves out what its shell provides (`/`, `/bin`, `/usr/bin`, `/dev`, `/proc` and
         *     their entries) and keeps `/workspace`, `/tmp` and `/root`; a tree may not name those shell paths.
         *     A workspace's tree has paths from the workspace's root (`/` included, the quota its `quotaBytes`);
         *     a workspace whose tree holds only its root is left out of exports.
         */
        FileTree: {
            /**
             * @description What holds the tree.
             * @enum {string}
             */
            owner: "sandbox" | "workspace";
            /** @description The sandbox's or workspace's id, in the same organization (a sandbox that is not destroyed). */
            id: string;
            /** @description Every entry, in any order (exports list them sorted by path). */
            entries: components["schemas"]["FileEntry"][];
        };
        /**
         * @description One file, directory or symlink, exactly: its bytes, mode and modification time round-trip. A file's
         *     `content` is its bytes as UTF-8 text (`encoding: utf-8`, the default) or base64 (`encoding: base64`;
         *     exports use it for bytes that are not valid UTF-8). Hard links are written as separate files.
         *     In a seed (`PUT /__mock/sandboxes/{id}/files`) `mode` defaults to 420 (0644) for a file, 493 (0755)
         *     for a directory and 511 (0777) for a symlink, and `mtime` to the mock's now.
         */
        FileEntry: {
            /** @description Absolute and normalised (no `.`, `..`, `//` or trailing `/`). */
            path: string;
            /** @enum {string} */
            type: "file" | "directory" | "symlink";
            /** @description Permission bits (0 to 07777, written in decimal: 420 is 0644). */
            mode?: number;
            /**
             * Format: date-time
             * @description Modification time, to the millisecond.
             */
            mtime?: string;
            /** @description A file's contents (files only; absent means empty). */
            content?: string;
            /**
             * @description How `content` is written (files only; default `utf-8`).
             * @enum {string}
             */
            encoding?: "utf-8" | "base64";
            /** @description A symlink's target, as written (symlinks only, required for them). */
            target?: string;
        };
        SandboxFilesInput: {
            /** @description The entries to write, in any order; at most 10,000. */
            entries: components["schemas"]["FileEntry"][];
        };
        SandboxFiles: {
            /** @description The sandbox's id. */
            sandboxId: string;
            /** @description The sandbox's own files, sorted by path, in the state document's shape. */
            entries: components["schemas"]["FileEntry"][];
        };
        WorkspaceFilesEnvelope: {
            data: {
                /** @description The workspace's id. */
                workspaceId: string;
                /** @description The workspace's files, its root included, sorted by path. */
                entries: components["schemas"]["FileEntry"][];
            };
            meta: components["schemas"]["Meta"];
        };
        SandboxFilesEnvelope: {
            data: components["schemas"]["SandboxFiles"];
            meta: components["schemas"]["Meta"];
        };
        ImportResult: {
            /**
             * @description The mode the document was imported with.
             * @enum {string}
             */
            mode: "replace" | "merge";
            /** @description How many organizations were imported. */
            organizations: number;
        };
        ImportEnvelope: {
            data: components["schemas"]["ImportResult"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description One request to the public API and the mock's answer. Header names are lower-case. Credential headers
         *     (`x-api-key`, `authorization`, `proxy-authorization`, `cookie`, `set-cookie`) are recorded as
         *     `[redacted]` (an Authorization scheme such as `Bearer` is kept); nothing of a key or token is kept.
         */
        JournalEntry: {
            /** @description The request id (the answer's `X-Request-Id`). */
            id: string;
            /**
             * Format: date-time
             * @description When the request arrived (the virtual clock's time under `--seed`).
             */
            receivedAt: string;
            /** @description Milliseconds from the request's arrival to the end of its answer (of its stream). */
            durationMs: number;
            /** @description The HTTP method. */
            method: string;
            /** @description The path, without the query string. */
            path: string;
            /** @description The query parameters as sent; a repeated parameter is an array. */
            query: {
                [key: string]: string | string[];
            };
            /** @description The operation of spec/openapi.yaml the request matched; null for an unknown path or method. */
            operationId: string | null;
            /**
             * Format: uuid
             * @description The organization of the request's key, as a pseudonym: a UUID that stands for that organization in
             *     this process's journal (an HMAC of its id under a secret drawn at start), equal for all its requests
             *     until a restart; null without a valid key. Mock decision: the organization id itself is not shown,
             *     because without `--keys` it is a plain hash of the key, from which a short key can be found again by
             *     trying candidates. `?org=` takes either the organization id or this pseudonym.
             */
            org: string | null;
            /** @description The kind of API key only (`rt_test_…` or `rt_live_…`), nothing of the key itself; null without a key. */
            keyPrefix: string | null;
            /** @description The answer's status; 0 when a `reset` fault closed the connection without an answer. */
            status: number;
            request: {
                headers: components["schemas"]["StringMap"];
                /** @description The body as parsed JSON; a string when it is not JSON or was truncated; null without a body. */
                body: unknown;
                /** @description True when the body was longer than `--journal-body-limit` and is kept as its first bytes. */
                bodyTruncated: boolean;
            };
            response: {
                headers: components["schemas"]["StringMap"];
                /**
                 * @description The body as parsed JSON; for a stream, its text (the frames); a string when truncated; null
                 *     without a body (and after a `reset` fault).
                 */
                body: unknown;
                /** @description True when the body was longer than `--journal-body-limit` and is kept as its first bytes. */
                bodyTruncated: boolean;
                /** @description True when the answer was a `text/event-stream`. */
                streamed: boolean;
            };
            /**
             * @description Where the exchange broke a contract of spec/openapi.yaml, empty when it did not. `source: request`:
             *     the client's request failed validation (the details of its 400 `bad_request`). `source: response`:
             *     the mock's answer, or a frame of its stream, failed it (a bug in the mock or in its overrides); the
             *     client then got a 500 `internal_error` instead of a non-streamed answer. Mock decision: answers are
             *     checked only while the mock validates responses (`--validate-responses`, always on under test),
             *     requests always.
             */
            violations: components["schemas"]["JournalViolation"][];
        };
        /** @description The `data:` of one frame of `GET /__mock/requests/stream`. */
        JournalStreamEvent: {
            /**
             * @description The frame's `event:` name.
             * @constant
             */
            type: "request";
            entry: components["schemas"]["JournalEntry"];
        };
        JournalViolation: {
            /**
             * @description Which side broke the contract.
             * @enum {string}
             */
            source: "request" | "response";
            /** @description A JSON pointer into the request (`/body/slug`, `/query/limit`) or the answer (`/data/name`, `/status`). */
            path: string;
            /** @description What is wrong there. */
            message: string;
        };
        JournalEntryList: {
            /** @description The matching entries, newest first. */
            data: components["schemas"]["JournalEntry"][];
            meta: components["schemas"]["Meta"];
        };
        /** @description A script's id (`scr_…`), unique across the four kinds. */
        ScriptId: string;
        /** @description How many matching requests the script answers before it is removed; absent means unlimited. */
        ScriptTimes: number;
        /** @description How many more requests the script answers; null when unlimited. */
        ScriptRemaining: number | null;
        /** @description A scripted answer for a public operation. Unknown fields are accepted and ignored. */
        ResponseScriptInput: {
            /** @description An operation of spec/openapi.yaml (`createSandbox`). */
            operationId: string;
            /** @description Only requests of this organization; absent means every organization. */
            org?: components["schemas"]["OrgId"];
            /** @description Further conditions on the request. */
            match?: {
                /** @description A subset that the request body must contain (deep partial match). */
                body?: {
                    [key: string]: unknown;
                };
            };
            /** @description The answer's status; one that the operation declares. */
            status: number;
            /** @description The answer's body, valid against the status's schema; absent means the status's first documented example. */
            body?: unknown;
            /**
             * @description Headers added to the answer. Mock decision: the mock owns the framing of its answers and the
             *     headers it always sends, so `Content-Length`, `Transfer-Encoding`, `Connection`, `Keep-Alive`,
             *     `Proxy-Connection`, `Upgrade`, `TE`, `Trailer`, `Content-Type` and `X-Request-Id` (in any case)
             *     answer 400 with a detail at `/body/headers/<name>`, as do a name given twice in different cases,
             *     a name that is not an HTTP token and a value with CR, LF or other control characters.
             */
            headers?: components["schemas"]["StringMap"];
            times?: components["schemas"]["ScriptTimes"];
        };
        /** @description A response script as set (fields not sent are absent), with its id and use count. */
        ResponseScript: {
            id: components["schemas"]["ScriptId"];
            /** @description The operation of spec/openapi.yaml. */
            operationId: string;
            /** @description Only requests of this organization; absent means every organization. */
            org?: components["schemas"]["OrgId"];
            /** @description Further conditions on the request. */
            match?: {
                /** @description A subset that the request body must contain (deep partial match). */
                body?: {
                    [key: string]: unknown;
                };
            };
            /** @description The answer's status. */
            status: number;
            /** @description The answer's body; absent means the status's first documented example. */
            body?: unknown;
            /** @description Headers added to the answer. */
            headers?: components["schemas"]["StringMap"];
            times?: components["schemas"]["ScriptTimes"];
            remaining: components["schemas"]["ScriptRemaining"];
            /** Format: date-time */
            createdAt: string;
        };
        ResponseScriptEnvelope: {
            data: components["schemas"]["ResponseScript"];
            meta: components["schemas"]["Meta"];
        };
        /** @description Scripted output for sandbox commands. Unknown fields are accepted and ignored. */
        ExecScriptInput: {
            /** @description Only commands in this organization's sandboxes; absent means every organization. */
            org?: components["schemas"]["OrgId"];
            /** @description Only commands in this sandbox, by id (`sandbox-…`) or name; absent means every sandbox. */
            sandbox?: string;
            /** @description A regular expression in RE2 syntax (no flags; no backreferences or lookaround) matched anywhere in the command line. */
            command: string;
            /**
             * @description The command's standard output.
             * @default
             */
            stdout: string;
            /**
             * @description The command's standard error.
             * @default
             */
            stderr: string;
            /**
             * @description The command's exit code.
             * @default 0
             */
            exitCode: number;
            /**
             * @description The duration reported in the result (the mock does not wait for it).
             * @default 0
             */
            durationMs: number;
            times?: components["schemas"]["ScriptTimes"];
        };
        /** @description An exec script as set (defaults filled in; optional fields not sent are absent), with its id and use count. */
        ExecScript: {
            id: components["schemas"]["ScriptId"];
            /** @description Only commands in this organization's sandboxes. */
            org?: components["schemas"]["OrgId"];
            /** @description Only commands in this sandbox (id or name, as sent). */
            sandbox?: string;
            /** @description The regular expression matched against the command line. */
            command: string;
            stdout: string;
            stderr: string;
            exitCode: number;
            durationMs: number;
            times?: components["schemas"]["ScriptTimes"];
            remaining: components["schemas"]["ScriptRemaining"];
            /** Format: date-time */
            createdAt: string;
        };
        ExecScriptEnvelope: {
            data: components["schemas"]["ExecScript"];
            meta: components["schemas"]["Meta"];
        };
        /** @description A scripted agent reply for runs. Unknown fields are accepted and ignored. */
        ReplyScriptInput: {
            /** @description Only runs in this organization; absent means every organization. */
            org?: components["schemas"]["OrgId"];
            /** @description The agent, by slug (`code-assistant`) or id (`agt_…`). */
            agent: string;
            /** @description A regular expression in RE2 syntax (no flags; no backreferences or lookaround) matched anywhere in the prompt; absent matches every prompt. */
            prompt?: string;
            /** @description The assistant's final text. */
            text: string;
            /** @description Tool calls made before the text, in order. */
            toolCalls?: {
                /** @description The tool's name (`exec_command`). */
                name: string;
                /**
                 * @description The tool's arguments (`{"command": …}` for `exec_command`).
                 * @default {}
                 */
                arguments: {
                    [key: string]: unknown;
                };
                /** @description The tool's result; absent, an `exec_command` runs in the agent's sandbox (another tool's output is `{}`). */
                output?: {
                    [key: string]: unknown;
                };
            }[];
            times?: components["schemas"]["ScriptTimes"];
        };
        /** @description A reply script as set (defaults filled in; optional fields not sent are absent), with its id and use count. */
        ReplyScript: {
            id: components["schemas"]["ScriptId"];
            /** @description Only runs in this organization. */
            org?: components["schemas"]["OrgId"];
            /** @description The agent (slug or id, as sent). */
            agent: string;
            /** @description The regular expression matched against the prompt. */
            prompt?: string;
            /** @description The assistant's final text. */
            text: string;
            /** @description Tool calls made before the text, in order. */
            toolCalls?: {
                name: string;
                /** @description The tool's arguments. */
                arguments: {
                    [key: string]: unknown;
                };
                /** @description The tool's result; absent when the command runs in the sandbox. */
                output?: {
                    [key: string]: unknown;
                };
            }[];
            times?: components["schemas"]["ScriptTimes"];
            remaining: components["schemas"]["ScriptRemaining"];
            /** Format: date-time */
            createdAt: string;
        };
        ReplyScriptEnvelope: {
            data: components["schemas"]["ReplyScript"];
            meta: components["schemas"]["Meta"];
        };
        /** @description A scripted Tool Hub result. Unknown fields are accepted and ignored. */
        ToolScriptInput: {
            /** @description Only executions in this organization; absent means every organization. */
            org?: components["schemas"]["OrgId"];
            /** @description The tool's slug (`github`, or a custom tool's). */
            tool: string;
            /** @description Only this action; absent means every action. */
            action?: string;
            /** @description A subset the execution's `params` must contain (deep partial match); absent means any. */
            params?: {
                [key: string]: unknown;
            };
            /**
             * @description Whether the action succeeded.
             * @default true
             */
            success: boolean;
            /** @description The action's result (any JSON); absent means `{}` on success, null on failure. */
            result?: unknown;
            /** @description The error reported when `success` is false. */
            error?: {
                code: string;
                message: string;
                /** @default 500 */
                statusCode: number;
            };
            /**
             * @description The duration reported (not waited for).
             * @default 0
             */
            durationMs: number;
            times?: components["schemas"]["ScriptTimes"];
        };
        /** @description A tool script as set (defaults filled in; optional fields not sent are absent), with its id and use count. */
        ToolScript: {
            id: components["schemas"]["ScriptId"];
            /** @description Only executions in this organization. */
            org?: components["schemas"]["OrgId"];
            tool: string;
            action?: string;
            params?: {
                [key: string]: unknown;
            };
            success: boolean;
            /** @description The action's result. */
            result?: unknown;
            error?: {
                code: string;
                message: string;
                statusCode: number;
            };
            durationMs: number;
            times?: components["schemas"]["ScriptTimes"];
            remaining: components["schemas"]["ScriptRemaining"];
            /** Format: date-time */
            createdAt: string;
        };
        ToolScriptEnvelope: {
            data: components["schemas"]["ToolScript"];
            meta: components["schemas"]["Meta"];
        };
        ScriptList: {
            /** @description Response scripts, newest first. */
            responses: components["schemas"]["ResponseScript"][];
            /** @description Exec scripts, newest first. */
            exec: components["schemas"]["ExecScript"][];
            /** @description Reply scripts, newest first. */
            replies: components["schemas"]["ReplyScript"][];
            /** @description Tool scripts, newest first. */
            tools: components["schemas"]["ToolScript"][];
        };
        ScriptListEnvelope: {
            data: components["schemas"]["ScriptList"];
            meta: components["schemas"]["Meta"];
        };
        /** @description Seeds the random choices (latency draws, error and reset probabilities), so that a run can be repeated. */
        FaultSeed: number;
        /** @description Milliseconds. */
        Milliseconds: number;
        /** @description A probability, from 0 (never) to 1 (always). */
        Probability: number;
        /** @description A new fault configuration (replaces the whole configuration). Unknown fields are accepted and ignored. */
        FaultConfigInput: {
            /** @description Makes the random choices repeatable; absent, `--seed`, else a random seed. */
            seed?: components["schemas"]["FaultSeed"];
            /** @description The rules, in the order they are tried. */
            rules: components["schemas"]["FaultRuleInput"][];
        };
        /** @description One fault rule. Unknown fields are accepted and ignored. */
        FaultRuleInput: {
            /** @description An operation of spec/openapi.yaml; absent means every operation. */
            operationId?: string;
            /** @description Only requests of this organization; absent means every request. */
            org?: components["schemas"]["OrgId"];
            latency?: components["schemas"]["LatencyInput"];
            /** @description Answer an error instead of the handler, with a probability. */
            error?: {
                probability: components["schemas"]["Probability"];
                /** @description A status the operation declares; without `operationId`, 500 or 503 (rendered as `internal_error`). */
                status: number;
                /** @description The error code; absent, the status's usual code. */
                code?: components["schemas"]["ErrorBody"]["code"];
                /** @description The error message; absent, "Injected fault". */
                message?: string;
            };
            /** @description Close the connection without an answer, with a probability. */
            reset?: {
                probability: components["schemas"]["Probability"];
            };
        };
        /** @description A delay before the answer, by distribution. */
        LatencyInput: components["schemas"]["FixedLatencyInput"] | components["schemas"]["UniformLatencyInput"] | components["schemas"]["LognormalLatencyInput"];
        /** @description Always `ms`. */
        FixedLatencyInput: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            distribution: "fixed";
            ms: components["schemas"]["Milliseconds"];
        };
        /** @description Uniformly between `minMs` and `maxMs` (`minMs` <= `maxMs`, else 400). */
        UniformLatencyInput: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            distribution: "uniform";
            minMs: components["schemas"]["Milliseconds"];
            maxMs: components["schemas"]["Milliseconds"];
        };
        /** @description Log-normal with this median and 99th percentile (`medianMs` <= `p99Ms`, else 400), capped at 60000. */
        LognormalLatencyInput: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            distribution: "lognormal";
            medianMs: components["schemas"]["Milliseconds"];
            p99Ms: components["schemas"]["Milliseconds"];
        };
        /** @description The fault configuration in force. */
        FaultConfig: {
            seed: components["schemas"]["FaultSeed"];
            /** @description The rules, in the order they are tried. */
            rules: components["schemas"]["FaultRule"][];
        };
        /** @description One fault rule, as set (fields not sent are absent). */
        FaultRule: {
            /** @description Only this operation; absent means every operation. */
            operationId?: string;
            /** @description Only requests of this organization; absent means every request. */
            org?: components["schemas"]["OrgId"];
            latency?: components["schemas"]["Latency"];
            /** @description Answer an error instead of the handler, with a probability. */
            error?: {
                probability: components["schemas"]["Probability"];
                status: number;
                /** @description The error code, when set. */
                code?: components["schemas"]["ErrorBody"]["code"];
                /** @description The error message, when set. */
                message?: string;
            };
            /** @description Close the connection without an answer, with a probability. */
            reset?: {
                probability: components["schemas"]["Probability"];
            };
        };
        /** @description A delay before the answer, by distribution. */
        Latency: components["schemas"]["FixedLatency"] | components["schemas"]["UniformLatency"] | components["schemas"]["LognormalLatency"];
        /** @description Always `ms`. */
        FixedLatency: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            distribution: "fixed";
            ms: components["schemas"]["Milliseconds"];
        };
        /** @description Uniformly between `minMs` and `maxMs`. */
        UniformLatency: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            distribution: "uniform";
            minMs: components["schemas"]["Milliseconds"];
            maxMs: components["schemas"]["Milliseconds"];
        };
        /** @description Log-normal with this median and 99th percentile, capped at 60000. */
        LognormalLatency: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            distribution: "lognormal";
            medianMs: components["schemas"]["Milliseconds"];
            p99Ms: components["schemas"]["Milliseconds"];
        };
        FaultConfigEnvelope: {
            data: components["schemas"]["FaultConfig"];
            meta: components["schemas"]["Meta"];
        };
        BillingSetInput: {
            /** @description The balance to set, in US cents. */
            balanceCents: number;
        };
        BillingSetResult: {
            orgId: components["schemas"]["OrgId"];
            balanceCents: number;
            totalGrantedCents: number;
            totalUsedCents: number;
            /** @description The ledger adjustment made (0 when the balance already was that). */
            adjustmentCents: number;
        };
        BillingSetEnvelope: {
            data: components["schemas"]["BillingSetResult"];
            meta: components["schemas"]["Meta"];
        };
        CheckoutCompletion: {
            sessionId: string;
            /** @constant */
            status: "complete";
            amountCents: number;
            balanceCents: number;
            successUrl: string | null;
        };
        CheckoutCompletionEnvelope: {
            data: components["schemas"]["CheckoutCompletion"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description An organization's credits (optional: a document without it gets the sign-up credits of a new
         *     organization). `ledger` items are validated against spec/openapi.yaml `CreditLedgerEntry` on import.
         */
        BillingState: {
            totalGrantedCents: number;
            totalUsedCents: number;
            /** @description Ledger entries ever written (ids derive from it). */
            ledgerSeq: number;
            /** @description The ledger, oldest first (at most the newest 10,000 entries are kept). */
            ledger: {
                [key: string]: unknown;
            }[];
            /** @description Each sandbox's running time so far, and since when it runs (null when it does not). */
            sandboxMeters: {
                sandboxId: string;
                ranMs: number;
                /** Format: date-time */
                runningSince: string | null;
            }[];
            /** @description Usage counted per UTC day, oldest first. */
            usageDays: components["schemas"]["BillingUsageDay"][];
            checkoutSessions: {
                sessionId: string;
                amountCents: number;
                /** @enum {string} */
                status: "open" | "complete";
                successUrl: string | null;
                cancelUrl: string | null;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        BillingUsageDay: {
            day: string;
            agentRuns: number;
            codeExecutions: number;
            toolExecutions: number;
            sandboxSeconds: number;
            runCents: number;
            executionCents: number;
            sandboxCents: number;
            models: {
                model: string;
                runs: number;
                inputTokens: number;
                outputTokens: number;
                totalTokens: number;
            }[];
        };
    };
    responses: {
        /**
         * @description The request is invalid: it fails the schema (each violation in `details`, with a JSON pointer into
         *     the request), its body is not JSON, or it breaks a documented rule (a script or fault rule that
         *     `spec/openapi.yaml` would not allow, an invalid state document, a regular expression that does not
         *     compile). Nothing changes.
         */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description A non-loopback client sent no admin token, or a wrong one (the mock runs with `--admin-token`); or
         *     the `X-API-Key` that names the organization is malformed or unknown.
         */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The client is not on loopback and no token can be valid: the mock listens beyond loopback without
         *     `--admin-token`, so the control plane is closed to other addresses.
         */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No script has this id (it never existed, was used up, or was removed). */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No sandbox has this id in the organization (or in any, when none is named). */
        SandboxNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No workspace has this id in the organization (or in any, when none is named). */
        WorkspaceNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The sandbox is destroyed; its files are gone. */
        SandboxDestroyed: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The request body is larger than 16 MiB (the limit of `PUT /__mock/state` and `PUT
         *     /__mock/sandboxes/{id}/files`; state documents and seeds can be large), or the file trees it holds
         *     are over the state document's bounds (see `FileTree`).
         */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request has a body that is not declared as `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Mock decision (`--persist` only): the reset or import could not be made durable (the persist file's
         *     disk is full or read-only, or a write failed), so it was not applied: the state is as it was before
         *     the request, in memory and on disk (docs/persistence.md). The same answer as in spec/openapi.yaml.
         */
        InsufficientStorage: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description One organization, by id. Takes precedence over `X-API-Key`.
         * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
         */
        Org: string;
        /**
         * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
         *     file → 401 `invalid_token`). Without either: every organization.
         * @example rt_test_alice
         */
        XApiKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The request id; equals `meta.requestId` or `error.requestId` of the body.
         * @example req_7Hx2Kp9Qw
         */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    resetState: {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The state is reset. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockAdvanceRequest"];
            };
        };
        responses: {
            /** @description The clock moved; its new time. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClockEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    completeOAuthFlow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OAuthCompleteRequest"];
            };
        };
        responses: {
            /** @description The attempt is now a connection. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthCompleteEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    exportState: {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The state document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    importState: {
        parameters: {
            query?: {
                /**
                 * @description `replace` (default): the document becomes the whole state. `merge`: its organizations replace those with the same id; the others stay.
                 * @example merge
                 */
                mode?: "replace" | "merge";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StateDocument"];
            };
        };
        responses: {
            /** @description The document is imported. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getSandboxFiles: {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path: {
                /**
                 * @description The sandbox's id (or the name of a live sandbox).
                 * @example sandbox-a1b2c3d4e5f6
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox's files. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxFilesEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["SandboxNotFound"];
            409: components["responses"]["SandboxDestroyed"];
        };
    };
    seedSandboxFiles: {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
                /**
                 * @description `merge` (default): write over the sandbox's files. `replace`: the entries become its files.
                 * @example replace
                 */
                mode?: "merge" | "replace";
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path: {
                /**
                 * @description The sandbox's id (or the name of a live sandbox).
                 * @example sandbox-a1b2c3d4e5f6
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxFilesInput"];
            };
        };
        responses: {
            /** @description The files are written; the sandbox's files after the write. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxFilesEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["SandboxNotFound"];
            409: components["responses"]["SandboxDestroyed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getWorkspaceFiles: {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path: {
                /**
                 * @description The workspace's id.
                 * @example 1c3e5a7b-9d2f-4a6c-8e0b-3d5f7a9c1e2b
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace's files. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceFilesEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["WorkspaceNotFound"];
        };
    };
    seedWorkspaceFiles: {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
                /**
                 * @description `merge` (default): write over the workspace's files. `replace`: the entries become its files.
                 * @example replace
                 */
                mode?: "merge" | "replace";
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path: {
                /**
                 * @description The workspace's id.
                 * @example 1c3e5a7b-9d2f-4a6c-8e0b-3d5f7a9c1e2b
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SandboxFilesInput"];
            };
        };
        responses: {
            /** @description The files are written; the workspace's files after the write. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceFilesEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["WorkspaceNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listRequests: {
        parameters: {
            query?: {
                /**
                 * @description Only requests with this HTTP method.
                 * @example POST
                 */
                method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                /**
                 * @description Only requests to this path (without the query string); a value ending with `*` is a prefix (`/v1/agents*`).
                 * @example /v1/agents*
                 */
                path?: string;
                /**
                 * @description Only requests that matched this operation of `spec/openapi.yaml`.
                 * @example upsertAgent
                 */
                operationId?: string;
                /**
                 * @description Only requests answered with this status.
                 * @example 201
                 */
                status?: number;
                /**
                 * @description Only requests of this organization (derived from their key), given by its id or by the pseudonym the journal shows (`org`).
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: string;
                /**
                 * @description Only requests received at or after this instant (the virtual clock's under `--seed`).
                 * @example 2026-11-29T10:00:00.000Z
                 */
                since?: string;
                /**
                 * @description At most this many entries (the newest).
                 * @example 100
                 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching entries, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JournalEntryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    clearRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journal is empty. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    streamRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journal, live. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example event: request
                     *     data: {"type":"request","entry":{"id":"req_4Tn8Vc2Lm","method":"GET","path":"/v1/agents","status":200}}
                     */
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    addResponseScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseScriptInput"];
            };
        };
        responses: {
            /** @description The script is added. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseScriptEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    addExecScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExecScriptInput"];
            };
        };
        responses: {
            /** @description The script is added. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecScriptEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    addReplyScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplyScriptInput"];
            };
        };
        responses: {
            /** @description The script is added. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplyScriptEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    addToolScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ToolScriptInput"];
            };
        };
        responses: {
            /** @description The script is added. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolScriptEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listScripts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active scripts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScriptListEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    clearScripts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No script is left. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    deleteScript: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The script's id (`scr_…`), of any kind.
                 * @example scr_1Lq7Fz4Vy
                 */
                id: components["schemas"]["ScriptId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script is removed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    setBilling: {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
            };
            header?: {
                /**
                 * @description Without `org`: one organization, the one of this public-API key (malformed, or not in the keys
                 *     file → 401 `invalid_token`). Without either: every organization.
                 * @example rt_test_alice
                 */
                "X-API-Key"?: components["parameters"]["XApiKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BillingSetInput"];
            };
        };
        responses: {
            /** @description The balance is set. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingSetEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    completeCheckout: {
        parameters: {
            query?: {
                /**
                 * @description One organization, by id. Takes precedence over `X-API-Key`.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org?: components["parameters"]["Org"];
            };
            header?: never;
            path: {
                /** @description The `sessionId` of `POST /v1/billing/topup`. */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is paid. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutCompletionEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fault configuration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultConfigEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    setFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultConfigInput"];
            };
        };
        responses: {
            /** @description The new fault configuration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultConfigEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No fault rule is left. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
}
