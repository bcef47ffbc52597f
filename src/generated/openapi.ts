/**
 * GENERATED FILE: do not edit.
 * Source: spec/openapi.yaml. Regenerate with `npm run gen`; `npm run gen:check` fails in CI when stale.
 * Import these types through src/api-types.ts, never directly.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description Answers 200 while the mock serves requests. The real orchestrator exposes `GET /health` for its
         *     CI smoke check (ci-workflows `examples/orchestrator-ci.yml`, `health_path: /health`); its body is not
         *     documented.
         *
         *     Mock decision (Part A, base URL): `GET /health` answers like the orchestrator's health check and needs
         *     no key. The body shape (`status`, `service`, `version`, not enveloped) is the mock's own choice.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's agents
         * @description Lists the agents of the caller's organization (docs: /api-reference/agents/list-agents-in-the-org;
         *     the page shows `{"data": [agent…]}` and no pagination fields). Order: creation order, oldest first.
         *
         *     Mock decision (Part A, list pagination): `limit` + opaque `cursor` in the query; `hasMore` and
         *     `nextCursor` at the top level of the response, as in the generated reference pages (Part B §7,
         *     conflict 2). A cursor the mock did not issue answers 400.
         */
        get: operations["listAgents"];
        put?: never;
        /**
         * Create or update an agent (upsert by slug)
         * @description Upserts an agent by organization and slug (docs: /api-reference/agents/create-runtime, the seed page).
         *     For sandbox-backed agents, create a sandbox first and pass its id or name in `sandbox`.
         *
         *     Mock decision (Part A, agents upsert): the first upsert of a slug answers **201** with
         *     `action: "created"` and `version: 1`; every later successful upsert of that slug answers **200** with
         *     `action: "updated"`, `version` + 1 and the same `id`. An upsert replaces the whole definition: fields
         *     it omits take their defaults (use `PATCH /v1/agents/{slug}` to change single fields). Concurrent
         *     upserts of one slug are serialized, so no update is lost and no version repeats. A rejected request
         *     changes nothing.
         *
         *     Mock decision (Part A, agent rules): `executionMode: in_sandbox` (the default) requires `sandbox`;
         *     `local-mac` requires `targetDeviceId` and forbids `sandbox`; both answer 400 `bad_request`. Whenever
         *     `sandbox` is given it must name an existing, non-destroyed sandbox of the caller's organization, by id
         *     or by name, else 404 `not_found` "Sandbox '<x>' not found". Numeric ranges come from docs: /limits.
         *
         *     Mock decision (Part A, agent response): the response has exactly the seed's fields. `endpoint` is
         *     `<public base URL>/v1/agents/<slug>/run`, the base being the URL the client called unless the mock
         *     is started with `--public-url`.
         */
        post: operations["upsertAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The agent's slug.
                 * @example code-assistant
                 */
                slug: components["schemas"]["AgentSlug"];
            };
            cookie?: never;
        };
        /**
         * Get an agent
         * @description Returns the full agent object (docs: /api-reference/agents/get-an-agent; the path parameter is the
         *     slug).
         *
         *     Mock decision (Part A, isolation): an agent of another organization answers 404, like a missing one.
         *     Mock decision (Part A, ids): `id` has the `agt_` prefix of the upsert response, not the generated
         *     page's uuid (Part B §7, conflict 3); the definition's model parameters come back in `configJson`.
         */
        get: operations["getAgent"];
        put?: never;
        post?: never;
        /**
         * Delete an agent
         * @description Deletes the agent. No API page documents this; the CLI has `runtools agent delete`
         *     (docs: /features/agents), and the response follows docs: /api-reference/sandboxes/delete.
         *
         *     Mock decision (Part A, status codes not shown in docs): 200 with `{"data": {"id", "deleted": true}}`.
         *     The slug is free again: a later upsert creates it afresh (201, new id, version 1).
         */
        delete: operations["deleteAgent"];
        options?: never;
        head?: never;
        /**
         * Update an agent (partial)
         * @description Changes only the fields sent (docs: /api-reference/agents/update-an-agent-partial; that page marks
         *     `slug` required in the body and shows no response body).
         *
         *     Mock decision (Part A, agents upsert): a successful PATCH adds 1 to `version` and answers 200 with
         *     the full agent. `slug` may be omitted; if present it must equal the path's slug, because renaming
         *     is not documented (400 otherwise). `null` clears `sandbox`, `targetDeviceId` and `description`.
         *
         *     Mock decision (Part A, agent rules): the rules are checked on the merged definition, so e.g. clearing
         *     the sandbox of an `in_sandbox` agent answers 400, and a `sandbox` that does not name an existing,
         *     non-destroyed sandbox of the organization answers 404. A rejected request changes nothing.
         */
        patch: operations["updateAgent"];
        trace?: never;
    };
    "/v1/sandboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sandboxes
         * @description Lists the organization's sandboxes (docs: /api-reference/sandboxes/list,
         *     /api-reference/sandboxes/list-sandboxes). Order: creation order, oldest first. Filters combine with
         *     AND: a sandbox is listed when its status is one of `status`, it carries every `tag`, and its template
         *     is `template`.
         *
         *     Mock decision (Part A, list pagination): `limit` defaults to 500 as in the current guide (Part B §7,
         *     conflict 5); `hasMore` and `nextCursor` at the top level; a cursor the mock did not issue answers 400.
         */
        get: operations["listSandboxes"];
        put?: never;
        /**
         * Create a sandbox
         * @description Creates a sandbox (docs: /api-reference/sandboxes/create, /api-reference/sandboxes/create-a-sandbox,
         *     /features/templates). The real API is credit-checked and can answer 402 `insufficient_credits`; the
         *     mock has no credits and never does, so 402 is not declared here.
         *
         *     Mock decision (Part A, sandboxes): 201 with `status: "creating"`; the sandbox becomes `running` once
         *     the configurable boot delay has passed (by default: by the caller's next request). `template`
         *     defaults to `base-ubuntu`, as in the SDK (the guide marks it required; Part B §7, conflict 11). `name`
         *     defaults to the sandbox id and is unique among the organization's non-destroyed sandboxes: a
         *     duplicate answers 409 `conflict`. The body may be left out entirely: the mock reads an absent body
         *     as `{}`, so every field takes its default.
         */
        post: operations["createSandbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        /**
         * Get a sandbox by id or name
         * @description Returns one sandbox, addressed by id or name, org-scoped (docs: /api-reference/sandboxes/get,
         *     /api-reference/sandboxes/get-a-sandbox).
         *
         *     Mock decision (Part A, sandboxes): the id is looked up first — a destroyed sandbox stays readable by
         *     id, with status `destroyed` — then the name, among non-destroyed sandboxes only. A sandbox of another
         *     organization answers 404 (Part A, isolation).
         */
        get: operations["getSandbox"];
        put?: never;
        post?: never;
        /**
         * Destroy a sandbox
         * @description Destroys a sandbox (docs: /api-reference/sandboxes/delete: `{"data": {"id", "deleted": true}}`,
         *     "true when deleted synchronously"; the real API's `async` and `stream` query options are not modelled).
         *
         *     Mock decision (Part A, sandboxes): the sandbox becomes `destroyed` synchronously and its name is free
         *     for a new sandbox; it stays readable by id. Agents that name it keep their `sandboxId` (the real API
         *     does not cascade, as far as documented). Destroying an already destroyed sandbox answers 404.
         */
        delete: operations["deleteSandbox"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a sandbox
         * @description Pauses a running sandbox (docs: /api-reference/sandboxes/pause, /api-reference/sandboxes/pause-a-sandbox:
         *     answers `pausing`, or `paused` — "Already paused or pause complete."). No request body.
         *
         *     Mock decision (Part A, sandboxes): `running` → answers `pausing`, and the sandbox is `paused` once the
         *     transition delay has passed. `pausing` or `paused` → answers the current status, changing nothing.
         *     `creating`, `resuming` or `destroyed` → 409 `conflict`.
         */
        post: operations["pauseSandbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused sandbox
         * @description Resumes a paused sandbox (docs: /api-reference/sandboxes/resume: `{"data": {"id", "status": "resuming"}}`).
         *     No request body.
         *
         *     Mock decision (Part A, sandboxes): `paused` → answers `resuming`, and the sandbox is `running` once the
         *     transition delay has passed; `resuming` → answers `resuming` again. `running`, `creating`, `pausing`
         *     or `destroyed` → 409 `conflict` (resuming a running sandbox is an illegal transition).
         */
        post: operations["resumeSandbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes/{id}/exec": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a command in a sandbox
         * @description Runs one command and answers its output (docs: /api-reference/sandboxes/exec,
         *     /api-reference/sandboxes/execute-a-command-in-a-sandbox). The answer is HTTP 200 whatever the exit
         *     code; a failing command shows in `exitCode`. The timing field is `durationMs`, as on the generated
         *     page (the hand-written page says `executionTime`; Part B §7, conflict 4).
         *
         *     Mock decision (Part A, sandboxes): only a `running` sandbox executes; any other status answers 409
         *     `conflict`. Nothing really runs. By default `echo ARGS` prints its arguments followed by a newline
         *     (`echo -n ARGS` without the newline), and any other command prints nothing and exits 0; the control
         *     plane can script other results.
         */
        post: operations["execSandboxCommand"];
        delete?: never;
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
             * @description Machine-readable error code (Part A, error codes).
             * @enum {string}
             */
            code: "bad_request" | "unauthorized" | "invalid_token" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal_error";
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
        /** @description String keys to string values (environment variables, metadata). */
        StringMap: {
            [key: string]: string;
        };
        /** @description The mock's health (not enveloped; a mock decision, the real body is not documented). */
        Health: {
            /** @constant */
            status: "ok";
            /** @constant */
            service: "runtools-mock";
            /** @description The mock's package version. */
            version: string;
        };
        /** @description URL-safe agent slug; lowercase letters, digits and inner hyphens (Part B §2.5). */
        AgentSlug: string;
        /** @description Agent id (prefixed form of the hand-written pages; Part A, ids). */
        AgentId: string;
        /**
         * @description Where the agent runs. `in_sandbox` needs a linked sandbox, `local-mac` a RunMesh device.
         * @enum {string}
         */
        ExecutionMode: "in_sandbox" | "managed" | "local-mac";
        /** @enum {string} */
        AgentVisibility: "private" | "org" | "public";
        /**
         * @description A core tool name or Tool Hub slug, or an object naming one; the object's other properties are tool
         *     configuration, stored and returned as given (user data, hence open in responses too).
         */
        AgentTool: string | ({
            name: string;
        } & {
            [key: string]: unknown;
        });
        /**
         * @description The full definition of an agent (docs: /api-reference/agents/create-runtime; ranges from docs: /limits).
         *     Fields omitted take their defaults. Unknown fields are accepted and ignored (Part A, unknown JSON
         *     fields) — this includes the seed page's `resources` array, which the mock does not model yet
         *     (`attachedResources` stays empty), and the extra fields of the PATCH page (`tier`, `seed`,
         *     `toolChoice`, `projectId`, `defaultFolderHint`).
         */
        AgentUpsertRequest: {
            slug: components["schemas"]["AgentSlug"];
            /** @description Display name. Defaults to the slug. */
            name?: string;
            /** @description Human-readable description. */
            description?: string;
            /**
             * @description Model identifier (the generated page's default).
             * @default claude-sonnet-4
             */
            model: string;
            /** @description Agent instructions. */
            systemPrompt?: string;
            /** @description Core tool names and Tool Hub slugs available to the agent. */
            tools?: components["schemas"]["AgentTool"][];
            /**
             * @description Id or name of a sandbox in the caller's organization (required for `in_sandbox`, forbidden for
             *     `local-mac`). Resolved into the response's `sandboxId`; unknown or destroyed → 404.
             */
            sandbox?: string;
            /** @default in_sandbox */
            executionMode: components["schemas"]["ExecutionMode"];
            /** @description RunMesh device id; required for `local-mac` agents. */
            targetDeviceId?: string;
            /** @description Environment variables; secret references are stored as given (the mock resolves none). */
            env?: components["schemas"]["StringMap"];
            /** @description Maximum agentic turns. */
            maxIterations?: number;
            /** @description Maximum output tokens. */
            maxTokens?: number;
            /** @description Sampling temperature. */
            temperature?: number;
            topP?: number;
            topK?: number;
            presencePenalty?: number;
            frequencyPenalty?: number;
            stopSequences?: string[];
            /** @description Display colour. */
            color?: string;
            /** @description Seed for the generated avatar. */
            avatarSeed?: string;
            /** @default private */
            visibility: components["schemas"]["AgentVisibility"];
            /** @description Provider-specific model options, stored and returned as given. */
            providerOptions?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Fields to change; every field of AgentUpsertRequest, all optional and without defaults (omitted
         *     means unchanged). `null` clears `sandbox`, `targetDeviceId` and `description`. `slug`, if present,
         *     must equal the path's slug (400 otherwise). Unknown fields are accepted and ignored (Part A, unknown
         *     JSON fields).
         */
        AgentPatchRequest: {
            slug?: components["schemas"]["AgentSlug"];
            name?: string;
            description?: string | null;
            model?: string;
            systemPrompt?: string;
            tools?: components["schemas"]["AgentTool"][];
            /** @description Sandbox id or name; `null` unlinks the sandbox. */
            sandbox?: string | null;
            executionMode?: components["schemas"]["ExecutionMode"];
            /** @description RunMesh device id; `null` clears it. */
            targetDeviceId?: string | null;
            env?: components["schemas"]["StringMap"];
            maxIterations?: number;
            maxTokens?: number;
            temperature?: number;
            topP?: number;
            topK?: number;
            presencePenalty?: number;
            frequencyPenalty?: number;
            stopSequences?: string[];
            color?: string;
            avatarSeed?: string;
            visibility?: components["schemas"]["AgentVisibility"];
            providerOptions?: {
                [key: string]: unknown;
            };
        };
        /** @description Exactly the seed page's response fields (Part A, agent response). */
        AgentUpsertResult: {
            id: components["schemas"]["AgentId"];
            slug: components["schemas"]["AgentSlug"];
            /**
             * @description `created` with HTTP 201 on the first upsert of the slug, `updated` with HTTP 200 after.
             * @enum {string}
             */
            action: "created" | "updated";
            /** @description Agent definition version. */
            version: number;
            /** @description Id of the linked sandbox; null when the agent has none. */
            sandboxId: string | null;
            targetDeviceId: string | null;
            /**
             * Format: uri
             * @description Convenience URL of the legacy per-agent run endpoint (`…/v1/agents/<slug>/run`).
             */
            endpoint: string;
        };
        AgentUpsertEnvelope: {
            data: components["schemas"]["AgentUpsertResult"];
            meta: components["schemas"]["Meta"];
        };
        /** @description The model parameters of the definition; a parameter never set is absent. */
        AgentConfig: {
            maxIterations?: number;
            maxTokens?: number;
            temperature?: number;
            topP?: number;
            topK?: number;
            presencePenalty?: number;
            frequencyPenalty?: number;
            stopSequences?: string[];
        };
        /** @description A workspace or sandbox attached to a managed or local-mac agent. */
        AttachedResource: {
            /** @enum {string} */
            type: "workspace" | "sandbox";
            resourceId: string;
            alias: string | null;
            /** @description Resource-specific settings, stored and returned as given. */
            config: {
                [key: string]: unknown;
            } | null;
        };
        /**
         * @description The agent object (docs: /api-reference/agents/list-agents-in-the-org, /api-reference/agents/get-an-agent).
         *     The id uses the `agt_` prefix of the hand-written pages rather than the generated pages' uuid
         *     (Part B §7, conflict 3).
         */
        Agent: {
            id: components["schemas"]["AgentId"];
            /** Format: uuid */
            orgId: string;
            slug: components["schemas"]["AgentSlug"];
            name: string;
            description: string | null;
            color: string | null;
            avatarSeed: string | null;
            avatarImageUrl: string | null;
            model: string;
            executionMode: components["schemas"]["ExecutionMode"];
            visibility: components["schemas"]["AgentVisibility"];
            /**
             * @description The mock always answers `draft`, the value the docs' example shows.
             * @enum {string}
             */
            status: "draft" | "active" | "archived";
            systemPrompt: string | null;
            toolsJson: components["schemas"]["AgentTool"][];
            sandboxId: string | null;
            /** @description Name of the linked sandbox; null when there is none. */
            sandboxSlug: string | null;
            targetDeviceId: string | null;
            configJson: components["schemas"]["AgentConfig"];
            /** @description Provider-specific model options, as given by the caller (user data, hence open). */
            providerOptions: {
                [key: string]: unknown;
            };
            envJson: components["schemas"]["StringMap"];
            /** @description Always empty until agent resources are modelled. */
            attachedResources: components["schemas"]["AttachedResource"][];
            version: number;
            /** Format: uuid */
            createdBy: string;
            /** Format: uuid */
            ownerUserId: string;
            ownerDisplayName: string | null;
            ownerEmail: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AgentEnvelope: {
            data: components["schemas"]["Agent"];
            meta: components["schemas"]["Meta"];
        };
        AgentList: {
            data: components["schemas"]["Agent"][];
            hasMore: boolean;
            /** @description Cursor of the next page; null on the last page. */
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        SandboxId: string;
        /** @description A sandbox id or name. */
        SandboxRef: string;
        /**
         * @description The documented statuses (generated list-sandboxes page).
         * @enum {string}
         */
        SandboxStatus: "pending" | "creating" | "running" | "pausing" | "paused" | "resuming" | "destroying" | "destroyed" | "stopped" | "failed" | "error" | "orphaned" | "suspected_missing";
        /**
         * @description Public templates (docs: /features/templates); custom templates are not available yet.
         * @enum {string}
         */
        SandboxTemplate: "base-ubuntu" | "desktop-ubuntu";
        /** @description Requested resources; each omitted field takes its default. */
        SandboxResources: {
            /** @default 2 */
            vcpus: number;
            /** @default 4GB */
            memory: string;
            /** @default 10GB */
            disk: string;
        };
        /**
         * @description Every field is optional. Unknown fields are accepted and ignored (Part A, unknown JSON fields), which
         *     includes the documented `sshKeys`, `rootPassword`, `mounts` and `projectId` the mock does not model.
         */
        SandboxCreateRequest: {
            /** @default base-ubuntu */
            template: components["schemas"]["SandboxTemplate"];
            /** @description Unique among the organization's non-destroyed sandboxes (duplicate → 409). Defaults to the id. */
            name?: string;
            tags?: string[];
            /**
             * @default {
             *       "vcpus": 2,
             *       "memory": "4GB",
             *       "disk": "10GB"
             *     }
             */
            resources: components["schemas"]["SandboxResources"];
            env?: components["schemas"]["StringMap"];
            /** @description Seconds of inactivity before auto-pause; 0 disables it. Omitted → platform default (null). */
            idleTimeout?: number;
            metadata?: components["schemas"]["StringMap"];
        };
        /**
         * @description A sandbox (generated pages' sandbox object, reduced to the fields the mock models). `sshReady` is true
         *     while running; `vncReady` and `vncUrl` (`https://6901-{id}.sandboxes.runtools.ai`) apply to
         *     `desktop-ubuntu` once it has booted.
         */
        Sandbox: {
            id: components["schemas"]["SandboxId"];
            name: string;
            status: components["schemas"]["SandboxStatus"];
            template: components["schemas"]["SandboxTemplate"];
            tags: string[];
            /** @description The resources the sandbox was given (defaults applied). */
            resources: {
                vcpus: number;
                memory: string;
                disk: string;
            };
            env: components["schemas"]["StringMap"];
            /** @description Seconds; null means the platform default. */
            idleTimeout: number | null;
            metadata: components["schemas"]["StringMap"];
            sshReady: boolean;
            vncReady: boolean;
            /** Format: uri */
            vncUrl: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SandboxEnvelope: {
            data: components["schemas"]["Sandbox"];
            meta: components["schemas"]["Meta"];
        };
        SandboxList: {
            data: components["schemas"]["Sandbox"][];
            hasMore: boolean;
            /** @description Cursor of the next page; null on the last page. */
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        SandboxTransition: {
            id: components["schemas"]["SandboxId"];
            status: components["schemas"]["SandboxStatus"];
        };
        SandboxTransitionEnvelope: {
            data: components["schemas"]["SandboxTransition"];
            meta: components["schemas"]["Meta"];
        };
        /** @description A command to run. Unknown fields are accepted and ignored (Part A, unknown JSON fields). */
        ExecRequest: {
            /** @description Shell command line. */
            command: string;
            /**
             * @description Milliseconds.
             * @default 30000
             */
            timeout: number;
            /**
             * @description Working directory.
             * @default /workspace
             */
            cwd: string;
            env?: components["schemas"]["StringMap"];
        };
        ExecResult: {
            stdout: string;
            stderr: string;
            exitCode: number;
            durationMs: number;
        };
        ExecResultEnvelope: {
            data: components["schemas"]["ExecResult"];
            meta: components["schemas"]["Meta"];
        };
    };
    responses: {
        /**
         * @description The request is invalid: it fails the schema (each violation in `details`, with a JSON pointer into
         *     the request), its body is not JSON, or it breaks a documented rule.
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
        /** @description No API key was sent, or the key is malformed or unknown. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No such resource in the caller's organization (a resource of another organization answers the same). */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request conflicts with the resource's state (duplicate name, illegal lifecycle transition). */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request body is larger than 1 MiB. */
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
    };
    parameters: {
        /**
         * @description Opaque cursor from a previous page's `nextCursor`; omit it for the first page.
         * @example eyJpZCI6InNhbmRib3gtYWJjMTIzIn0
         */
        Cursor: string;
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
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mock is up. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    listAgents: {
        parameters: {
            query?: {
                /**
                 * @description Page size.
                 * @example 50
                 */
                limit?: number;
                /**
                 * @description Opaque cursor from a previous page's `nextCursor`; omit it for the first page.
                 * @example eyJpZCI6InNhbmRib3gtYWJjMTIzIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of agents. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    upsertAgent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentUpsertRequest"];
            };
        };
        responses: {
            /** @description The slug existed; its definition was replaced (`action` updated, `version` + 1). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentUpsertEnvelope"];
                };
            };
            /** @description The slug was new in this organization; the agent was created at version 1. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentUpsertEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The agent's slug.
                 * @example code-assistant
                 */
                slug: components["schemas"]["AgentSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The agent's slug.
                 * @example code-assistant
                 */
                slug: components["schemas"]["AgentSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent is gone. */
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
            404: components["responses"]["NotFound"];
        };
    };
    updateAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The agent's slug.
                 * @example code-assistant
                 */
                slug: components["schemas"]["AgentSlug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentPatchRequest"];
            };
        };
        responses: {
            /** @description The updated agent (`version` + 1). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listSandboxes: {
        parameters: {
            query?: {
                /**
                 * @description Statuses to include; repeat the parameter for several (`?status=running&status=paused`). Default:
                 *     the active statuses, i.e. every status except `destroyed` and `orphaned`.
                 * @example [
                 *       "running",
                 *       "paused"
                 *     ]
                 */
                status?: components["schemas"]["SandboxStatus"][];
                /**
                 * @description A tag the sandbox must carry; repeatable (the sandbox must carry every one).
                 * @example [
                 *       "ci"
                 *     ]
                 */
                tag?: string[];
                /**
                 * @description Only sandboxes of this template.
                 * @example base-ubuntu
                 */
                template?: components["schemas"]["SandboxTemplate"];
                /**
                 * @description Page size.
                 * @example 100
                 */
                limit?: number;
                /**
                 * @description Opaque cursor from a previous page's `nextCursor`; omit it for the first page.
                 * @example eyJpZCI6InNhbmRib3gtYWJjMTIzIn0
                 */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of sandboxes. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SandboxCreateRequest"];
            };
        };
        responses: {
            /** @description The sandbox exists and is booting. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox is destroyed. */
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
            404: components["responses"]["NotFound"];
        };
    };
    pauseSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox's status after the request. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxTransitionEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    resumeSandbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sandbox's status after the request. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxTransitionEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    execSandboxCommand: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Sandbox id (`sandbox-…`) or name.
                 * @example build-runner
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExecRequest"];
            };
        };
        responses: {
            /** @description The command ran (whatever its exit code). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecResultEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
}
