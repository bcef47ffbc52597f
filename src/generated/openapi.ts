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
         *     conflict 2). A cursor the mock did not issue answers 400. `limit` defaults to 500, as the sandbox
         *     list's does (issue 14): the docs show no paging, so a client that reads only `data` sees every
         *     agent of an organization of up to 500.
         *
         *     Mock decision (issue 14): the docs' `all` query option (admin broadening to the whole
         *     organization) is accepted and changes nothing: every key of an organization already sees all of
         *     its agents, whoever created them, so there is nothing broader to show.
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
         *     Resources (the seed page: "Attached workspace or sandbox resources for managed and local-mac agents";
         *     docs: /api-reference/agents/create-runtime). Mock decision (issue 14): `resources` is accepted in
         *     every execution mode, `in_sandbox` included — the seed forbids them nowhere (docs /concepts: an
         *     agent has "optional linked resources"). Each entry must name a resource of the caller's
         *     organization — a workspace by its id or slug (docs /sdk/agents: `resourceId: 'shared-docs'`; the
         *     personal workspace included), a non-destroyed sandbox by its id or name — else 404 `not_found`
         *     "Workspace '<x>' not found" / "Sandbox '<x>' not found". The agent shows them, in the order given,
         *     as `attachedResources` (GET /v1/agents/{slug}), a sandbox and a workspace always by their ids;
         *     `GET /v1/workspaces/{id}/usage` lists the agent under the workspaces it attaches.
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
         *
         *     Resources (the seed page: "Attached workspace or sandbox resources for managed and local-mac agents"):
         *     `resources`, when sent, replaces the agent's whole list (send `[]` to clear it); omitted, the list
         *     stays. As on upsert, resources are accepted in every execution mode (mock decision, issue 14), and
         *     each entry must name a workspace (by id or slug) or non-destroyed sandbox (by id or name) of the
         *     organization, else 404 `not_found` "Workspace '<x>' not found" / "Sandbox '<x>' not found".
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
         *     AND: a sandbox is listed when its status is one of `status`, it carries every `tag`, its template is
         *     `template`, and its template is not `exclude_template` (docs: /api-reference/sandboxes/list,
         *     /sdk/sandboxes).
         *
         *     Mock decision (Part A, list pagination): `limit` defaults to 500 as in the current guide (Part B §7,
         *     conflict 5); `hasMore` and `nextCursor` at the top level; a cursor the mock did not issue answers 400.
         */
        get: operations["listSandboxes"];
        put?: never;
        /**
         * Create a sandbox
         * @description Creates a sandbox (docs: /api-reference/sandboxes/create, /api-reference/sandboxes/create-a-sandbox,
         *     /features/templates). The real API is credit-checked and answers 402 `insufficient_credits` when the
         *     organization has none left (docs: /api-reference/sandboxes/create-a-sandbox: "if the org cannot afford ~1
         *     hour of runtime"). Mock decision: 402 when the balance, less what running sandboxes owe, is under an hour
         *     of runtime at the mock's price (60 cents, docs/billing.md); nothing is created. A test sets the balance
         *     with `PUT /__mock/billing` (or asks with `Prefer: code=402`).
         *
         *     Mock decision (Part A, sandboxes): 201 with `status: "creating"`; the sandbox becomes `running` once
         *     the configurable boot delay has passed (by default: by the caller's next request). `template`
         *     defaults to `base-ubuntu`, as in the SDK (the guide marks it required; Part B §7, conflict 11). `name`
         *     defaults to the sandbox id and is unique among the organization's non-destroyed sandboxes: a
         *     duplicate answers 409 `conflict`. The body may be left out entirely: the mock reads an absent body
         *     as `{}`, so every field takes its default.
         *
         *     Mounts (docs: /api-reference/sandboxes/create-a-sandbox, /features/workspaces): each entry of `mounts`
         *     mounts a workspace of the caller's organization at `path`, which must be `/workspace` or below it
         *     (the schema: 400). A workspace id the organization does not have answers 404 `not_found`
         *     "Workspace '<id>' not found"; the personal workspace cannot be mounted (documented: 400
         *     `bad_request`); two mounts with the same `path` answer 400. The sandbox shows its `mounts` (with
         *     `readOnly` defaulted to false) and `hasWritableWorkspaceMount`. A rejected request creates nothing.
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
         *
         *     Destroying a sandbox releases its workspace mounts: the destroyed sandbox shows `mounts: []` and
         *     `hasWritableWorkspaceMount: false`, and `GET /v1/workspaces/{id}/usage` no longer lists it, nor the
         *     `in_sandbox` agents linked to it. The workspaces themselves are untouched.
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
         *     `conflict`. The command runs in a simulated bash (just-bash, docs/sandboxes.md) over the sandbox's own
         *     in-memory filesystem: quoting, pipes, redirection, `&&`/`||`, `sh -c`, background `&`, and the usual
         *     file and text commands. Files persist between commands, through pause and resume, and are gone when
         *     the sandbox is destroyed. `/workspace` (the default `cwd`), `/tmp` and the home `/root` exist; the
         *     user is root. The environment is the sandbox's `env` overlaid with the request's `env`. An unknown
         *     command exits 127 with `bash: <name>: command not found` on stderr; a `cwd` that does not exist
         *     exits 1 with a `cd` message; a command still running at `timeout` is stopped and exits 124; a write
         *     beyond `resources.disk` fails as on a full disk (non-zero exit, "No space left on device"). There is
         *     no network and no `node`/`python3`. A command the control plane scripts (`/__mock/scripts/exec`) is
         *     answered as scripted and does not run. Under `--seed`, the same commands print the same bytes
         *     (`date`, file times and `$RANDOM` come from the mock's clock and a per-sandbox seed).
         */
        post: operations["execSandboxCommand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes/{id}/url": {
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
         * Get the preview URL of a port
         * @description The URL at which a port of the sandbox is served (docs: /features/sandboxes, "The REST endpoint is:
         *     …/url?port=3000"; the SDK's `getUrl(id, port)` reads `url`, and the ComputeSDK provider parses it with
         *     `new URL`). The docs give no response shape; the ComputeSDK test double answers `{url, port}`.
         *
         *     Mock decision: `{data: {url, port}}` in the usual envelope, with the deterministic URL
         *     `https://<port>-<sandbox id>.sandboxes.runtools.ai` (the host pattern of the documented desktop URL,
         *     `https://6901-{sandboxId}.sandboxes.runtools.ai`). Nothing is served there. Any sandbox that is not
         *     destroyed has one (a destroyed sandbox answers 409 `conflict`); the agent tool `get_dev_url` answers
         *     the same URL. `port` is required, 1–65535.
         */
        get: operations["getSandboxUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run code statelessly
         * @description Runs a piece of code and answers the engine's raw payload, without the `{data, meta}` envelope
         *     (docs: /api-reference/execute, /features/code-execution, /sdk/code-execution: "Some execution
         *     endpoints return raw engine payloads for compatibility"). Errors keep the usual error envelope.
         *
         *     Mock decisions:
         *     - `bash` runs in the same simulated shell as sandbox exec (just-bash, docs/sandboxes.md), over a fresh
         *       filesystem that is thrown away afterwards. `code` is the script; with `files`, each file is written
         *       to `/workspace/<name>` (`main.sh`, `file1.sh`, … when unnamed) and the first one runs with `bash`.
         *       `stdin` is the script's input. `version` answers `5.1.0`, the bash version just-bash reports.
         *     - Every other documented language (python, javascript, typescript, c, c++, go, ruby, rust, java,
         *       csharp) has no interpreter in the mock: it answers 400 `bad_request` at `/body/language`. A test
         *       that needs an answer scripts one: `POST /__mock/scripts/responses` with `operationId: executeCode`
         *       and `match.body: {language: …}`.
         *     - `run_timeout` defaults to 5000 ms as on the API reference page (the features page says 300000;
         *       Part B §7, conflict 9). A run still going at the timeout is stopped: `run.code` is null and
         *       `run.signal` is `SIGKILL`. `compile_timeout` is accepted; bash compiles nothing, so there is no
         *       `compile` stage in the answer.
         *     - Nothing persists between calls, as the reference page says; a `session_id` is answered back
         *       unchanged (the features page's persistent sessions are not modelled).
         *     - `run.memory_kb` is 0: the mock measures no memory. `run.time_ms` is the run's duration on the
         *       mock's clock (0 under `--seed`).
         */
        post: operations["executeCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organization's workspaces
         * @description Lists the workspaces of the caller's organization with its storage summary (docs:
         *     /api-reference/workspaces/manage: `{"data": {"workspaces": […], "storage": {"usedBytes",
         *     "quotaBytes", "unlimited"}}}`). The page holds workspaces in creation order, the personal workspace
         *     first: every organization has its personal workspace (`isPersonal: true`, slug `personal`, name
         *     `Personal`) from its first request. `storage` summarises the whole organization, not the page:
         *     `usedBytes` is the sum of every workspace's `sizeBytes`, `quotaBytes` the organization's quota, and
         *     `unlimited` is false. Mock decision (issue 14): the docs' `all` query option
         *     (admin broadening) is accepted and changes nothing: every key of an organization already sees
         *     all of its workspaces.
         *
         *     Mock decision (Part A, list pagination): `limit` + opaque `cursor` in the query; `hasMore` and
         *     `nextCursor` at the top level, next to `data`, and they page `data.workspaces`. A cursor the mock did
         *     not issue answers 400. `limit` defaults to 500, as the sandbox list's does (issue 14): the docs show
         *     no paging, so a client that reads only `data.workspaces` sees them all, up to 500.
         */
        get: operations["listWorkspaces"];
        put?: never;
        /**
         * Create a workspace
         * @description Creates an organization workspace (docs: /api-reference/workspaces/manage, body `{name, slug}`;
         *     /advanced/filesystem). The new workspace is empty (`sizeBytes` 0) and can be mounted on sandboxes
         *     (`mounts` of `POST /v1/sandboxes`) and attached to managed and local-mac agents (`resources` of
         *     `POST /v1/agents`).
         *
         *     Mock decision (Part A, ids): the id is a UUID. The slug is unique within the organization, the
         *     personal workspace's `personal` included: a taken slug answers 409 `conflict`. A `slug` left out is
         *     derived from the name: lower-cased, every run of characters other than `a-z` and `0-9` turned into
         *     one hyphen, cut to 64 characters and trimmed of hyphens (`Customer Exports 2026` →
         *     `customer-exports-2026`). A name that yields an empty slug (`!!!`) needs an explicit `slug`, else 400
         *     `bad_request`. A rejected request creates nothing.
         */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID) or its slug (docs: /sdk/agents names a workspace `shared-docs`); an
                 *     unknown one answers 404, anything that is neither a UUID nor a slug 400.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["schemas"]["WorkspaceRef"];
            };
            cookie?: never;
        };
        /**
         * Get a workspace
         * @description Returns one workspace of the caller's organization (docs: /api-reference/workspaces/manage).
         *
         *     Mock decision (Part A, isolation): a workspace of another organization answers 404 `not_found`, like
         *     a missing one. Mock decision (issue 14): the path takes the workspace's UUID or its slug (the SDK
         *     names workspaces by slug, docs: /sdk/agents); the answer is the same workspace either way.
         */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        /**
         * Delete a workspace
         * @description Deletes a workspace (docs: /api-reference/workspaces/manage: `?force=true`; without it a workspace in
         *     use answers 409 `WORKSPACE_IN_USE`). A workspace is in use when a non-destroyed sandbox mounts it,
         *     an agent attaches it as a resource, or an `in_sandbox` agent's linked sandbox mounts it — exactly
         *     when `GET /v1/workspaces/{id}/usage` answers `inUse: true`.
         *
         *     Without `force` (or with `force=false`), a workspace in use answers 409 `WORKSPACE_IN_USE` with a
         *     message naming the sandboxes and agents that use it, and nothing changes. With `force=true` the
         *     workspace is deleted and the references to it go with it: its mounts are removed from every sandbox
         *     (whose `hasWritableWorkspaceMount` follows), and it is removed from the `attachedResources` of every
         *     agent that attaches it. The agents and sandboxes themselves stay. The slug is free again afterwards.
         *
         *     Mock decision (Part A, status codes not shown in docs): 200 with `{"data": {"id", "deleted": true}}`.
         *     The personal workspace cannot be deleted, with or without `force`: 400 `bad_request` (a mock
         *     decision; the docs say nothing). A workspace of another organization answers 404 (Part A, isolation).
         */
        delete: operations["deleteWorkspace"];
        options?: never;
        head?: never;
        /**
         * Rename a workspace
         * @description Renames a workspace (docs: /api-reference/workspaces/manage, body `{name}`). Only the name changes:
         *     the slug stays what it was, so mounts, agent resources and anything that names the slug keep
         *     working; `updatedAt` moves. The personal workspace can be renamed too.
         *
         *     Mock decision (Part A, isolation): a workspace of another organization answers 404 `not_found`.
         *     A rejected request changes nothing.
         */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
    "/v1/workspaces/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID) or its slug (docs: /sdk/agents names a workspace `shared-docs`); an
                 *     unknown one answers 404, anything that is neither a UUID nor a slug 400.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["schemas"]["WorkspaceRef"];
            };
            cookie?: never;
        };
        /**
         * Who uses a workspace
         * @description Reports every sandbox and agent of the organization that references the workspace (docs:
         *     /api-reference/workspaces/workspace-reference-summary). `mountedSandboxes` lists the non-destroyed
         *     sandboxes with a mount of it (a destroyed sandbox has released its mounts), one entry per mount.
         *     `customAgents` lists, each agent once, the agents that attach it as a resource and the `in_sandbox`
         *     agents whose linked sandbox mounts it. `installableAgents` is always empty: the mock has no
         *     installable agents. `counts` holds the length of each list, and `inUse` is true when any list is
         *     non-empty — the condition under which `DELETE /v1/workspaces/{id}` without `force` answers 409
         *     `WORKSPACE_IN_USE`. Lists are in creation order of the sandboxes and agents.
         *
         *     Mock decision (Part A, isolation): a workspace of another organization answers 404 `not_found`, and
         *     only the caller's organization's sandboxes and agents are counted.
         */
        get: operations["getWorkspaceUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace root
         * @description Lists a directory's entries: the root (`/files`) or the directory the path names. Dot entries are left
         *     out unless `showHidden=true`. Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         *     A path that names a file answers 400; one that names nothing, 404.
         */
        get: operations["listWorkspaceRootEntries"];
        /**
         * Copy or move entries by id
         * @description Copies or moves up to 250 entries (see WorkspaceEntryBatchRequest). Answers the entries at their destination, in the order of `ids`. Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        put: operations["batchMutateWorkspaceEntries"];
        /**
         * Create a file or folder in the root
         * @description Creates a file or a directory named `name` inside the directory the path names (the root without one).
         *     The directory must exist (404), and nothing of that name may be there yet (409). `folder` is accepted as
         *     `directory`. Answers the new entry. Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        post: operations["createWorkspaceRootEntry"];
        /**
         * Delete entries by id
         * @description Deletes up to 250 entries by id, all or nothing (an unknown id answers 404 and nothing is deleted; the root cannot be deleted, 400). Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        delete: operations["deleteWorkspaceEntries"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}/files/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a directory
         * @description Lists a directory's entries: the root (`/files`) or the directory the path names. Dot entries are left
         *     out unless `showHidden=true`. Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         *     A path that names a file answers 400; one that names nothing, 404.
         */
        get: operations["listWorkspaceEntries"];
        /**
         * Rename, move, copy or write one entry
         * @description Renames, moves, copies or writes the entry the path names (see WorkspaceEntryMutateRequest for what
         *     `target` means for each). Answers the entry as it is afterwards. Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        put: operations["mutateWorkspaceEntry"];
        /**
         * Create a file or folder inside a directory
         * @description Creates a file or a directory named `name` inside the directory the path names (the root without one).
         *     The directory must exist (404), and nothing of that name may be there yet (409). `folder` is accepted as
         *     `directory`. Answers the new entry. Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        post: operations["createWorkspaceEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Storage usage of the workspace
         * @description Used, free and total bytes in this workspace's context (see WorkspaceDriveInfo). Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        get: operations["getWorkspaceDriveInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}/info/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Size and count of an entry
         * @description Size and count of the entry the path names (see WorkspaceEntryInfo). Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        get: operations["getWorkspaceEntryInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file to the root (or to query id)
         * @description Uploads one file (multipart `file`; optional `name` overrides its filename) into the directory the path
         *     names (the root without one; the root form also takes the directory as query `id`). The directory is made
         *     if missing; a file of that name is replaced. Bytes are stored as sent (binary-safe). Mock decision: the
         *     body may be at most 100 MiB (413 beyond; docs /limits: default max upload 100 MB). Answers the entry. Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        post: operations["uploadWorkspaceRootFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}/upload/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file to a directory
         * @description Uploads one file (multipart `file`; optional `name` overrides its filename) into the directory the path
         *     names (the root without one; the root form also takes the directory as query `id`). The directory is made
         *     if missing; a file of that name is replaced. Bytes are stored as sent (binary-safe). Mock decision: the
         *     body may be at most 100 MiB (413 beyond; docs /limits: default max upload 100 MB). Answers the entry. Raw answer (no envelope), as the storage service answers (docs: /api-reference/workspaces/files).
         */
        post: operations["uploadWorkspaceFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{id}/direct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download one file
         * @description Streams one file's bytes, as stored (binary-safe). Mock decision: the Content-Type is always
         *     `application/octet-stream`; the file's own media type is its entry's `mimeType`. `download=true` answers it as an
         *     attachment (`Content-Disposition: attachment; filename=…`); otherwise inline. A directory answers 400,
         *     an unknown id 404. Errors are JSON with the usual error envelope.
         */
        get: operations["downloadWorkspaceFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List recent agent runs
         * @description Lists the organization's recent agent runs, newest first (docs:
         *     /api-reference/agent-runs/list-recent-agent-runs: "list recent agent runs", items
         *     `{id, sandboxId, agentId, userId, status, createdAt}`). The mock adds `agentSlug`, `threadId` and
         *     `completedAt` (Mock decision (issue 4)). Mock decision (issue 14): the docs' `all` query option
         *     (admin broadening) is accepted and changes nothing: every key of an organization already sees
         *     the runs of all its members.
         *
         *     Filters: `agent` (slug or id; an agent the organization does not have matches no run, so the page
         *     is empty rather than 404) and `status` (the docs list `running`, `completed`, `failed` and
         *     `cancelled`; the mock accepts every `RunStatus`).
         *
         *     Mock decision (Part A, ids): run ids are `run_…`, not the generated page's uuid (Part B §7,
         *     conflict 3). Mock decision (Part A, list pagination): `limit` + opaque `cursor`; `hasMore` and
         *     `nextCursor` at the top level. A cursor the mock did not issue answers 400.
         */
        get: operations["listRuns"];
        put?: never;
        /**
         * Run an agent (streaming or one-shot)
         * @description Runs an agent of the caller's organization, named by slug or id in `agent` (docs:
         *     /api-reference/agents/run, /api-reference/agents/stream,
         *     /api-reference/agent-runs/run-an-agent-streaming-or-one-shot). "Either prompt or messages is
         *     required"; `stream` picks the form of the 200:
         *
         *     - `stream: true` or omitted (the documented default) → `text/event-stream`, one SSE frame per event
         *       (framing and order on the media type; each frame's `data:` is a `RunStreamEvent`).
         *     - `stream: false` → `application/json` `{"data": RunResult, "meta": …}`.
         *
         *     Both answers carry the run's id in `X-Run-ID` and its thread's id in `X-Thread-ID`, next to
         *     `X-Request-Id`. The docs say stream "event names and payloads are produced by the active agent
         *     runtime and may vary by execution mode"; the names and payloads here are the mock's, taken from the
         *     documented live frame types (Mock decision (issue 4)).
         *
         *     Mock decision (issue 4), the reply: no model runs, and by default the reply is deterministic. The
         *     assistant answers `[<agent slug>] You said: <prompt>`, `<prompt>` being `prompt`, or when only
         *     `messages` is sent, the last `user` message (its `content`, else its `parts`' text joined). When
         *     the agent is `in_sandbox`, has the `exec_command` tool (by name or as `{name: exec_command}`) and
         *     the prompt holds a command in backticks (e.g. "run `echo hi`"), the mock first calls
         *     `exec_command` with the first such command in the linked sandbox — with the result
         *     `POST /v1/sandboxes/{id}/exec` would give — and reports its output (`tool_call_started`, then
         *     `tool_call_completed` whose `output` is `{stdout, stderr, exitCode}`, or `{error}` when the
         *     sandbox could not run it), then answers with the same template. A tool call adds one to
         *     `iterations`. `usage` is estimated at about four characters a token.
         *
         *     Mock decision (issue 4), execution modes (docs: /api-reference/agent-runs/run-an-agent-streaming-or-one-shot,
         *     /features/runmesh):
         *
         *     - `in_sandbox`: the agent's linked sandbox must be `running`; paused, in any other status, or
         *       destroyed → 409 `conflict`. The run completes before a JSON answer (`status: completed`,
         *       `sandboxId` set).
         *     - `managed`: completes likewise, with `sandboxId: null`.
         *     - `local-mac`: the run is registered and dispatched through RunMesh to the agent's
         *       `targetDeviceId`. The mock has no devices: the JSON answer is `status: dispatched` with
         *       `result: null`, zero `usage` and `iterations: 0`, and a stream sends `run_started` and
         *       `run_dispatched`, then ends. The run stays `dispatched` until cancelled.
         *
         *     Mock decision (issue 4), threads: without `threadId` the run creates a thread (`thr_…`) for the
         *     agent, titled after the run's message; with one it continues that thread — unknown, deleted, or
         *     of another organization → 404 `not_found`; a thread of another agent of the organization → 409
         *     `conflict`. Each run is a new rollout of its thread (`rolloutId`, `rol_…`; the docs list "rollouts
         *     (run instances) for a thread"), which becomes the thread's `activeRolloutId`. Every run appends
         *     durable events to its thread (see `ThreadEvent`): `run_started`, `user_message`, then `tool_call`
         *     and `tool_result` for a tool call, `assistant_message` and `run_completed`; the thread's
         *     `updatedAt` moves.
         *
         *     Mock decision (issue 4), ending a stream early: a client that disconnects before the stream ends
         *     leaves the run `cancelled` (its thread records `run_completed` with status `cancelled`), never
         *     running. `POST /v1/run/{id}/cancel` during a stream ends it with a `run_completed` frame whose
         *     status is `cancelled`.
         *
         *     Errors: 400 on the schema, when neither `prompt` nor `messages` is sent (`/body/prompt`), or when
         *     `messages` alone holds no `user` message (`/body/messages`) — both enforced by the mock, not by the
         *     schema; 404 for an unknown agent or thread; 409 as above. A rejected request creates no run and
         *     no thread. `config` is validated against its documented ranges; `metadata` is accepted.
         */
        post: operations["runAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/run/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The run's id (`run_…`; anything else answers 400).
                 * @example run_abc123
                 */
                id: components["schemas"]["RunId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an agent run
         * @description Cancels a run that has not finished (docs: /api-reference/agent-runs/cancel-an-agent-run: path `id`,
         *     "200 Cancelled.", body not shown). No request body.
         *
         *     Mock decision (issue 4): a `registered`, `running` or `dispatched` run becomes `cancelled` and the
         *     answer is `{"data": {"id", "status": "cancelled"}}`. If a stream is still open for the run, the
         *     stream ends with a `run_completed` frame whose status is `cancelled`, and the thread records
         *     `run_completed` with status `cancelled`. A run that already finished (`completed`, `failed` or `cancelled`) answers 409
         *     `conflict` and stays as it was. A run of another organization answers 404 (Part A, isolation);
         *     run ids are `run_…` rather than the generated page's uuid (Part A, ids).
         */
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{slug}/run": {
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
        get?: never;
        put?: never;
        /**
         * Run an agent (legacy per-agent endpoint)
         * @description The legacy per-agent run endpoint (docs: /api-reference/agents/run: "the legacy per-agent run
         *     endpoint still exists"; new code should prefer `POST /v1/run`, "because it has the same request
         *     shape used by the SDK and thread helpers"). The upsert's `endpoint` points here.
         *
         *     Mock decision (issue 4): the body is `POST /v1/run`'s without `agent` — the path's slug names the
         *     agent (an `agent` field, if sent, is ignored like any unknown field) — and everything else is the
         *     same: streaming by default or JSON with `stream: false`, the `X-Run-ID` and `X-Thread-ID` headers,
         *     the deterministic reply and its `exec_command` tool call, the execution modes, threads and thread
         *     events, and the errors (404 for an unknown slug or thread, 409 for a sandbox that is not running or
         *     a thread of another agent). See `runAgent`.
         */
        post: operations["runAgentLegacy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List threads
         * @description Lists the organization's conversation threads, most recently updated first (docs:
         *     /api-reference/threads, /api-reference/threads/list-threads). A run's events move its thread's
         *     `updatedAt`, so the thread of the latest run comes first. "Members see their own" by default: the
         *     threads whose `ownerUserId` is the caller's user (the holder of the API key; an organization of one
         *     key has one user, so this is every thread); `all=true` lists every member's (Mock decision (issue 14)).
         *
         *     Filters: `agent` (slug or id; an agent the organization does not have matches no thread, so the
         *     page is empty rather than 404) and `archived` (false by default: only threads that are not archived;
         *     true: archived threads are included, as the guide says, "Include archived threads when listing").
         *
         *     Mock decision (Part A, list pagination): the generated page's shape, `{"data": {"threads": […]},
         *     "hasMore", "nextCursor"}` (Part B §7, conflict 2), plus `meta`; `hasMore` and `nextCursor` page
         *     `data.threads`. `limit` goes up to 500, as on the generated page (the guide says 100; Part B §7,
         *     conflict 6). A cursor the mock did not issue answers 400.
         */
        get: operations["listThreads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/threads/{threadId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        /**
         * Get a thread snapshot
         * @description Returns the thread and its durable events (docs: /api-reference/threads,
         *     /api-reference/threads/get-a-thread-snapshot: `{"data": {"thread": {…}, "events": […]}}`).
         *
         *     Which events (Mock decision (issue 14)): the guide reads only the active rollout's history by default,
         *     "Use include=all_rollouts on snapshot or event reads when you need non-active rollout history", and
         *     calls rollouts "compaction rollouts". In the mock a rollout is a run or a compaction, so the active
         *     history is every event since the latest compaction (from its `compaction_started` on); a thread never
         *     compacted has all its events there. `include=all_rollouts` gives every event of the thread. `limit`
         *     ("Maximum number of rows to return") keeps the most recent `limit` of those events, still in increasing
         *     `sequence`; without it the snapshot holds them all. Page through long histories with
         *     `GET /v1/threads/{threadId}/events`. A thread of another organization answers 404 (Part A, isolation).
         */
        get: operations["getThread"];
        put?: never;
        post?: never;
        /**
         * Delete a thread
         * @description Deletes the thread and its events (docs: /api-reference/threads; the response is not documented).
         *
         *     Mock decision (Part A, status codes not shown in docs): 200 with `{"data": {"id", "deleted": true}}`.
         *     The events go with the thread; a later run with that `threadId` answers 404, as do the thread's
         *     reads. The thread's runs stay listed by `GET /v1/run`. A thread of another organization answers 404
         *     (Part A, isolation).
         */
        delete: operations["deleteThread"];
        options?: never;
        head?: never;
        /**
         * Rename or archive a thread
         * @description Changes the thread's `title` and/or `archived` (docs: /api-reference/threads/rename-or-archive-a-thread:
         *     body `{archived?, title?}`, "200 Updated."). `title: null` clears the title. `updatedAt` moves.
         *
         *     Mock decision (issue 4): the answer is the updated thread, `{"data": Thread, "meta"}`, rather than
         *     the docs' bare "Updated.". An empty body object answers 400 (the schema). An archived thread is left out of
         *     `GET /v1/threads` unless `archived=true` is asked for. A thread of another organization answers 404
         *     (Part A, isolation). A rejected request changes nothing.
         */
        patch: operations["updateThread"];
        trace?: never;
    };
    "/v1/threads/{threadId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        /**
         * List a thread's durable events
         * @description Pages through the thread's durable event history in increasing `sequence` (docs: /api-reference/threads,
         *     /api-reference/threads/list-durable-thread-events: `{"data": {"thread": {…}, "events": […]},
         *     "hasMore", "nextCursor"}`), plus `meta`. Each page carries the thread too. The pages cover the active
         *     history (every event since the latest compaction, as on the snapshot); `include=all_rollouts` covers
         *     every event; `rollout_id` only that rollout's events (a rollout the thread does not have answers 404),
         *     whatever `include` says (Mock decision (issue 14)).
         *
         *     Mock decision (Part A, list pagination): `limit` + opaque `cursor`; `hasMore` and `nextCursor` at
         *     the top level page `data.events`. A cursor the mock did not issue answers 400. A thread of another
         *     organization answers 404 (Part A, isolation).
         */
        get: operations["listThreadEvents"];
        put?: never;
        /**
         * Append durable thread events
         * @description Appends durable events of one run to the thread, as the Mac sidecar does for a local-mac run it carries
         *     out (docs: /api-reference/threads/append-durable-thread-events: body `{events, runId, rolloutId}`, answer
         *     `{"data": {threadId, rolloutId, sequence, appended}}`; /features/runmesh: "the Mac sidecar then executes
         *     locally and publishes thread events back to the platform").
         *
         *     Mock decisions (issue 14): the events are numbered after the thread's last and stamped with the
         *     server's time; the run must be a run of this thread that is handed to a device (`dispatched` or
         *     `registered`; a run the mock carries out itself, or one that finished, answers 409); a `run_completed`
         *     event finishes the run with its payload's `status` (`completed`, `failed` or `cancelled`), which
         *     `GET /v1/run` then shows, with `completedAt`, and the activity feed records (`agent.run.completed`…).
         *     Every event is checked before any is appended: one bad event answers 400 and appends nothing. The
         *     docs show no status; the mock answers 200.
         */
        post: operations["appendThreadEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/threads/{threadId}/rollouts": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        /**
         * List a thread's rollouts
         * @description The rollouts of a thread, oldest first (docs:
         *     /api-reference/threads/list-rollouts-run-instances-for-a-thread: `{"data": {"thread", "rollouts":
         *     [{rolloutId, threadId, startedAt, completedAt, eventCount}]}}`). In the mock each run is one rollout
         *     (the OAS page's "run instances"), and so is each compaction (the guide's "compaction rollouts"):
         *     `startedAt` is its first event, `completedAt` its `run_completed` or `compaction_completed` event (null
         *     while the run is open or dispatched), `eventCount` its events. A thread of another
         *     organization answers 404 (Part A, isolation).
         */
        get: operations["listThreadRollouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/threads/{threadId}/compact": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Manually compact a thread
         * @description Triggers manual compaction, which "rolls history into a summarizing snapshot" (docs:
         *     /api-reference/threads/manually-compact-a-thread, 200 "Compacted."; the guide lists
         *     `compaction_started` / `compaction_completed` as durable "rollout lifecycle" events). There is no
         *     automatic compaction, as the docs say.
         *
         *     Mock decisions (issue 14): a compaction is a new rollout of the thread, which becomes its
         *     `activeRolloutId`. It records `compaction_started` `{reason: "manual", previousRolloutId}` and
         *     `compaction_completed` `{summary, compactedEventCount}` (runId null), where `summary` is a deterministic
         *     digest of the active history's messages (each `role: content`, joined by newlines, at most 2,000
         *     characters) and `compactedEventCount` how many events it rolled up. From then on the snapshot and the
         *     event list read from the compaction on, unless asked for `include=all_rollouts`; nothing is deleted.
         *     A thread with a run in flight (running, dispatched, registered) answers 409: its history is still being
         *     written. The answer (inferred; the docs show none) is the thread and the new rollout.
         */
        post: operations["compactThread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/run/threads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an agent's threads (legacy)
         * @description The legacy agent-thread list behind the SDK's `rt.agent.threads()` (docs: /api-reference/agents/run,
         *     `GET /v1/run/threads?agent=`). Its answer is not documented.
         *
         *     Mock decision (issue 14): it answers exactly what `GET /v1/threads?agent=<agent>` answers (the caller's
         *     threads that are not archived, most recently updated first, the same paging), so that both lists agree; `agent` is
         *     required (400 without it) and names the agent by slug or id (an agent the organization does not have
         *     has no threads: an empty page).
         */
        get: operations["listAgentThreadsLegacy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the current user
         * @description The user behind the caller's key (docs: /api-reference/profile/get-current-user; the docs call it
         *     with a dashboard session, the mock with any accepted key, as the generated page allows an API key
         *     as a Bearer token).
         *
         *     Mock decision (issue 14, key → organization model): the user of a key is derived from the key; a
         *     key issued through `POST /v1/api-keys` is its creator's, so it answers the same user.
         */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an organization
         * @description Creates an organization with the caller as its admin, a default project and a Personal workspace
         *     (docs: /api-reference/organizations/create-a-new-organization). The caller's key keeps acting in
         *     its own organization; the new one is readable by its members (`GET /v1/organizations/{id}`).
         *
         *     Mock decision (issue 14): a key belongs to exactly one organization, so nothing switches to the new
         *     one. To act in it, list its id in a keys file (`--keys`, `organizations[].id`). Sign-up credits
         *     are not granted (billing is not modelled by this tag). The slug is the name lower-cased, every run
         *     of other characters than `a-z0-9` one hyphen, followed by `-` and 6 characters of the id, so that
         *     two organizations of the same name differ.
         */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the active organization
         * @description The organization of the caller's key (docs: /api-reference/organizations/get-the-active-organization).
         *     Mock decision (Part A, tenancy): with a keys file, the organization the file maps the key to;
         *     otherwise the key's own organization; for a key issued through `POST /v1/api-keys`, its creator's.
         */
        get: operations["getCurrentOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The organization's id (a UUID; anything else answers 400).
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                id: components["schemas"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * Get an organization
         * @description One organization the caller is a member of (docs: /api-reference/organizations/get-an-organization):
         *     its key's organization, or one it created with `POST /v1/organizations`.
         *
         *     Mock decision (Part A, isolation): any other organization answers 404 `not_found`, like a missing one.
         */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The organization's id (a UUID; anything else answers 400).
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                id: components["schemas"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * List an organization's members
         * @description The members of an organization the caller belongs to (docs:
         *     /api-reference/organizations/list-org-members), in the order they joined. The docs show no paging;
         *     neither does the mock.
         *
         *     Mock decision (issue 14): the members are the users whose keys made accepted requests in the
         *     organization (keys of a keys file that share an organization are its members once they call).
         *     Any organization the caller is not a member of answers 404 `not_found` (Part A, isolation).
         */
        get: operations["listOrganizationMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description The organization's keys issued through `POST /v1/api-keys`, oldest first, without their secrets.
         *     Revoked keys are left out, as in the auth service (`GET /v1/api-keys` is not on a docs page; the CLI
         *     has `runtools auth keys list`). Expired keys stay, with `status: expired`. Keys of a keys file, and
         *     the keys that are organizations of their own, are not issued keys and are not listed.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Creates a key of the caller's organization, owned by the caller (docs:
         *     /api-reference/api-keys/create-an-api-key). The answer is the only time the secret (`key`) is shown:
         *     lists and reads show `keyPrefix` only, the mock stores only the secret's SHA-256 digest, and the
         *     request journal never holds it.
         *
         *     The key authenticates at once, as its creator: same organization, same user (`GET /v1/me`), also
         *     with a keys file (`--keys`), which need not list it. It stops working at once when it is revoked
         *     (`DELETE`), rotated, or past `expiresAt` (401 `invalid_token`, and 401 `token_expired` for an expired
         *     key, the auth service's codes).
         *
         *     Mock decision (issue 14): scopes are recorded, not enforced. A create is recorded in the activity
         *     feed (`api_key.created`).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (a UUID; anything else answers 400).
                 * @example 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
                 */
                id: components["schemas"]["ApiKeyId"];
            };
            cookie?: never;
        };
        /**
         * Get an API key (metadata only)
         * @description One key's metadata (docs: /api-reference/api-keys/get-an-api-key-metadata-only), never its secret.
         *     Mock decision (issue 14): a revoked key still answers, with `status: revoked` and `revokedAt`; a key
         *     of another organization answers 404 (Part A, isolation).
         */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revokes a key (a soft delete, as in the auth service; CLI `runtools auth keys revoke`): from the
         *     next request on it answers 401 `invalid_token` "API key not found or revoked", it leaves the list,
         *     and `GET` shows it with `status: revoked`. A key may revoke itself. Mock decision (Part A, status
         *     codes not shown): 200 with `{id, deleted: true}`; revoking a revoked key answers 404.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        /**
         * Update an API key
         * @description Changes a key's name, scopes or project (docs: /api-reference/api-keys/update-an-api-key, "200
         *     Updated."); the secret stays the same. Mock decision (issue 14): the answer is the key's metadata;
         *     a revoked key answers 409 `conflict`; an empty `scopes` means `["*"]`, as on create.
         */
        patch: operations["updateApiKey"];
        trace?: never;
    };
    "/v1/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (a UUID; anything else answers 400).
                 * @example 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
                 */
                id: components["schemas"]["ApiKeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an API key
         * @description Replaces a key with a new one (CLI `runtools auth keys rotate <id> --name`, /organizations; no API
         *     page). Mock decision (issue 14): the new key has a new id and secret, the old key's scopes,
         *     project, test/live kind and lifetime (counted from now), and the given name or the old one; the old
         *     key is revoked at once. 201 with the new key and its secret, shown this once. A revoked key answers
         *     409 `conflict`.
         */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List activity events
         * @description The organization's activity, newest first (docs: /api-reference/activity,
         *     /api-reference/activity/list-customer-activity-events), filtered by every documented query option;
         *     options combine (all must hold). `actor_user_id` of another user is allowed (every caller is an
         *     admin in the mock).
         *
         *     Mock decision (issue 14): the mock records an event for every state change it makes (see
         *     `ActivityEvent`), and reading the feed records nothing. Memory is bounded: an organization keeps its
         *     newest 10,000 events, and older ones drop off. Paging follows Part A (top-level `hasMore` and
         *     `nextCursor`; Part B §7, conflict 2); a cursor the mock did not issue answers 400.
         */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sandboxes/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The sandbox's id or name.
                 * @example sandbox-abc123
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        /**
         * List a sandbox's activity
         * @description The events of one sandbox (`sandbox_id`), newest first (docs:
         *     /api-reference/activity/sandbox-activity-events): its lifecycle, commands, and the runs and tool
         *     calls of agents linked to it. A destroyed sandbox keeps its feed. A sandbox of another organization
         *     answers 404 (Part A, isolation).
         */
        get: operations["listSandboxActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/threads/{threadId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id.
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        /**
         * List a thread's activity
         * @description The events of one thread (`thread_id`), newest first (docs:
         *     /api-reference/activity/activity-events-scoped-to-a-thread): its runs, their tool calls and the
         *     thread's own changes. A thread of another organization, or a deleted one, answers 404.
         */
        get: operations["listThreadActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List secrets (metadata only)
         * @description The caller's own secrets and the organization-wide ones, by name, never their values (docs:
         *     /advanced/secrets). The docs show no paging; neither does the mock.
         *
         *     Mock decision (Part B §7, conflict 7): the mock serves secrets on the orchestrator's base URL, as
         *     the generated page's example does; point `RUNTOOLS_TOOLS_URL` at the mock too.
         */
        get: operations["listSecrets"];
        put?: never;
        /**
         * Create or rotate a secret
         * @description Creates a secret, or rotates (replaces the value of) the caller's secret of that name (docs:
         *     /api-reference/secrets/create-or-update-an-encrypted-secret, "Updated."). A private secret is the
         *     caller's own; `orgWide: true` stores one shared by the organization. Other fields of a rotated
         *     secret take the request's values (or their defaults).
         *
         *     Mock decision (Part A, status codes not shown): 201 with the metadata when the secret is new, 200
         *     when it is rotated; the value is never answered. The value is kept in memory (and in state
         *     documents: protect a `--persist` file like a `.env` file); the request journal keeps the request
         *     with the value replaced by `[redacted]`. Recorded in the activity feed (`secret.created`,
         *     `secret.rotated`).
         */
        post: operations["upsertSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The secret's name; normalised as on create (`openai-api-key` names `OPENAI_API_KEY`).
                 * @example OPENAI_API_KEY
                 */
                name: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a secret
         * @description Deletes the caller's secret of that name, or else the organization-wide one (docs: /advanced/secrets;
         *     the path is the auth service's). Mock decision (Part A, status codes not shown): 200 with
         *     `{id: <name>, deleted: true}`; an unknown name answers 404. Recorded in the activity feed
         *     (`secret.deleted`).
         */
        delete: operations["deleteSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/secrets/{name}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The secret's name; normalised as on create (`openai-api-key` names `OPENAI_API_KEY`).
                 * @example OPENAI_API_KEY
                 */
                name: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reveal a secret's value (audited)
         * @description Answers the value of the caller's secret of that name, or else of the organization-wide one (docs:
         *     /advanced/secrets, "audited"; shape from the auth service: `{name, value}`). Every reveal is
         *     recorded in the activity feed (`secret.revealed`, severity `warning`), without the value; the
         *     request journal keeps the answer with the value replaced by `[redacted]`. An unknown name answers 404.
         */
        post: operations["revealSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's plan and credit summary
         * @description The plan and the credit totals (docs: /api-reference/billing/get-the-orgs-billing-summary).
         *     Mock decision: every organization is on `free` (as `GET /v1/organizations/current` says) and starts
         *     with the sign-up credits (docs/billing.md); `orgId`, when given, must be the caller's organization,
         *     any other is a 404 (as `GET /v1/organizations/{id}`).
         */
        get: operations["getBillingPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organization's credit balance
         * @description The balance and its totals (docs: /api-reference/billing/get-the-orgs-credit-balance). The balance
         *     counts settled usage: a sandbox's running time is settled when it stops running (pause, delete);
         *     until then it shows as `sandboxRuntime.activeCents` in `GET /v1/billing/my-usage`.
         */
        get: operations["getCreditBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/credits/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Credit ledger history
         * @description The ledger, newest first (docs: /api-reference/billing/get-credit-ledger-history): the sign-up
         *     grant, top-ups, usage charges and control-plane adjustments, each with the balance after it.
         *     Mock decisions: `limit` defaults to 100 (the docs give only its range); the mock keeps each
         *     organization's newest 10,000 entries (totals and balance are kept apart and never drop).
         */
        get: operations["listCreditHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/my-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage in a period
         * @description Usage at the customer-facing resource level (docs: /api-reference/billing,
         *     /api-reference/billing/get-aggregate-or-per-user-usage): agent runs and their tokens, code
         *     executions, sandbox runtime, tool executions, and what each cost.
         *     Mock decisions: usage is counted per organization by UTC day, and a period takes whole days
         *     (`current`: the calendar month); a sandbox's settled seconds count on the day its running interval
         *     ended. `all` is accepted and changes nothing: the mock keeps usage per organization, not per
         *     member (as `all` on the other lists, meaningless while a key is its organization's one user).
         */
        get: operations["getMyUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/topup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a credit top-up (a checkout session)
         * @description Creates a checkout session for a top-up (docs: /api-reference/billing/create-a-stripe-checkout-session-for-a-credit-top-up;
         *     org admin, and every member is an admin in the mock).
         *     Mock decision: there is no Stripe. `checkoutUrl` is the mock's own checkout page,
         *     `GET /__mock/billing/checkout/{sessionId}` on its control plane (loopback clients, spec/control.yaml):
         *     opening it pays the session, which adds a `topup` entry to the ledger once. `GET /v1/billing/success`
         *     then verifies it. 200, as the docs' other reads (their page shows no status).
         */
        post: operations["createTopUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/success": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify a checkout session
         * @description Verifies a top-up's checkout session (docs: /api-reference/billing, "Verify a completed checkout
         *     session"; the query's name follows Stripe's `{CHECKOUT_SESSION_ID}` redirect, an inference).
         *     Answers whether it was paid and credited; it changes nothing (the checkout page credits, once).
         *     A session of another organization, or none, is a 404.
         */
        get: operations["verifyTopUp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/devices/link/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Begin a device-link flow (unauthenticated)
         * @description A device (the Mac app) asks to join an organization's mesh with its public key and gets a
         *     short-lived code a user approves (docs: /api-reference/runmesh/begin-a-device-link-flow-unauthenticated,
         *     "Auth: none"). No key is needed and none is read: the device has no identity yet.
         *
         *     Mock decision [I]: a code is six upper-case letters and digits, valid for 10 minutes of the mock's
         *     clock (virtual under `--seed`); `url` is the documented approval page. Pending codes belong to no
         *     organization, so they live in the mock's memory only: a state document does not carry them, and
         *     they do not survive a restart.
         */
        post: operations["startDeviceLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/devices/link/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Poll a link code (unauthenticated)
         * @description Where a link code stands: `pending` until a user approves it, then `approved` with the node and its
         *     peer config ("the app polls until it receives the approved node identity", /features/runmesh), or
         *     `expired` once its 10 minutes pass unapproved. No key is needed (docs: "Auth: none").
         *
         *     Mock decision [I]: the body is `{code}`; a code the mock never issued answers 404. Polling changes
         *     nothing.
         */
        post: operations["pollDeviceLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/devices/link/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a pending link code into the current organization
         * @description Approves a pending code into the caller's organization (docs: "Approve a pending code into the
         *     current org"): the device becomes an active node, named after its label (or `name`), with a private
         *     mesh address; its next poll answers `approved`. This call is what the dashboard does when a user
         *     approves, and it drives the device-code flow to completion in the mock.
         *
         *     Mock decision [I]: the body is `{code, name?}` and the answer is the new node. A code the mock never
         *     issued, or one that expired, answers 404; a code already approved answers 409. Recorded in the
         *     activity feed (`runmesh.device.approved`).
         */
        post: operations["approveDeviceLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Node counts for the organization
         * @description How many nodes the organization has, by status and type (docs: "Node counts for the org", scope
         *     `runmesh:read`). Mock decision [I]: the shape is the mock's own; deleted nodes are not counted.
         */
        get: operations["getRunMeshOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List visible nodes
         * @description The organization's nodes, active and revoked, oldest first (docs: "List visible nodes", scope
         *     `runmesh:read`). Mock decision (Part A, list pagination): `limit` and `cursor` as every list.
         */
        get: operations["listRunMeshNodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/nodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The node's id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        /**
         * Get one node
         * @description One node of the organization (docs, scope `runmesh:read`); another organization's answers 404.
         */
        get: operations["getRunMeshNode"];
        put?: never;
        post?: never;
        /**
         * Delete (revoke and remove) a node
         * @description The docs describe both `DELETE /v1/runmesh/nodes/{id}` and `POST …/revoke` as "Revoke a node".
         *     Mock decision: DELETE revokes the node and removes it from the organization (it no longer lists,
         *     counts or peers; a later GET answers 404), while `revoke` keeps it listed as `revoked`. Answers as
         *     every delete does (Part A). Recorded in the activity feed (`runmesh.device.deleted`).
         */
        delete: operations["deleteRunMeshNode"];
        options?: never;
        head?: never;
        /**
         * Rename a node
         * @description Renames a node (docs: "Rename a node", scope `runmesh:write`); a revoked node can be renamed too.
         *     Recorded in the activity feed (`runmesh.device.renamed`).
         */
        patch: operations["renameRunMeshNode"];
        trace?: never;
    };
    "/v1/runmesh/nodes/{id}/config": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The node's id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        /**
         * Generate peer config for a node
         * @description The node's peer config (docs, scope `runmesh:read`): its address and every other active node as a
         *     peer. Mock decision [I]: a revoked node has no config, 409 `conflict`.
         */
        get: operations["getRunMeshNodeConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/nodes/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The node's id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a node
         * @description Revokes a node (docs, scope `runmesh:write`): it stays listed with `status: revoked` and
         *     `revokedAt`, stops being anyone's peer and has no config. Mock decision: revoking a revoked node
         *     answers it unchanged (200), so that a retried revoke succeeds. Recorded in the activity feed
         *     (`runmesh.device.revoked`).
         */
        post: operations["revokeRunMeshNode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List RunMesh audit events
         * @description The organization's RunMesh events, newest first (docs: "List RunMesh audit events", scope
         *     `runmesh:read`). Mock decision [I]: the docs give no audit shape, so these are the activity feed's
         *     events about RunMesh devices (`resourceType: runmesh_device`: approved, renamed, revoked, deleted),
         *     in the activity event's shape and paging.
         */
        get: operations["listRunMeshAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runmesh/devices/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The device's node id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        /**
         * Activity events for a device
         * @description The events of one device, newest first (docs, scope `activity:read`): its own changes and the runs
         *     of `local-mac` agents dispatched to it (`runmeshNodeId`). A node of another organization, or a
         *     deleted one, answers 404.
         */
        get: operations["listDeviceActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{workflowSlug}/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workflow's slug.
                 * @example incoming-leads
                 */
                workflowSlug: components["schemas"]["WorkflowSlug"];
            };
            cookie?: never;
        };
        /**
         * List a workflow's triggers
         * @description The workflow's triggers, oldest first (docs: `rt.workflows.triggers(slug)`, [I] path). Secrets are
         *     never answered here. A workflow without triggers answers an empty list.
         */
        get: operations["listWorkflowTriggers"];
        put?: never;
        /**
         * Create a cron or webhook trigger
         * @description Creates a trigger of a workflow (docs: /advanced/webhooks, "Create A Webhook Trigger"). A webhook
         *     trigger gets a public `webhookUrl` (`<base URL>/v1/workflows/webhooks/<webhookSlug>`, the base URL being
         *     the one the client called) and answers its `secret` this once: the one sent, or one the mock
         *     generates. A cron trigger needs `schedule` (400 without it, or when it is not a five-field cron
         *     expression); `nextRunAt` says when it fires next.
         *     Cron triggers fire on the mock's clock (virtual under `--seed`), evaluated whenever a request reads
         *     or changes the organization's workflows: every occurrence of `schedule` that passed since the last
         *     evaluation starts one run (at most 100 at a time; older missed occurrences are dropped). The
         *     control plane's `POST /__mock/clock/advance` moves the clock forward to make them due.
         */
        post: operations["createWorkflowTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/{workflowSlug}/triggers/{triggerId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workflow's slug.
                 * @example incoming-leads
                 */
                workflowSlug: components["schemas"]["WorkflowSlug"];
                /**
                 * @description The trigger's id.
                 * @example 6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                triggerId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a trigger
         * @description Deletes a trigger (docs `rt.workflows.deleteTrigger`, [I] path); its webhook URL answers 404 from then on.
         */
        delete: operations["deleteWorkflowTrigger"];
        options?: never;
        head?: never;
        /**
         * Update a trigger
         * @description Changes a trigger's name, `enabled`, webhook secret or cron schedule (docs:
         *     `rt.workflows.updateTrigger`, [I] path). A disabled trigger starts no runs: its webhook answers 409 and
         *     its schedule does not fire. `secret` on a cron trigger, or `schedule` on a webhook trigger, is a 400.
         */
        patch: operations["updateWorkflowTrigger"];
        trace?: never;
    };
    "/v1/workflows/{workflowSlug}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workflow's slug.
                 * @example incoming-leads
                 */
                workflowSlug: components["schemas"]["WorkflowSlug"];
            };
            cookie?: never;
        };
        /**
         * List a workflow's runs
         * @description The workflow's runs, newest first (docs: `rt.workflows.runs('incoming-leads', 25)`, [I] path): those
         *     its webhooks and schedules started.
         *
         *     Mock decision: workflow runs are listed here, not in `GET /v1/run`, which the docs define as the
         *     list of agent runs (`agentId`, `sandboxId`, … on every item).
         *     Cron triggers fire on the mock's clock (virtual under `--seed`), evaluated whenever a request reads
         *     or changes the organization's workflows: every occurrence of `schedule` that passed since the last
         *     evaluation starts one run (at most 100 at a time; older missed occurrences are dropped). The
         *     control plane's `POST /__mock/clock/advance` moves the clock forward to make them due.
         */
        get: operations["listWorkflowRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workflows/webhooks/{webhookSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The trigger's `webhookSlug` (the last segment of its `webhookUrl`).
                 * @example whk_8Kq2Lm7Np4Rs8Tv1
                 */
                webhookSlug: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invoke a webhook trigger (public)
         * @description Starts a run of the trigger's workflow with the request's JSON body as its input (docs:
         *     /advanced/webhooks, "Invoke A Webhook"; "The payload becomes the workflow run input"). The caller
         *     is an outside system: it sends the trigger's secret in `X-Webhook-Secret`, not an API key.
         *
         *     Mock decisions [I]: no `X-Webhook-Secret` or a wrong one answers 401 `unauthorized` (compared in
         *     constant time); an unknown `webhookSlug` answers 404; a disabled trigger answers 409 `conflict`. A
         *     body is optional (no body is the input `{}`). The run is answered 202 with the run, which then shows in
         *     `GET /v1/workflows/{workflowSlug}/runs`.
         */
        post: operations["invokeWorkflowWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List OAuth connections for the caller
         * @description The caller's connected accounts, oldest first (docs). `all` ("Include resources for all members of the
         *     org (admin only)") lists every member's; every caller is an admin in the mock. In the mock a
         *     connection appears when the control plane completes a device-code flow (`POST /__mock/oauth/complete`):
         *     no provider is ever contacted.
         *
         *     Mock decision (one process serves every service, Part A base URL): this auth-service path
         *     (`https://auth.runtools.ai/v1`) is served on the mock's one base URL; point `RUNTOOLS_AUTH_URL` at the mock.
         */
        get: operations["listOAuthConnections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/device/start/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The provider; the docs list `openai-codex` only.
                 * @example openai-codex
                 */
                provider: "openai-codex";
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Begin a device-code OAuth flow (e.g. openai-codex)
         * @description Starts a device-code flow (docs): the user opens `verificationUri` and enters `userCode`.
         *
         *     Mock decisions [I]: the answer is 200, the attempt lasts 15 minutes of the mock's clock, `interval` is
         *     5 seconds. No provider exists behind the mock, so the user's side is the control plane's
         *     `POST /__mock/oauth/complete` with the `attemptToken`: the flow then becomes a connection of the
         *     caller, listed by `GET /v1/oauth/connections`.
         *
         *     Mock decision (one process serves every service, Part A base URL): this auth-service path
         *     (`https://auth.runtools.ai/v1`) is served on the mock's one base URL; point `RUNTOOLS_AUTH_URL` at the mock.
         */
        post: operations["startOAuthDeviceFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/configs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upsert a BYOA provider configuration
         * @description Creates or replaces the organization's own OAuth client for a provider (docs). `client_secret`
         *     left out or empty keeps the stored one.
         *
         *     Mock decision [I]: the docs answer "200 Upserted." and show no body; the mock answers 200 with the
         *     stored configuration, without the secret.
         *
         *     Mock decision (one process serves every service, Part A base URL): this auth-service path
         *     (`https://auth.runtools.ai/v1`) is served on the mock's one base URL; point `RUNTOOLS_AUTH_URL` at the mock.
         */
        post: operations["upsertByoaConfig"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an attachment upload target
         * @description Registers a pending attachment of a thread and answers where to upload its bytes (docs:
         *     /api-reference/attachments/create-an-attachment-upload-target, 201; /features/agents, "For file inputs,
         *     create an upload target"). Upload with the answer's `method`, `uploadUrl` and `headers`, then
         *     `POST /v1/agent-attachments/{id}/complete`.
         *
         *     Mock decisions (issue 14): the upload URL is the mock itself (AttachmentUploadTarget). An attachment is
         *     at most 8 MiB, an organization keeps at most 64 MiB of attachments and 1,000 attachments (413 and 409
         *     beyond); the bytes are kept in memory with the organization and in its state document. A thread of
         *     another organization answers 404 (Part A, isolation).
         */
        post: operations["createAttachmentUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-attachments/{id}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The attachment's id.
                 * @example 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f
                 */
                id: components["schemas"]["AttachmentId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Upload an attachment's bytes (the mock's upload URL)
         * @description Inferred (issue 14): the docs' upload target is "a signed Spaces upload URL", a storage service outside
         *     the API. The mock serves it itself, so that a client can `fetch(uploadUrl, {method, headers, body})` as it
         *     would against storage: no API key, the `org` and `signature` of the URL authorize it, and the body is the
         *     raw bytes whatever their Content-Type. A signature that does not match, or has expired (15 minutes),
         *     answers 403, as a storage URL does, for an attachment that does not exist too. Uploading again before
         *     completing replaces the bytes; after completing answers 409. A body over 8 MiB, or over what is left of
         *     the organization's 64 MiB, answers 413; one whose length is not the `sizeBytes` declared at creation
         *     answers 400.
         */
        put: operations["uploadAttachmentContent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-attachments/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The attachment's id.
                 * @example 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f
                 */
                id: components["schemas"]["AttachmentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finalize an attachment after upload
         * @description Marks the uploaded attachment ready (docs: /api-reference/attachments/finalize-an-attachment-after-upload:
         *     `{"data": {"attachment": {…}}}`). Mock decisions (issue 14): before any upload answers 409; completing a
         *     ready attachment again answers it unchanged. Another organization's attachment answers 404.
         */
        post: operations["completeAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-attachments/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The attachment's id.
                 * @example 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f
                 */
                id: components["schemas"]["AttachmentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve an attachment for a specific model
         * @description "Returns the most useful representation (image URL, text excerpt, etc.) for the requested model" (docs:
         *     /api-reference/attachments/resolve-an-attachment-for-a-specific-model). Mock decisions (issue 14): the
         *     representation follows the media type alone (AttachmentKind, ResolvedAttachment), whatever the model; each
         *     model resolved is recorded once in the attachment's `materializations`. An attachment not yet completed
         *     answers 409; another organization's answers 404.
         */
        post: operations["resolveAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/{slug}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tool's slug.
                 * @example github
                 */
                slug: components["schemas"]["ToolSlug"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Execute a tool action
         * @description Runs one action of a tool the organization has installed or defined (docs:
         *     /api-reference/tool-execution/execute-a-tool-action, /features/tool-hub). The answer is normalized:
         *     `{success, result, durationMs, error?}`, HTTP 200 whether the action succeeded or not.
         *
         *     Mock decision (Part A, base URL): the real platform serves this on `https://tools.runtools.ai/v1`
         *     (`RUNTOOLS_TOOLS_URL`); the mock serves it on its one address, so point `RUNTOOLS_TOOLS_URL` at the
         *     mock too. The older docs put the same path on the orchestrator with the same body, so the two agree.
         *
         *     Mock decision, what answers: no tool code runs. A tool script set through the control plane
         *     (`POST /__mock/scripts/tools`) answers when one matches (tool, action, params); otherwise the
         *     deterministic default applies:
         *
         *     - a custom tool whose `actionsJson` names actions, asked for another action → `success: false`,
         *       `error.code` `unknown_action` (`statusCode` 400);
         *     - a required credential field (`requiredCredentialFields` of the installation, `credentialsJson.required`
         *       of a custom tool) that no source fills → `success: false`, `error.code` `credentials_missing`
         *       (`statusCode` 401). Sources, in the documented order: `credentials`, `credentialOverrides`
         *       (a secret the caller can see, by name; an unknown one → `credential_secret_not_found`, 404), a
         *       secret named after the field (`apiKey` → `API_KEY`, or `<SLUG>_API_KEY`). An `oauth` tool counts as
         *       connected (the mock has no OAuth connections);
         *     - otherwise `success: true`, `durationMs: 0` and `result` = `{tool, action, params}` (the request
         *       echoed, so tests can see what reached the tool).
         *
         *     An unknown or not installed tool answers 404 `not_found` (Mock decision: the CLI's flow is install,
         *     then exec; a tool must be installed or be a custom tool of the organization). Every execution
         *     bills "one tool_call" on the real platform; the mock records it in the activity feed
         *     (`tool.executed`, or `tool.call.failed` when `success` is false; `toolSlug` set) and keeps no bill.
         *     Credential values never enter the feed or the answer.
         */
        post: operations["executeTool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/{slug}/install": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tool slug, such as github, gmail, or slack.
                 * @example github
                 */
                slug: components["schemas"]["ToolSlug"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install a marketplace tool
         * @description Installs a tool for the organization (docs: /api-reference/tools/install, `runtools tool install
         *     github`). No request body.
         *
         *     Mock decision, the marketplace: the mock's catalog holds the tools the docs name, `github`, `gmail`
         *     and `slack`, each `credentialMode: oauth` with no required fields (the docs' example). The
         *     organization's own custom tools install too: their mode is `oauth` when `credentialsJson.oauth` is
         *     set, `secret` when `credentialsJson.required` names fields (then listed in
         *     `requiredCredentialFields`), else `none`. Any other slug → 404 `not_found`.
         *
         *     Mock decision (Part A, status codes not shown): 201 on the first install, 200 when the tool was
         *     already installed (nothing changes). Recorded in the activity feed (`tool.installed`).
         */
        post: operations["installTool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tools/custom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update a custom tool
         * @description Creates or replaces the organization's custom tool of that slug (docs:
         *     /api-reference/tools-custom/create-or-update-a-custom-tool, /sdk/custom-tools). The same upsert
         *     semantics as agents (Part A, agents upsert): the first request for a slug → 201 with
         *     `action: created` and `version: 1`; every later one → 200, `action: updated`, `version` + 1, the
         *     same `id`, the whole definition replaced. A rejected request changes nothing.
         *
         *     Inferred [I]: the docs answer "Updated." without a body; the answer here is the stored definition
         *     without its `code` (`CustomTool`). A custom tool is private to its organization, can be installed
         *     (`POST /v1/tools/{slug}/install`) and executed at once, and an agent that lists its slug can call it
         *     in a run. Mock decision: a custom tool may not take a marketplace slug (`github`, `gmail`,
         *     `slack`): 409 `conflict`. Recorded in the activity feed (`tool.created`, `tool.updated`).
         */
        post: operations["upsertCustomTool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terminal/sandbox-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a one-time browser terminal session
         * @description Mints a one-time session for a running sandbox of the caller's organization and answers the path of
         *     the WebSocket terminal bridge, `WS /v1/terminal/sessions/:sessionId` (docs:
         *     /api-reference/terminal/mint-a-one-time-browser-terminal-session: "Replaces the legacy ?token= query
         *     terminal route").
         *
         *     Mock decisions: the sandbox is named by id or name; unknown, destroyed, or of another organization →
         *     404 `not_found`; not `running` (booting, paused) → 409 `conflict`. 201 (Part A, creates), with
         *     `expiresAt` 60 seconds after minting. The mock serves no WebSocket, so the session is never opened and
         *     is not kept: minting is recorded in the activity feed (`sandbox.terminal_session.created`, with the
         *     session id in `attributes`), and that is all.
         */
        post: operations["createTerminalSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/installable-agents/{slug}/install": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The catalog agent's slug (`hermes`).
                 * @example hermes
                 */
                slug: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Install an installable agent into a sandbox and workspace
         * @description Installs a catalog agent into a sandbox of the organization, keeping its state on a workspace (docs:
         *     /api-reference/installable-agents/install-an-installable-agent-into-a-sandbox+workspace).
         *
         *     Mock decisions: the catalog holds `hermes`, the agent the docs' chat page names (repository
         *     `https://github.com/NousResearch/hermes-agent`, default ref `main`, command `hermes`; inferred [I]);
         *     another slug → 404. The sandbox (id or name) and the workspace must be the organization's (404),
         *     the sandbox `running` (409: the install runs in it). 201 (Part A, creates) with `status:
         *     installing`; the install is `ready` from the caller's next request on, as a sandbox boots. Each
         *     install is a new record (installing twice gives two installs). The install uses the workspace: it is
         *     listed in `GET /v1/workspaces/{id}/usage` (`installableAgents`), which makes the workspace in use (a
         *     delete without `force` → 409 `WORKSPACE_IN_USE`; a forced delete removes the install). Recorded in the
         *     activity feed (`installable_agent.installed`, resource type `installable_agent_install`).
         */
        post: operations["installInstallableAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/installable-agents/installs/{installId}/chat": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The install's id.
                 * @example 3c90c3cc-0d44-4b50-8888-8dd25736052a
                 */
                installId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a chat message to an installed agent
         * @description Sends a chat turn to an installed agent ("Send a chat message to Hermes", docs:
         *     /api-reference/installable-agents/send-a-chat-message-to-hermes): server-sent events when `stream` is
         *     true (the default), else one JSON answer. Each frame's `data:` is an `InstallChatStreamEvent`,
         *     validated frame by frame as runs are.
         *
         *     Mock decisions: no model runs. The reply is `[<agentSlug>] You said: <message>` for the last `user`
         *     message, or a reply script's `text` (`POST /__mock/scripts/replies` with `agent` the install's
         *     `agentSlug` or id; its tool calls do not apply to chats). `threadId` is echoed, or a new one
         *     (`ith_…`) is minted: chat threads are the installed agent's own, kept in its state, not the
         *     orchestrator's `/v1/threads`. An unknown install → 404; an install still `installing`, or whose
         *     sandbox is not `running` (paused, destroyed) → 409; no `user` message → 400 at `/body/messages`.
         *     Recorded in the activity feed (`installable_agent.chat.completed`).
         */
        post: operations["chatWithInstall"];
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
             * @description Machine-readable error code (Part A, error codes). `WORKSPACE_IN_USE` (409) keeps the docs'
             *     upper-case spelling (docs: /api-reference/workspaces/manage). Mock decision: `service_unavailable`
             *     (503) is sent, outside any operation, when the mock already holds its maximum of open
             *     connections (`--max-connections`, docs/security.md). `token_expired` (401) answers an
             *     API key issued through `POST /v1/api-keys` past its `expiresAt` (the auth service's code).
             *     `request_timeout` (408) and `request_header_fields_too_large` (431) are sent outside any operation,
             *     when node:http cannot read the request: it did not arrive within `--request-timeout`, or its head
             *     is over 16 KiB (a malformed request is a 400 `bad_request`).
             * @enum {string}
             */
            code: "bad_request" | "unauthorized" | "invalid_token" | "insufficient_credits" | "token_expired" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "WORKSPACE_IN_USE" | "request_timeout" | "payload_too_large" | "unsupported_media_type" | "request_header_fields_too_large" | "rate_limited" | "internal_error" | "insufficient_storage" | "service_unavailable";
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
         *     fields) — this includes the extra fields of the PATCH page (`tier`, `seed`, `toolChoice`,
         *     `projectId`, `defaultFolderHint`).
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
            /**
             * @description RunMesh device id; required for `local-mac` agents. Mock decision (issue 15): an id that names no
             *     node of the organization is accepted, not refused. The seed page (which outranks every other
             *     source) and the agent pages document no error for it beyond "required for local-mac agents"; only
             *     /features/runmesh implies the device is registered ("bound to one registered RunMesh device"), and
             *     refusing would break every client that sets up a local-mac agent without linking a device first.
             *     What the id does: the runs dispatched to the agent carry it as `runmeshNodeId` in the activity
             *     feed, so `GET /v1/runmesh/devices/{id}/activity` of a linked device lists them.
             */
            targetDeviceId?: string;
            /**
             * @description Attached workspace or sandbox resources (the seed page: "for managed and local-mac agents").
             *     Each must exist in the caller's organization (a workspace by id or slug, the personal workspace
             *     included; a non-destroyed sandbox by id or name), else 404. Shown as `attachedResources`, in
             *     this order. Omitted → none.
             *
             *     Mock decision (issue 14): an `in_sandbox` agent may attach resources too. The seed page
             *     describes them for the other modes but forbids them nowhere, and docs /concepts gives every
             *     agent "optional linked resources"; they are stored, shown and counted by
             *     `GET /v1/workspaces/{id}/usage` like any agent's, and change nothing in its runs (an
             *     `in_sandbox` agent works through its sandbox and that sandbox's mounts).
             */
            resources?: components["schemas"]["AgentResource"][];
            env?: components["schemas"]["AgentEnv"];
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
         *     means unchanged). `null` clears `sandbox`, `targetDeviceId` and `description`; `resources`, if
         *     present, replaces the whole list (`[]` clears it). `slug`, if present,
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
            /**
             * @description Replaces the agent's whole resource list (`[]` clears it; omitted → unchanged), in any
             *     execution mode; each resource must exist in the organization (404 otherwise), as on upsert.
             */
            resources?: components["schemas"]["AgentResource"][];
            env?: components["schemas"]["AgentEnv"];
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
        /**
         * @description A workspace or sandbox to attach to a `managed` or `local-mac` agent (docs:
         *     /api-reference/agents/create-runtime: `{type, resourceId, alias?, config?}`). Unknown fields are
         *     accepted and ignored (Part A, unknown JSON fields).
         */
        AgentResource: {
            /**
             * @description What `resourceId` names.
             * @enum {string}
             */
            type: "workspace" | "sandbox";
            /**
             * @description A workspace's UUID or slug (type `workspace`; docs /sdk/agents names one `shared-docs`; the
             *     personal workspace may be attached), or a sandbox's id (`sandbox-…`) or name (type `sandbox`; a
             *     non-destroyed sandbox). Either is stored, and shown in `attachedResources`, by its id, which a
             *     rename never changes. It must exist in the caller's organization, else 404.
             */
            resourceId: string;
            /** @description A name for the resource in the agent's context. */
            alias?: string;
            /** @description Resource-specific settings, stored and returned as given. */
            config?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Environment variables (the seed page: "Environment variables. Secret references can be resolved
         *     server-side when configured"). A value is a string, a number or a boolean (the docs type `env` as
         *     an `object` and give no narrower value type; a process sees each as its string form, `3000` as
         *     `"3000"`, `true` as `"true"`), or a secret reference.
         *
         *     Mock decision (issue 14), secret references: the docs name no syntax, so the mock takes an object
         *     `{"secret": "<name>"}` naming a secret of `POST /v1/secrets` (its name upper-cased to `[A-Z0-9_]+`
         *     as the secrets API does; the secret API's `credentialOverrides` likewise name a secret by its name).
         *     A reference is stored as a reference, never as the value: `GET /v1/agents` shows `{"secret":
         *     "GITHUB_TOKEN"}`. It is resolved "server-side" when a run starts (POST /v1/run and the legacy
         *     run), from the secrets the running caller can see (its own, then the organization-wide ones;
         *     docs /advanced/secrets: secrets are user-private by default), and only a secret whose `scope` is
         *     `all` or `agents` may be used. A reference that does not resolve is refused when the run starts,
         *     not at upsert ("when configured": a secret may be set after the agent that names it is
         *     deployed, and who runs decides which private secrets are visible): 409 `conflict` naming the
         *     variable and the secret, and no run, thread or event is created. An `in_sandbox` agent's
         *     `exec_command` calls see the resolved values in their environment; the value is masked as
         *     `<secret:NAME>` in the tool's recorded output (as the older docs show agent logs,
         *     dev.runtools.ai/advanced/secrets), so it reaches no thread event or stream frame.
         */
        AgentEnv: {
            [key: string]: components["schemas"]["AgentEnvValue"];
        };
        /** @description A plain value (string, number, boolean) or a secret reference (see AgentEnv). */
        AgentEnvValue: string | number | boolean | components["schemas"]["SecretReference"];
        /**
         * @description A reference to a secret by name (Mock decision (issue 14), see AgentEnv), resolved when a run
         *     starts. Unknown fields are accepted and ignored (Part A, unknown JSON fields).
         */
        SecretReference: {
            /**
             * @description The secret's name, upper-cased to `[A-Z0-9_]+` as `POST /v1/secrets` does (`github-token` →
             *     `GITHUB_TOKEN`); it must hold a letter or a digit.
             */
            secret: string;
        };
        /**
         * @description A workspace or sandbox attached to a `managed` or `local-mac` agent, as the agent's `resources`
         *     gave it (a sandbox named by its name and a workspace named by its slug show their ids); `alias`
         *     and `config` are null when not given.
         */
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
            /**
             * @description The agent's `env` as given, secret references as references (`{secret: NAME}`, the name
             *     upper-cased): a secret's value never appears in the agent object.
             */
            envJson: components["schemas"]["AgentEnv"];
            /**
             * @description The agent's `resources` as given, in order (`alias` and `config` null when not given; a sandbox
             *     and a workspace always by their ids); empty when it has none. A forced delete of a workspace (`DELETE /v1/workspaces/{id}?force=true`) removes it
             *     from the agents that attach it.
             */
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
         * @description A template slug. The public templates are `base-ubuntu` and `desktop-ubuntu` (docs: /features/templates,
         *     "Current public templates include…"); older docs allowed custom slugs and the ComputeSDK provider passes
         *     any string through, so the mock accepts any slug without whitespace (mock decision). Every template
         *     behaves as `base-ubuntu` except `desktop-ubuntu`, which also serves KasmVNC.
         * @example base-ubuntu
         * @example desktop-ubuntu
         */
        SandboxTemplate: string;
        /** @description Requested resources; each omitted field takes its default. */
        SandboxResources: {
            /** @default 2 */
            vcpus: number;
            /**
             * @description Megabytes or gigabytes (`1024MB`, `4GB`; binary units, 1GB = 1024MB). The ComputeSDK provider sends MB.
             *     Mock decision: at most six digits (up to 999,999 GB, about a petabyte), so that every size is a whole number of
             *     bytes the mock can count; a longer number is a 400.
             * @default 4GB
             */
            memory: string;
            /**
             * @description The sandbox's disk, in MB or GB as `memory`. The mock enforces it as the quota of the sandbox's files:
             *     a write beyond it fails as on a full disk.
             * @default 10GB
             */
            disk: string;
        };
        /**
         * @description Every field is optional. Unknown fields are accepted and ignored (Part A, unknown JSON fields), which
         *     includes the documented `sshKeys`, `rootPassword` and `projectId` the mock does not model.
         */
        SandboxCreateRequest: {
            /** @default base-ubuntu */
            template: components["schemas"]["SandboxTemplate"];
            /**
             * @description Unique among the organization's non-destroyed sandboxes (duplicate → 409). Defaults to the id. The docs
             *     give no pattern; the mock only bounds the length (a name is also a path segment, `SandboxRef`).
             */
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
            /**
             * @description Seconds of inactivity before auto-pause (docs: `number`, no maximum); 0 disables it. Omitted → platform
             *     default (null). The mock records it and never pauses on its own.
             */
            idleTimeout?: number;
            /** @description Free-form (docs: `object`). */
            metadata?: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description The project the sandbox belongs to (documented on the sandbox object); null when omitted.
             */
            projectId?: string | null;
            /** @description Public keys to authorize (docs). The mock keeps none; they make `sshAuthMethod` `key`. */
            sshKeys?: string[];
            /** @description A root password (docs). The mock keeps none; it makes `sshAuthMethod` `password` when no key is given. */
            rootPassword?: string;
            /**
             * @description Workspaces to mount (docs: /api-reference/sandboxes/create-a-sandbox). Each workspace must exist
             *     in the caller's organization (404 otherwise); each path must be `/workspace` or below it (the
             *     schema: 400); the personal workspace cannot be mounted (documented: 400); two mounts may not share
             *     a path (400).
             * @default []
             */
            mounts: components["schemas"]["SandboxMountRequest"][];
        };
        /**
         * @description One workspace mount of a new sandbox. Unknown fields are accepted and ignored (Part A, unknown JSON
         *     fields).
         */
        SandboxMountRequest: {
            workspaceId: components["schemas"]["WorkspaceId"];
            /** @description Where the workspace appears inside the sandbox; `/workspace` or a path below it. */
            path: string;
            /**
             * @description Mount the workspace read-only.
             * @default false
             */
            readOnly: boolean;
        };
        /** @description A workspace mounted on a sandbox, as created (`readOnly` defaulted). */
        SandboxMount: {
            workspaceId: components["schemas"]["WorkspaceId"];
            /** @description The mount path inside the sandbox. */
            path: string;
            readOnly: boolean;
        };
        /**
         * @description A sandbox (generated pages' sandbox object, reduced to the fields the mock models). `sshReady` is true
         *     while running; `vncReady` and `vncUrl` (`https://6901-{id}.sandboxes.runtools.ai`) apply to
         *     `desktop-ubuntu` once it has booted. `mounts` are the workspace mounts it was created with; destroying
         *     the sandbox releases them (a destroyed sandbox shows `[]`), and a forced delete of a workspace removes
         *     that workspace's mounts.
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
            metadata: {
                [key: string]: unknown;
            };
            sshReady: boolean;
            vncReady: boolean;
            /** Format: uri */
            vncUrl: string | null;
            /** @description The sandbox's workspace mounts, in the order given at creation; `[]` once destroyed. */
            mounts: components["schemas"]["SandboxMount"][];
            /** @description True when some mount is not read-only. */
            hasWritableWorkspaceMount: boolean;
            /** @description The user who created the sandbox; in the mock, the key holder (as for workspaces). */
            ownerUserId: string | null;
            /** @description Not known to the mock (no user profiles), so null. */
            ownerDisplayName: string | null;
            /** @description Not known to the mock, so null. */
            ownerEmail: string | null;
            /** @description The `projectId` given at creation, else null. */
            projectId: string | null;
            /**
             * @description The sandbox's private address once it has booted (mock decision: a deterministic `10.x.y.z` derived
             *     from the id); null before it first runs and once destroyed.
             */
            ip: string | null;
            /** @description Sandboxes get no public address in the mock, so null. */
            publicIp: string | null;
            /** @description True when `sshKeys` or `rootPassword` was given at creation. */
            sshAccessConfigured: boolean;
            /**
             * @description `key` when `sshKeys` were given, else `password` when `rootPassword` was, else null.
             * @enum {string|null}
             */
            sshAuthMethod: "key" | "password" | null;
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
        /** @description The preview URL of one port of a sandbox. */
        SandboxUrl: {
            /** Format: uri */
            url: string;
            port: number;
        };
        SandboxUrlEnvelope: {
            data: components["schemas"]["SandboxUrl"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description The documented languages (docs: /api-reference/execute). Only `bash` runs in the mock.
         * @enum {string}
         */
        ExecuteLanguage: "python" | "javascript" | "typescript" | "bash" | "c" | "c++" | "go" | "ruby" | "rust" | "java" | "csharp";
        /** @description One source file. Unknown fields are accepted and ignored (Part A, unknown JSON fields). */
        ExecuteFile: {
            name?: string;
            content: string;
        };
        /**
         * @description Code to run: `code`, or `files` (the first runs). Exactly one of them is needed (400 otherwise). Unknown
         *     fields are accepted and ignored (Part A, unknown JSON fields).
         */
        ExecuteRequest: {
            language: components["schemas"]["ExecuteLanguage"];
            code?: string;
            files?: components["schemas"]["ExecuteFile"][];
            stdin?: string;
            /** @default * */
            version: string;
            /**
             * @description Milliseconds.
             * @default 5000
             */
            run_timeout: number;
            /**
             * @description Milliseconds.
             * @default 10000
             */
            compile_timeout: number;
            session_id?: string;
        };
        /** @description What one stage (run, or compile) printed and how it ended. */
        ExecuteStage: {
            stdout: string;
            stderr: string;
            /** @description Exit code; null when a signal ended the stage. */
            code: number | null;
            /** @description The signal that ended the stage (SIGKILL at a timeout); null otherwise. */
            signal: string | null;
            time_ms: number;
            memory_kb: number;
        };
        /** @description The engine's raw answer (no envelope). */
        ExecuteResult: {
            language: components["schemas"]["ExecuteLanguage"];
            version: string;
            session_id?: string;
            compile?: components["schemas"]["ExecuteStage"];
            run: components["schemas"]["ExecuteStage"];
        };
        ExecResultEnvelope: {
            data: components["schemas"]["ExecResult"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description An entry's id: its path from the workspace root, with a leading `/` (`/src/index.ts`), as the docs'
         *     list example shows. Batch operations and `direct` name entries by this id.
         * @example /src/index.ts
         */
        EntryId: string;
        /**
         * @description Mock decision (Part B §7, conflict 8): entries answer `file` or `directory`, as the generated reference
         *     pages (RunTools' own OpenAPI document, Part A) say; the guide's `folder` is accepted on input as a
         *     synonym of `directory`.
         * @enum {string}
         */
        EntryType: "file" | "directory";
        /**
         * @description One entry of a workspace's file tree. The generated page's fields (`id`, `name`, `type`, `size`,
         *     `mtime`, `path`, `mimeType`) and, so that a client written against the guide's example reads the same
         *     entry, its fields too (`value` = `name`, `date` = `mtime`, and `lazy`/`count` on directories).
         */
        WorkspaceEntry: {
            id: components["schemas"]["EntryId"];
            /** @description The entry's own name (the last segment of its path; empty for the root). */
            name: string;
            /** @description The same as `name` (the guide's field). */
            value: string;
            type: components["schemas"]["EntryType"];
            /** @description Bytes of a file's contents; for a directory, 0. */
            size: number;
            /**
             * Format: date-time
             * @description When the entry last changed (the mock's clock).
             */
            mtime: string;
            /**
             * Format: date-time
             * @description The same as `mtime` (the guide's field).
             */
            date: string;
            /** @description The same as `id`. */
            path: string;
            /** @description A file's media type, from its name's extension (`application/octet-stream` when unknown); null for a directory. */
            mimeType: string | null;
            /** @description On directories, true (the guides tree widgets load children on demand). */
            lazy?: boolean;
            /** @description On directories, how many entries it holds directly (hidden ones included). */
            count?: number;
        };
        /** @description A directory's entries, directories first, then by name. Raw (no envelope), as the docs show. */
        WorkspaceEntryList: components["schemas"]["WorkspaceEntry"][];
        /**
         * @description The storage usage in this workspace's context (docs: `[{free, total, used}]`, -1 meaning unlimited).
         *     Mock decision: `used` is the bytes the workspace's files hold, `total` its quota, `free` the difference.
         */
        WorkspaceDriveInfo: {
            free: number;
            total: number;
            used: number;
        }[];
        /**
         * @description Mock decision (the docs give no shape for "size/count for a file or directory"): the entry, with `size`
         *     the bytes of everything under it (a file's own size) and `count` the number of files and directories
         *     under it (0 for a file).
         */
        WorkspaceEntryInfo: {
            id: components["schemas"]["EntryId"];
            name: string;
            type: components["schemas"]["EntryType"];
            size: number;
            count: number;
            /** Format: date-time */
            mtime: string;
            path: string;
        };
        /**
         * @description Mock extension: how `contents` is written. `utf8` (the default) writes the text as UTF-8; `base64`
         *     decodes it first, so that JSON clients can write any bytes (multipart upload carries raw bytes).
         * @default utf8
         * @enum {string}
         */
        ContentsEncoding: "utf8" | "base64";
        /** @description A new entry inside the directory the path names (the root without one). */
        WorkspaceEntryCreateRequest: {
            /** @description The new entry's name; one path segment (no `/`, not `.` or `..`). */
            name: string;
            /**
             * @description `folder` (the guide's word) is the same as `directory`.
             * @enum {string}
             */
            type: "file" | "directory" | "folder";
            /** @description Optional initial contents of a new file (text, or base64 with `encoding`). */
            contents?: string;
            encoding?: components["schemas"]["ContentsEncoding"];
        };
        /**
         * @description One operation on the entry the path names (docs: `{operation, target, contents, ids}`). Mock decisions:
         *     - `rename`: `target` is the new name (one segment) in the same directory;
         *     - `move` / `copy`: `target` is the id of the destination directory (`/` for the root), which must exist;
         *       the entry keeps its name there;
         *     - `write`: `contents` becomes the file's contents (the file is made if missing; its directory must exist);
         *     - a destination that already holds an entry of that name answers 409 `conflict`; `ids` is not used here.
         */
        WorkspaceEntryMutateRequest: {
            /** @enum {string} */
            operation: "rename" | "move" | "copy" | "write";
            target?: string;
            contents?: string;
            encoding?: components["schemas"]["ContentsEncoding"];
            ids?: components["schemas"]["EntryId"][];
        };
        /**
         * @description Copy or move up to 250 entries (by id) into the directory `target` names (docs: "Batch copy and move
         *     accept up to 250 IDs"). All or nothing: every id must exist and none may clash at the target, else
         *     nothing changes.
         */
        WorkspaceEntryBatchRequest: {
            /** @enum {string} */
            operation: "copy" | "move";
            ids: components["schemas"]["EntryId"][];
            target: string;
        };
        /** @description Delete up to 250 entries by id (a directory goes with everything in it). All or nothing. */
        WorkspaceEntryDeleteRequest: {
            ids: components["schemas"]["EntryId"][];
        };
        /** @description Mock decision (the docs give no shape): the ids deleted, normalised. */
        WorkspaceEntryDeleteResult: {
            deleted: components["schemas"]["EntryId"][];
        };
        /** @description The multipart form of an upload (docs: "`file` field is required. The optional `name` field overrides the uploaded filename"). */
        WorkspaceUploadForm: {
            /**
             * Format: binary
             * @description The file's bytes (its part's filename names it).
             */
            file: string;
            /** @description The name to store it under, instead of the part's filename. */
            name?: string;
        };
        /**
         * Format: uuid
         * @description Workspace id, a UUID (Part A, ids).
         */
        WorkspaceId: string;
        /**
         * @description A workspace of the caller's organization, by id (a UUID) or by slug (`shared-docs`; the SDK names
         *     workspaces by slug: docs /sdk/agents `{ type: 'workspace', resourceId: 'shared-docs' }`).
         *
         *     Mock decision: the id is looked up first, then the slug, so a slug that happens to look like
         *     another workspace's id never shadows it. Neither → 404 `not_found`; anything that is neither a
         *     UUID nor a slug → 400.
         */
        WorkspaceRef: string;
        /**
         * @description A workspace (docs: /api-reference/workspaces/manage). The mock stores no files (the storage service
         *     is not modelled), so `sizeBytes` stays 0 and `lastAccessedAt` null; `quotaBytes` is the mock's fixed
         *     per-workspace quota. The owner is the user of the API key that created it (for the personal
         *     workspace, the organization's first request).
         */
        Workspace: {
            id: components["schemas"]["WorkspaceId"];
            /** @description Unique within the organization; fixed at creation (a rename keeps it). */
            slug: string;
            /** @description Display name. */
            name: string;
            /** @description Bytes stored in the workspace. */
            sizeBytes: number;
            /** @description Bytes the workspace may store. */
            quotaBytes: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description Last access to the workspace's files; null when never accessed.
             */
            lastAccessedAt: string | null;
            /** @description True for the organization's personal workspace (slug `personal`), which cannot be mounted. */
            isPersonal: boolean;
            /** Format: uuid */
            ownerUserId: string;
            ownerDisplayName: string | null;
            ownerEmail: string | null;
        };
        /**
         * @description A new workspace (docs: /api-reference/workspaces/manage, body `{name, slug}`). Unknown fields are
         *     accepted and ignored (Part A, unknown JSON fields).
         */
        WorkspaceCreateRequest: {
            /** @description Display name. */
            name: string;
            /**
             * @description Unique within the organization, `personal` included (taken → 409). Defaults to the name
             *     lower-cased with every run of other characters than `a-z0-9` turned into one hyphen, cut to 64
             *     characters and trimmed of hyphens (a mock decision); a name that yields an empty slug needs an
             *     explicit one (400 otherwise).
             */
            slug?: string;
        };
        /**
         * @description A rename (docs: /api-reference/workspaces/manage, body `{name}`); the slug never changes. Unknown
         *     fields are accepted and ignored (Part A, unknown JSON fields).
         */
        WorkspaceUpdateRequest: {
            /** @description The new display name. */
            name: string;
        };
        WorkspaceEnvelope: {
            data: components["schemas"]["Workspace"];
            meta: components["schemas"]["Meta"];
        };
        /** @description The organization's storage, over all its workspaces (docs: /api-reference/workspaces/manage). */
        StorageSummary: {
            /** @description Sum of every workspace's `sizeBytes`. */
            usedBytes: number;
            /** @description Bytes the organization may store. */
            quotaBytes: number;
            /** @description True when the organization has no storage quota; the mock answers false. */
            unlimited: boolean;
        };
        WorkspaceListData: {
            /** @description One page of workspaces, in creation order (the personal workspace first). */
            workspaces: components["schemas"]["Workspace"][];
            storage: components["schemas"]["StorageSummary"];
        };
        WorkspaceList: {
            data: components["schemas"]["WorkspaceListData"];
            /** @description True when more workspaces follow this page. */
            hasMore: boolean;
            /** @description Cursor of the next page; null on the last page. */
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description Who references a workspace (docs: /api-reference/workspaces/workspace-reference-summary). `inUse` is
         *     true when any list is non-empty; `counts` holds each list's length.
         */
        WorkspaceUsage: {
            workspaceId: components["schemas"]["WorkspaceId"];
            workspaceName: string;
            inUse: boolean;
            counts: {
                mountedSandboxes: number;
                installableAgents: number;
                customAgents: number;
            };
            /** @description Non-destroyed sandboxes with a mount of the workspace, one entry per mount. */
            mountedSandboxes: {
                sandboxId: components["schemas"]["SandboxId"];
                sandboxName: string;
                sandboxStatus: components["schemas"]["SandboxStatus"];
                mountPath: string;
                readOnly: boolean;
            }[];
            /** @description Installed catalog agents (`POST /v1/installable-agents/{slug}/install`) that keep their state on the workspace. */
            installableAgents: {
                installId: string;
                displayName: string;
                agentSlug: string;
                status: string;
                sandboxId: string;
                sandboxName: string;
            }[];
            /**
             * @description Agents that attach the workspace as a resource or are `in_sandbox` agents whose linked sandbox
             *     mounts it; each agent once.
             */
            customAgents: {
                agentId: components["schemas"]["AgentId"];
                name: string;
                slug: components["schemas"]["AgentSlug"];
                executionMode: components["schemas"]["ExecutionMode"];
                /** @description The agent's linked sandbox; null when it has none. */
                sandboxId: string | null;
                /** @description Name of the agent's linked sandbox; null when it has none. */
                sandboxName: string | null;
            }[];
        };
        WorkspaceUsageEnvelope: {
            data: components["schemas"]["WorkspaceUsage"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description Run id. Prefixed `run_…` like the hand-written pages, not the generated pages' uuid (Part A, ids;
         *     Part B §7, conflict 3).
         */
        RunId: string;
        /**
         * @description Thread id, `thr_…` (Part A, ids; docs: /api-reference/threads). Underscores are allowed after the
         *     prefix: the docs' own example is `thr_docs_example` (/api-reference/agents/stream). The mock issues
         *     `thr_` and 16 letters and digits.
         */
        ThreadId: string;
        /**
         * @description Rollout id. The docs call it an opaque string; the `rol_` prefix is the mock's (Mock decision
         *     (issue 4)). Each run is a new rollout ("run instance") of its thread, and so is each compaction.
         */
        RolloutId: string;
        /**
         * @description One message of caller-managed history (docs: /api-reference/agents/run: `{role, content, parts}`).
         *     A message carries `content`, `parts` or both (not enforced by the schema). Unknown fields are
         *     accepted and ignored (Part A, unknown JSON fields).
         */
        RunMessage: {
            /** @enum {string} */
            role: "user" | "assistant" | "system";
            /** @description The message's text. */
            content?: string;
            /** @description The message's text as typed parts. */
            parts?: {
                /** @constant */
                type: "text";
                text: string;
            }[];
        };
        /**
         * @description Per-run limits (docs: /api-reference/agents/run `config`; SDK options `maxTokens`, `maxTurns`,
         *     `temperature`). Ranges as for agents (docs: /limits); `maxTurns` as `maxIterations`. Unknown fields
         *     are accepted and ignored (Part A, unknown JSON fields).
         */
        RunConfig: {
            /** @description Maximum output tokens. */
            maxTokens?: number;
            /** @description Maximum agentic turns. */
            maxTurns?: number;
            /** @description Sampling temperature. */
            temperature?: number;
        };
        /**
         * @description A run (docs: /api-reference/agents/run, /api-reference/agent-runs/run-an-agent-streaming-or-one-shot).
         *     Either `prompt` or `messages` is required: a request with neither answers 400 with the detail at
         *     `/body/prompt` (enforced by the mock, not by the schema). With `messages` alone, the reply answers
         *     the last `user` message (none → 400 at `/body/messages`); when both are sent, it answers `prompt`.
         *     Unknown fields are accepted and ignored (Part A, unknown JSON fields).
         */
        RunRequest: {
            /** @description The agent to run, by slug (`code-assistant`) or id (`agt_…`); unknown → 404. */
            agent: string;
            /** @description The user's message. */
            prompt?: string;
            /** @description Caller-managed history; the reply answers its last `user` message. */
            messages?: components["schemas"]["RunMessage"][];
            /**
             * @description Continue this thread (the agent's, in the caller's organization: unknown → 404, another agent's
             *     → 409). Omitted → the run creates a new thread.
             *
             *     Mock decision (issue 14): an id the organization does not have answers 404 rather than starting a
             *     thread under a client-chosen id. The docs say "Reuse the same ID to continue the thread", i.e. the
             *     id comes from an earlier run's `threadId`; a mistyped id silently starting a new conversation would
             *     hide the bug.
             */
            threadId?: components["schemas"]["ThreadId"];
            /**
             * @description true (default) answers `text/event-stream`; false answers JSON when the run is done.
             * @default true
             */
            stream: boolean;
            config?: components["schemas"]["RunConfig"];
            metadata?: components["schemas"]["RunMetadata"];
        };
        /**
         * @description A run through the legacy per-agent endpoint: `RunRequest` without `agent` (the path names the
         *     agent; docs: /api-reference/agents/run). Either `prompt` or `messages` is required (400 at
         *     `/body/prompt` otherwise; enforced by the mock, not by the schema), with the same rules as
         *     `RunRequest`. Unknown fields, `agent` included, are accepted and ignored (Part A, unknown JSON
         *     fields).
         */
        LegacyRunRequest: {
            /** @description The user's message. */
            prompt?: string;
            /** @description Caller-managed history; the reply answers its last `user` message. */
            messages?: components["schemas"]["RunMessage"][];
            /**
             * @description Continue this thread (the agent's, in the caller's organization: unknown → 404, another agent's
             *     → 409). Omitted → the run creates a new thread.
             *
             *     Mock decision (issue 14): an id the organization does not have answers 404 rather than starting a
             *     thread under a client-chosen id. The docs say "Reuse the same ID to continue the thread", i.e. the
             *     id comes from an earlier run's `threadId`; a mistyped id silently starting a new conversation would
             *     hide the bug.
             */
            threadId?: components["schemas"]["ThreadId"];
            /**
             * @description true (default) answers `text/event-stream`; false answers JSON when the run is done.
             * @default true
             */
            stream: boolean;
            config?: components["schemas"]["RunConfig"];
            metadata?: components["schemas"]["RunMetadata"];
        };
        /**
         * @description Caller metadata (docs: /api-reference/agents/run, `metadata {}`): any JSON object, its values of
         *     any JSON type (`{"attempt": 2, "ci": {"job": "build"}}`), since the docs give no narrower type.
         *     Mock decision (issue 14): no documented answer carries it back, so the mock keeps it where a
         *     client can read it again: the `payload.metadata` of the run's `run_started` thread event
         *     (`GET /v1/threads/{threadId}/events`).
         */
        RunMetadata: {
            [key: string]: unknown;
        };
        /**
         * @description Token usage (docs: /api-reference/agents/run). No model runs in the mock, so the counts are its
         *     deterministic estimates (about four characters a token) and bill nothing; `totalTokens` = `promptTokens` + `completionTokens`,
         *     and `inputTokens` / `outputTokens` repeat `promptTokens` / `completionTokens` (the docs show both
         *     namings). All zero for a run the mock did not execute (dispatched).
         */
        RunUsage: {
            promptTokens: number;
            completionTokens: number;
            totalTokens: number;
            inputTokens: number;
            outputTokens: number;
            cachedInputTokens: number;
            reasoningTokens: number;
        };
        /**
         * @description A run's status (docs: "such as completed, registered, or dispatched"; the list filter names
         *     `running`, `completed`, `failed`, `cancelled`). `registered`: accepted, not started. `dispatched`:
         *     handed to a RunMesh device (local-mac); the mock has no devices, so the run stays dispatched until
         *     cancelled or until its device appends the `run_completed` event (`POST /v1/threads/{threadId}/events`),
         *     whose `status` becomes the run's. `running`: in progress (in the mock, while its stream is open). `completed`, `failed`,
         *     `cancelled`: finished; the mock's default reply never fails, and a run is cancelled by
         *     `POST /v1/run/{id}/cancel` or by its streaming client disconnecting. The mock's runs start
         *     `running` (in_sandbox, managed) or `dispatched` (local-mac); it does not use `registered`.
         * @enum {string}
         */
        RunStatus: "registered" | "dispatched" | "running" | "completed" | "failed" | "cancelled";
        /**
         * @description The JSON answer of a run (`stream: false`; docs: /api-reference/agents/run,
         *     /api-reference/agent-runs/run-an-agent-streaming-or-one-shot).
         */
        RunResult: {
            runId: components["schemas"]["RunId"];
            /** @description The linked sandbox of an `in_sandbox` agent; null otherwise. */
            sandboxId: string | null;
            threadId: components["schemas"]["ThreadId"];
            rolloutId: components["schemas"]["RolloutId"];
            executionMode: components["schemas"]["ExecutionMode"];
            /** @description The RunMesh device of a `local-mac` agent; null otherwise. */
            targetDeviceId: string | null;
            /** @description `completed` for `in_sandbox` and `managed` agents; `dispatched` for `local-mac` agents. */
            status: components["schemas"]["RunStatus"];
            /** @description The assistant's final text; null when the run was dispatched. */
            result: string | null;
            usage: components["schemas"]["RunUsage"];
            /** @description Model turns the run took (a tool call adds one); 0 when dispatched. */
            iterations: number;
        };
        RunResultEnvelope: {
            data: components["schemas"]["RunResult"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A run in the list (docs: /api-reference/agent-runs/list-recent-agent-runs:
         *     `{id, sandboxId, agentId, userId, status, createdAt}`; `agentSlug`, `threadId` and `completedAt` are
         *     the mock's additions, Mock decision (issue 4)).
         */
        RunSummary: {
            id: components["schemas"]["RunId"];
            agentId: components["schemas"]["AgentId"];
            agentSlug: components["schemas"]["AgentSlug"];
            threadId: components["schemas"]["ThreadId"];
            /** @description The sandbox the run used (`in_sandbox`); null otherwise. */
            sandboxId: string | null;
            /**
             * Format: uuid
             * @description The user of the API key that started the run.
             */
            userId: string;
            status: components["schemas"]["RunStatus"];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the run finished (completed, failed or cancelled); null while it has not.
             */
            completedAt: string | null;
        };
        RunList: {
            /** @description One page of runs, newest first. */
            data: components["schemas"]["RunSummary"][];
            hasMore: boolean;
            /** @description Cursor of the next page; null on the last page. */
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        RunCancelResult: {
            id: components["schemas"]["RunId"];
            /** @constant */
            status: "cancelled";
        };
        RunCancelEnvelope: {
            data: components["schemas"]["RunCancelResult"];
            meta: components["schemas"]["Meta"];
        };
        /** @description First frame of every stream. */
        RunStartedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "run_started";
            runId: components["schemas"]["RunId"];
            threadId: components["schemas"]["ThreadId"];
            rolloutId: components["schemas"]["RolloutId"];
            agentId: components["schemas"]["AgentId"];
            executionMode: components["schemas"]["ExecutionMode"];
            /** Format: date-time */
            createdAt: string;
        };
        /** @description A piece of the assistant's text; the deltas of a run, concatenated, equal its `assistant_message`. */
        AssistantDeltaEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "assistant_message_delta";
            runId: components["schemas"]["RunId"];
            delta: string;
        };
        /** @description The agent calls a tool (in the mock, `exec_command` with `{"command": …}`). */
        ToolCallStartedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tool_call_started";
            runId: components["schemas"]["RunId"];
            /** @description Unique within the run; the matching `tool_call_completed` repeats it. */
            toolCallId: string;
            /** @description The tool's name. */
            name: string;
            /** @description The tool's arguments (tool-specific). */
            arguments: {
                [key: string]: unknown;
            };
        };
        /**
         * @description The tool's result. For `exec_command` the output is the sandbox exec result
         *     `{stdout, stderr, exitCode}`, or `{error}` when the sandbox could not run it.
         */
        ToolCallCompletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "tool_call_completed";
            runId: components["schemas"]["RunId"];
            /** @description The `toolCallId` of the matching `tool_call_started`. */
            toolCallId: string;
            /** @description The tool's name. */
            name: string;
            /** @description The tool's output (tool-specific). */
            output: {
                [key: string]: unknown;
            };
        };
        /** @description The assistant's complete message. */
        AssistantMessageEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "assistant_message";
            runId: components["schemas"]["RunId"];
            content: string;
        };
        /** @description A `local-mac` run was dispatched to its RunMesh device; the stream ends after this frame. */
        RunDispatchedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "run_dispatched";
            runId: components["schemas"]["RunId"];
            /** @description The agent's RunMesh device. */
            targetDeviceId: string;
        };
        /** @description Last frame of a run that finished; `cancelled` when a cancel ended the stream. */
        RunCompletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "run_completed";
            runId: components["schemas"]["RunId"];
            /** @enum {string} */
            status: "completed" | "cancelled" | "failed";
            usage: components["schemas"]["RunUsage"];
            /** @description Model turns the run took. */
            iterations: number;
        };
        /**
         * @description The JSON `data:` of one `text/event-stream` frame of a run; `type` equals the frame's `event:` name
         *     (the documented live frame types; docs: /api-reference/agents/stream, /api-reference/threads).
         *     Referenced by the `x-sse-event-schema` of the run operations' `text/event-stream` media type.
         */
        RunStreamEvent: components["schemas"]["RunStartedEvent"] | components["schemas"]["AssistantDeltaEvent"] | components["schemas"]["ToolCallStartedEvent"] | components["schemas"]["ToolCallCompletedEvent"] | components["schemas"]["AssistantMessageEvent"] | components["schemas"]["RunDispatchedEvent"] | components["schemas"]["RunCompletedEvent"];
        /**
         * @description A conversation thread (docs: /api-reference/threads). A run without `threadId` creates one for its
         *     agent; `executionMode` is the agent's at that moment. Mock decision (issue 4): a new thread is
         *     titled after the message of the run that created it (whitespace collapsed, at most 60 characters;
         *     null when empty); `PATCH /v1/threads/{threadId}` changes it. `updatedAt` moves with every event
         *     and every change.
         */
        Thread: {
            id: components["schemas"]["ThreadId"];
            /** Format: uuid */
            orgId: string;
            /**
             * Format: uuid
             * @description The user of the API key whose run created the thread.
             */
            ownerUserId: string;
            agentId: components["schemas"]["AgentId"];
            title: string | null;
            executionMode: components["schemas"]["ExecutionMode"];
            archived: boolean;
            /**
             * @description The rollout (`RolloutId`) of the thread's latest run. Null only before the thread's first run
             *     starts, which no answer of the mock shows.
             */
            activeRolloutId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /**
         * @description A durable thread event (docs: /api-reference/threads). `sequence` starts at 1 and increases by one
         *     per event of the thread. The payload depends on `type`:
         *
         *     - `run_started`: `{agentId, executionMode, metadata?}` — `metadata` is the run request's, when sent
         *     - `user_message`: `{content}` — the prompt, or the content of the last `user` message
         *     - `assistant_message`: `{content}` — the assistant's final text
         *     - `tool_call`: `{toolCallId, name, arguments}`
         *     - `tool_result`: `{toolCallId, name, output}`
         *     - `run_completed`: `{status, usage?, iterations?}` — status `completed` or `failed` with usage and
         *       iterations; `{status: cancelled}` for a run whose stream was cancelled or disconnected
         *
         *     - `compaction_started`: `{reason: "manual", previousRolloutId}` (inferred: the docs name the event,
         *       not its payload)
         *     - `compaction_completed`: `{summary, compactedEventCount}` (inferred)
         *
         *     A run records, in order: `run_started`, `user_message`, then `tool_call` and `tool_result` for a
         *     tool call, `assistant_message`, `run_completed`; a dispatched (local-mac) run records only
         *     `run_started` and `user_message`, and the rest comes from its device through
         *     `POST /v1/threads/{threadId}/events`. Every event of a run carries that run's `rolloutId`.
         *     A compaction (`POST /v1/threads/{threadId}/compact`) records `compaction_started` and
         *     `compaction_completed` under a rollout of its own, with `runId` null (no run makes them).
         */
        ThreadEvent: {
            sequence: number;
            rolloutId: components["schemas"]["RolloutId"];
            threadId: components["schemas"]["ThreadId"];
            /** @description The run that recorded the event; null for a compaction's events (inferred). */
            runId: components["schemas"]["RunId"] | null;
            /** @enum {string} */
            type: "run_started" | "user_message" | "assistant_message" | "tool_call" | "tool_result" | "run_completed" | "compaction_started" | "compaction_completed";
            /** @description Per `type`, as listed above. */
            payload: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
        };
        ThreadSnapshot: {
            thread: components["schemas"]["Thread"];
            /** @description Events in increasing `sequence`. */
            events: components["schemas"]["ThreadEvent"][];
        };
        ThreadSnapshotEnvelope: {
            data: components["schemas"]["ThreadSnapshot"];
            meta: components["schemas"]["Meta"];
        };
        ThreadEventsResponse: {
            data: components["schemas"]["ThreadSnapshot"];
            /** @description True when more events follow this page. */
            hasMore: boolean;
            /** @description Cursor of the next page; null on the last page. */
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        ThreadList: {
            /** @description One page of threads, most recently updated first. */
            threads: components["schemas"]["Thread"][];
        };
        ThreadListResponse: {
            data: components["schemas"]["ThreadList"];
            /** @description True when more threads follow this page. */
            hasMore: boolean;
            /** @description Cursor of the next page; null on the last page. */
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description Rename and/or archive (docs: /api-reference/threads/rename-or-archive-a-thread: `{archived?,
         *     title?}`); at least one field. Unknown fields are accepted and ignored (Part A, unknown JSON fields).
         */
        ThreadUpdateRequest: {
            /** @description The new title; null clears it. */
            title?: string | null;
            /** @description Archive (true) or restore (false) the thread. */
            archived?: boolean;
        };
        ThreadEnvelope: {
            data: components["schemas"]["Thread"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description One rollout of a thread: in the mock, one run, or one compaction. `completedAt` is the time of its
         *     `run_completed` or `compaction_completed` event (null while the run is in flight).
         */
        ThreadRollout: {
            rolloutId: components["schemas"]["RolloutId"];
            threadId: components["schemas"]["ThreadId"];
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            completedAt: string | null;
            eventCount: number;
        };
        ThreadRolloutsEnvelope: {
            data: {
                thread: components["schemas"]["Thread"];
                /** @description Oldest first. */
                rollouts: components["schemas"]["ThreadRollout"][];
            };
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description What `POST /v1/threads/{threadId}/compact` answers. The docs answer "Compacted." without a body;
         *     this is the smallest shape the text implies (inferred): the thread, whose `activeRolloutId` is now
         *     the compaction's rollout, and that rollout.
         */
        ThreadCompaction: {
            thread: components["schemas"]["Thread"];
            rollout: components["schemas"]["ThreadRollout"];
        };
        ThreadCompactionEnvelope: {
            data: components["schemas"]["ThreadCompaction"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description One durable event a device publishes for its run (docs: /api-reference/threads/append-durable-thread-events
         *     shows `events: [{…}]` without the items' shape; inferred: the `type` and `payload` of a ThreadEvent,
         *     the server numbering and timestamping it). The types a run's device may append, and their payloads:
         *     `user_message` and `assistant_message` `{content: string}`; `tool_call` `{toolCallId: string, name:
         *     string, arguments?: object}`; `tool_result` `{toolCallId: string, name: string, output?}`;
         *     `run_completed` `{status: completed|failed|cancelled, usage?: object, iterations?: integer ≥ 0}`.
         *     `run_started` is recorded by `POST /v1/run` and compaction events by the compact operation, so
         *     neither is accepted here. A payload of the wrong shape answers 400 naming it, and nothing is
         *     appended. Other payload fields are kept.
         */
        ThreadEventInput: {
            /** @enum {string} */
            type: "user_message" | "assistant_message" | "tool_call" | "tool_result" | "run_completed";
            payload: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Durable events of one run, in order (docs: /api-reference/threads/append-durable-thread-events:
         *     `{events: [{…}], runId, rolloutId}`). Mock decision: `runId` must be a run of this thread that a
         *     device carries out (a `dispatched` or `registered` run, i.e. local-mac); `rolloutId` must be that
         *     run's; at most one `run_completed`, and only as the last event. At most 100 events per request
         *     (a mock bound; the body limit applies too).
         */
        ThreadEventsAppendRequest: {
            runId: components["schemas"]["RunId"];
            rolloutId: components["schemas"]["RolloutId"];
            events: components["schemas"]["ThreadEventInput"][];
        };
        /** @description What was appended (the docs' shape), the run's rollout, the `sequence` of the last event appended, and how many. */
        ThreadEventsAppended: {
            threadId: components["schemas"]["ThreadId"];
            rolloutId: components["schemas"]["RolloutId"];
            sequence: number;
            appended: number;
        };
        ThreadEventsAppendedEnvelope: {
            data: components["schemas"]["ThreadEventsAppended"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * Format: uuid
         * @description Organization id, a UUID (Part A, ids).
         */
        OrganizationId: string;
        /**
         * Format: uuid
         * @description User id, a UUID (Part A, ids). The mock knows no person behind a key: the user of a key is derived
         *     from the key (stable across restarts), and the user of a key issued through `POST /v1/api-keys` is
         *     the user who created it.
         */
        UserId: string;
        /**
         * @description The caller (docs: /api-reference/profile/get-current-user). Mock decision: the mock holds no
         *     profile, so `email`, `firstName`, `lastName` and `profilePictureUrl` are null; every caller is an
         *     admin of its organization (`isAdmin`), has access, and has not completed the tutorial.
         */
        CurrentUser: {
            id: components["schemas"]["UserId"];
            email: string | null;
            firstName: string | null;
            lastName: string | null;
            profilePictureUrl: string | null;
            isAdmin: boolean;
            accessGranted: boolean;
            tutorialCompleted: boolean;
        };
        CurrentUserEnvelope: {
            data: components["schemas"]["CurrentUser"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description The caller's role in the organization; the mock makes every member an admin.
         * @enum {string}
         */
        OrganizationRole: "admin" | "member";
        /**
         * @description An organization (docs: /api-reference/organizations/get-an-organization). Mock decision: the
         *     organization of a key is created on its first accepted request, named `Organization <first 8
         *     characters of its id>` with the slug `org-<same>`, on the `free` plan; `workosOrgId` is derived from
         *     the id (the mock has no WorkOS). `role` and `orgRole` are the caller's role.
         */
        Organization: {
            id: components["schemas"]["OrganizationId"];
            /** @description The WorkOS organization id. */
            workosOrgId: string;
            name: string;
            slug: string;
            /** @description The billing plan (the mock: `free`). */
            plan: string;
            enterprise: boolean;
            role: components["schemas"]["OrganizationRole"];
            orgRole: components["schemas"]["OrganizationRole"];
            /** @description Organization settings (the mock: `{}`). */
            settings: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
        };
        OrganizationEnvelope: {
            data: components["schemas"]["Organization"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A new organization (docs: /api-reference/organizations/create-a-new-organization, body `{name}`).
         *     Unknown fields are accepted and ignored (Part A, unknown JSON fields).
         */
        OrganizationCreateRequest: {
            name: string;
        };
        /**
         * @description The organization just created, with the default project and the personal workspace created with it
         *     (docs: "creates … a default project + Personal workspace").
         */
        CreatedOrganization: {
            id: components["schemas"]["OrganizationId"];
            workosOrgId: string;
            name: string;
            slug: string;
            plan: string;
            enterprise: boolean;
            role: components["schemas"]["OrganizationRole"];
            orgRole: components["schemas"]["OrganizationRole"];
            settings: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The default project (projects are not otherwise modelled).
             */
            defaultProjectId: string;
            /**
             * Format: uuid
             * @description The new organization's personal workspace.
             */
            personalWorkspaceId: string;
        };
        CreatedOrganizationEnvelope: {
            data: components["schemas"]["CreatedOrganization"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A member of an organization (docs: /api-reference/organizations/list-org-members). Mock decision:
         *     the members are the users whose keys made accepted requests in the organization (and the creator
         *     of an organization made through `POST /v1/organizations`), each an `active` admin; the mock holds
         *     no profile, so `email`, `firstName` and `lastName` are null.
         */
        OrganizationMember: {
            /**
             * Format: uuid
             * @description The membership's id.
             */
            id: string;
            userId: components["schemas"]["UserId"];
            email: string | null;
            firstName: string | null;
            lastName: string | null;
            role: components["schemas"]["OrganizationRole"];
            /** @enum {string} */
            status: "active" | "invited";
            /** Format: date-time */
            joinedAt: string;
        };
        OrganizationMemberList: {
            /** @description Every member, in the order they joined. */
            data: components["schemas"]["OrganizationMember"][];
            meta: components["schemas"]["Meta"];
        };
        /**
         * Format: uuid
         * @description API key id, a UUID (Part A, ids).
         */
        ApiKeyId: string;
        /**
         * @description A scope (docs: /api-reference/api-keys/create-an-api-key). Mock decision (issue 14): scopes are
         *     recorded and answered, not enforced: every key may call every operation.
         * @enum {string}
         */
        ApiKeyScope: "sandbox:create" | "sandbox:read" | "sandbox:write" | "sandbox:*" | "agent:run" | "agent:read" | "agent:write" | "agent:*" | "files:read" | "files:write" | "files:*" | "org:read" | "org:write" | "org:members" | "org:*" | "admin:resources" | "admin:*" | "*";
        /**
         * @description `revoked` once deleted or rotated away; `expired` once `expiresAt` has passed.
         * @enum {string}
         */
        ApiKeyStatus: "active" | "revoked" | "expired";
        /**
         * @description An API key's metadata (docs: /api-reference/api-keys/get-an-api-key-metadata-only). The secret is
         *     never part of it: the mock keeps only its SHA-256 digest (as the auth service does) and `keyPrefix`,
         *     its first 12 characters.
         */
        ApiKey: {
            id: components["schemas"]["ApiKeyId"];
            name: string;
            /** @description The first 12 characters of the key. */
            keyPrefix: string;
            scopes: components["schemas"]["ApiKeyScope"][];
            /** Format: uuid */
            projectId: string | null;
            /**
             * Format: date-time
             * @description Null when the key never expires.
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description The last request the key authenticated; null before the first.
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            status: components["schemas"]["ApiKeyStatus"];
            ownerUserId: components["schemas"]["UserId"];
            ownerDisplayName: string | null;
            ownerEmail: string | null;
        };
        /** @description A key just created or rotated, with its secret (`key`), shown this once. */
        NewApiKey: {
            id: components["schemas"]["ApiKeyId"];
            name: string;
            keyPrefix: string;
            scopes: components["schemas"]["ApiKeyScope"][];
            /** Format: uuid */
            projectId: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            status: components["schemas"]["ApiKeyStatus"];
            ownerUserId: components["schemas"]["UserId"];
            ownerDisplayName: string | null;
            ownerEmail: string | null;
            /** @description The secret, `rt_test_` when `isTest`, else `rt_live_`, then 32 letters and digits. */
            key: string;
        };
        NewApiKeyEnvelope: {
            data: components["schemas"]["NewApiKey"];
            /** @description The docs' reminder: "Store this key securely. You will not be able to see it again." */
            message: string;
            meta: components["schemas"]["Meta"];
        };
        ApiKeyEnvelope: {
            data: components["schemas"]["ApiKey"];
            meta: components["schemas"]["Meta"];
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
            hasMore: boolean;
            /** @description Cursor of the next page; null on the last page. */
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A new key (docs: /api-reference/api-keys/create-an-api-key). Unknown fields are accepted and ignored
         *     (Part A, unknown JSON fields).
         */
        ApiKeyCreateRequest: {
            name: string;
            /** @description Empty or left out means `["*"]` (docs). */
            scopes?: components["schemas"]["ApiKeyScope"][];
            /**
             * @description How long the key lives: `30d`, `90d`, `1y` (docs' examples); `m` counts 30 days and `never` (or
             *     leaving it out) means no expiry, as in the auth service.
             */
            expiresIn?: string;
            /**
             * @description A test key: `rt_test_…` instead of `rt_live_…`.
             * @default false
             */
            isTest: boolean;
            /** Format: uuid */
            projectId?: string | null;
        };
        /**
         * @description Changes to a key (docs: /api-reference/api-keys/update-an-api-key, body `{name?, scopes?, projectId?}`).
         *     Unknown fields are accepted and ignored.
         */
        ApiKeyUpdateRequest: {
            name?: string;
            scopes?: components["schemas"]["ApiKeyScope"][];
            /** Format: uuid */
            projectId?: string | null;
        };
        /** @description A rotation (CLI `runtools auth keys rotate <id> --name`); the name defaults to the old key's. */
        ApiKeyRotateRequest: {
            name?: string;
        };
        /**
         * @description What an event is about (docs: /api-reference/activity/list-customer-activity-events). Mock
         *     decision (issue 14): `run`, `api_key`, `secret` and `attachment` are added for agent runs, key
         *     management, secrets and thread attachments (the docs list no type for them; the auth service audits
         *     keys and secrets).
         * @enum {string}
         */
        ActivityResourceType: "sandbox" | "agent" | "workspace" | "thread" | "tool" | "installable_agent_install" | "runmesh_device" | "code_execution" | "run" | "api_key" | "secret" | "attachment";
        /**
         * @description The generated page's four values (the guide lists three; Part B §7, conflict 10).
         * @enum {string}
         */
        ActivitySeverity: "info" | "warning" | "error" | "success";
        /**
         * @description One recorded state change (docs: /api-reference/activity). The mock records every change it makes:
         *     sandboxes (`sandbox.created`, `sandbox.paused`, `sandbox.resumed`, `sandbox.destroyed`,
         *     `sandbox.command.executed`), agents (`agent.created`, `agent.updated`, `agent.deleted`), runs
         *     (`agent.run.started`, `agent.run.completed`, `agent.run.failed`, `agent.run.cancelled`,
         *     `agent.run.dispatched`), tool calls (`tool.call.started`, `tool.call.completed`), threads
         *     (`thread.updated`, `thread.deleted`), workspaces (`workspace.created`, `workspace.renamed`,
         *     `workspace.deleted`), keys (`api_key.created`, `api_key.updated`, `api_key.revoked`,
         *     `api_key.rotated`). Mock decision (Part B §7, conflict 10): the generated page's `createdAt`;
         *     `id` is `act_…` (the hand-written page's form).
         */
        ActivityEvent: {
            id: string;
            /** Format: uuid */
            orgId: string;
            /**
             * Format: uuid
             * @description The user whose request made the change; null for the mock's own (a sandbox finishing its boot).
             */
            actorUserId: string | null;
            /** @enum {string} */
            actorType: "user" | "system";
            resourceType: components["schemas"]["ActivityResourceType"];
            resourceId: string;
            /** @example agent.run.completed */
            eventType: string;
            severity: components["schemas"]["ActivitySeverity"];
            /** @description The resource's status after the change (`running`, `completed`…), where it has one. */
            status: string | null;
            title: string;
            summary: string | null;
            attributes: {
                [key: string]: unknown;
            };
            threadId: string | null;
            agentRunId: string | null;
            sandboxId: string | null;
            workspaceId: string | null;
            toolSlug: string | null;
            installableAgentInstallId: string | null;
            runmeshNodeId: string | null;
            codeExecutionId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ActivityList: {
            data: {
                /** @description One page of events, newest first. */
                events: components["schemas"]["ActivityEvent"][];
            };
            hasMore: boolean;
            /** @description Cursor of the next (older) page; null on the last page. */
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        /** @description A secret's name as stored, upper-cased to `[A-Z0-9_]+` (docs). */
        SecretName: string;
        /**
         * @description Where the secret may be used (docs: /advanced/secrets).
         * @enum {string}
         */
        SecretScope: "all" | "agents" | "tools" | "sandboxes";
        /** @enum {string} */
        SecretCategory: "provider" | "tool" | "custom";
        /**
         * @description A secret's metadata (docs: /advanced/secrets: "list never returns values"). The value is only ever
         *     answered by `POST /v1/secrets/{name}/reveal`.
         */
        Secret: {
            name: components["schemas"]["SecretName"];
            scope: components["schemas"]["SecretScope"];
            category: components["schemas"]["SecretCategory"];
            description: string | null;
            /** @description Shared with the whole organization; false: private to its owner (the docs' default). */
            orgWide: boolean;
            ownerUserId: components["schemas"]["UserId"];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description The last create or rotation.
             */
            updatedAt: string;
        };
        SecretEnvelope: {
            data: components["schemas"]["Secret"];
            meta: components["schemas"]["Meta"];
        };
        SecretList: {
            /** @description The caller's own secrets and the organization-wide ones, by name. */
            data: components["schemas"]["Secret"][];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A secret to create or rotate (docs: /api-reference/secrets/create-or-update-an-encrypted-secret,
         *     /advanced/secrets). Unknown fields are accepted and ignored (Part A, unknown JSON fields).
         */
        SecretUpsertRequest: {
            /**
             * @description "Uppercased to [A-Z0-9_]+ server-side": letters are upper-cased and every run of other characters
             *     than `A-Z0-9_` becomes one `_` (`openai-key` → `OPENAI_KEY`); a name with no letter or digit left
             *     answers 400.
             */
            name: string;
            value: string;
            /** @default all */
            scope: components["schemas"]["SecretScope"];
            /**
             * @description Mock decision (Part B §7, conflict 7): the generated page's default, `provider`.
             * @default provider
             */
            category: components["schemas"]["SecretCategory"];
            description?: string | null;
            /**
             * @description Share with the whole organization (the docs say admin-only; every caller is an admin in the mock).
             * @default false
             */
            orgWide: boolean;
        };
        RevealedSecret: {
            name: components["schemas"]["SecretName"];
            value: string;
        };
        RevealedSecretEnvelope: {
            data: components["schemas"]["RevealedSecret"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * Format: uuid
         * @description [I] A node's id. The docs show none; the mock uses a UUID, as the generated pages do for most ids.
         */
        RunMeshNodeId: string;
        /**
         * @description A device asking to join (docs: /api-reference/runmesh/begin-a-device-link-flow-unauthenticated).
         *     Unknown fields are accepted and ignored (Part A, unknown JSON fields).
         */
        DeviceLinkStartRequest: {
            /** @description Device public key. */
            publicKey: string;
            /** @description Human-readable device label; the node's name once approved. */
            deviceLabel?: string;
            /** @description Client OS, such as macos. */
            os?: string;
            /** @description Client app version. */
            appVersion?: string;
            hostname?: string;
            clientMetadata?: {
                [key: string]: unknown;
            };
        };
        DeviceLink: {
            /** @description The short-lived link code (the docs' example: `ABCD12`). */
            code: string;
            /**
             * Format: uri
             * @description Where a user approves the code (the docs' `https://runtools.ai/devices/link`).
             */
            url: string;
            /** Format: date-time */
            expiresAt: string;
        };
        DeviceLinkEnvelope: {
            data: components["schemas"]["DeviceLink"];
            meta: components["schemas"]["Meta"];
        };
        /** @description [I] The code of a link to poll or approve. The docs name the operations, not their bodies. */
        DeviceLinkCodeRequest: {
            /** @description A code from link start; matched without regard to case or surrounding spaces. */
            code: string;
        };
        /** @description [I] The code to approve, and optionally a name for the node (default: the device's label). */
        DeviceLinkApproveRequest: components["schemas"]["DeviceLinkCodeRequest"] & {
            name?: string;
        };
        /**
         * @description [I] Where a link stands ("poll a link code until approved or expired"; "the app polls until it
         *     receives the approved node identity", /features/runmesh). `node` and `config` are set once it is
         *     approved, null before and after expiry.
         */
        DeviceLinkPoll: {
            /** @enum {string} */
            status: "pending" | "approved" | "expired";
            /** Format: date-time */
            expiresAt: string;
            node: components["schemas"]["RunMeshNode"] | null;
            config: components["schemas"]["RunMeshNodeConfig"] | null;
        };
        DeviceLinkPollEnvelope: {
            data: components["schemas"]["DeviceLinkPoll"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description [I] A node of the organization's mesh (the docs say "the node object is not documented"): an
         *     approved device, its private identity (`meshIp`) and whether it is still trusted.
         */
        RunMeshNode: {
            id: components["schemas"]["RunMeshNodeId"];
            name: string;
            /**
             * @description Registered Macs are `device` (the docs' node types; sandboxes join on the real platform only).
             * @enum {string}
             */
            type: "device" | "sandbox";
            /** @enum {string} */
            status: "active" | "revoked";
            publicKey: string;
            /** @description The node's private address, from 100.64.0.0/10. */
            meshIp: string;
            os: string | null;
            appVersion: string | null;
            hostname: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        RunMeshNodeEnvelope: {
            data: components["schemas"]["RunMeshNode"];
            meta: components["schemas"]["Meta"];
        };
        RunMeshNodeList: {
            /** @description One page of nodes, oldest first. */
            data: components["schemas"]["RunMeshNode"][];
            hasMore: boolean;
            nextCursor: string | null;
            meta: components["schemas"]["Meta"];
        };
        /** @description Rename a node (docs: "Rename a node"). */
        RunMeshNodeUpdateRequest: {
            name: string;
        };
        RunMeshPeer: {
            nodeId: components["schemas"]["RunMeshNodeId"];
            name: string;
            publicKey: string;
            /** @description The peer's mesh address (`<meshIp>/32`). */
            address: string;
        };
        /**
         * @description [I] A node's peer config ("Generate peer config for a node"): its own address and every other
         *     active node of the organization as a peer. No keys of the platform's own are ever shown ("What
         *     Stays Private", /features/runmesh).
         */
        RunMeshNodeConfig: {
            nodeId: components["schemas"]["RunMeshNodeId"];
            address: string;
            peers: components["schemas"]["RunMeshPeer"][];
        };
        RunMeshNodeConfigEnvelope: {
            data: components["schemas"]["RunMeshNodeConfig"];
            meta: components["schemas"]["Meta"];
        };
        /** @description [I] "Node counts for the org": by status and by type. */
        RunMeshOverview: {
            total: number;
            active: number;
            revoked: number;
            devices: number;
            sandboxes: number;
        };
        RunMeshOverviewEnvelope: {
            data: components["schemas"]["RunMeshOverview"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A workflow's slug (the docs' `incoming-leads`). Mock decision [I]: workflows are authored in the
         *     dashboard and their CRUD is not documented, so any slug of this shape names a workflow; it exists for
         *     the mock once it has a trigger or a run. `webhooks` is not a slug: `/v1/workflows/webhooks/…` is the
         *     public webhook path.
         */
        WorkflowSlug: string;
        /**
         * @description "The public trigger API itself is cron or webhook" (/advanced/webhooks).
         * @enum {string}
         */
        WorkflowTriggerType: "webhook" | "cron";
        /**
         * @description A trigger to create (docs: /advanced/webhooks, `rt.workflows.createTrigger`). Unknown fields are
         *     accepted and ignored (Part A, unknown JSON fields).
         */
        WorkflowTriggerCreateRequest: {
            type: components["schemas"]["WorkflowTriggerType"];
            /** @description Default: the type (`webhook`, `cron`). */
            name?: string;
            /** @default true */
            enabled: boolean;
            /** @description Webhook only: the `X-Webhook-Secret` callers must send. Left out, the mock generates one and answers it once. */
            secret?: string;
            /**
             * @description [I] Cron only, and required for it: a five-field cron expression (minute hour day-of-month month
             *     day-of-week; `*`, lists, ranges and steps), evaluated in UTC on the mock's clock. The docs name cron
             *     triggers without showing their fields.
             */
            schedule?: string;
        };
        /** @description [I] What `rt.workflows.updateTrigger` may change (the docs show `{enabled: false}`). */
        WorkflowTriggerUpdateRequest: {
            name?: string;
            enabled?: boolean;
            /** @description Webhook only; rotates the secret. */
            secret?: string;
            /** @description Cron only. */
            schedule?: string;
        };
        /**
         * @description A trigger of a workflow. `webhookUrl` and `webhookSlug` are set for webhook triggers, `schedule`
         *     and `nextRunAt` for cron triggers [I]. `secret` is the webhook secret in the create answer only
         *     ("Store the returned secret", /advanced/webhooks), null everywhere else.
         */
        WorkflowTrigger: {
            /** Format: uuid */
            id: string;
            workflowSlug: components["schemas"]["WorkflowSlug"];
            type: components["schemas"]["WorkflowTriggerType"];
            name: string;
            enabled: boolean;
            webhookSlug: string | null;
            /** Format: uri */
            webhookUrl: string | null;
            secret: string | null;
            schedule: string | null;
            /** Format: date-time */
            nextRunAt: string | null;
            /** Format: date-time */
            lastFiredAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WorkflowTriggerEnvelope: {
            data: components["schemas"]["WorkflowTrigger"];
            meta: components["schemas"]["Meta"];
        };
        WorkflowTriggerList: {
            /** @description The workflow's triggers, oldest first. */
            data: components["schemas"]["WorkflowTrigger"][];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A run of a workflow (docs: `run.triggerType, run.status, run.createdAt`). Mock decision [I]: the mock
         *     runs no workflow graph (workflow definitions are not part of the public API), so a run completes as
         *     soon as it starts, with the trigger's payload as its `input` (webhook: the request body; cron: null).
         */
        WorkflowRun: {
            id: string;
            workflowSlug: components["schemas"]["WorkflowSlug"];
            /** Format: uuid */
            triggerId: string | null;
            triggerType: components["schemas"]["WorkflowTriggerType"];
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /** @description The payload that started the run (any JSON value). */
            input: unknown;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
        };
        WorkflowRunList: {
            /** @description The newest runs first, at most `limit`. */
            data: components["schemas"]["WorkflowRun"][];
            meta: components["schemas"]["Meta"];
        };
        WorkflowRunEnvelope: {
            data: components["schemas"]["WorkflowRun"];
            meta: components["schemas"]["Meta"];
        };
        /** @description A provider id: `google`, `github`, `slack`, `discord`, `microsoft`, `x`, `linkedin`, `telegram`, `whatsapp` (/advanced/oauth), `openai-codex` (device flow). */
        OAuthProvider: string;
        /**
         * @description A connected account (docs: /api-reference/oauth-connections/list-oauth-connections-for-the-caller,
         *     every field of the generated page). Mock decision: `authType` is `device_code` for a connection a
         *     device-code flow made (the page shows only `redirect`); `ownerDisplayName` and `ownerEmail` are null
         *     (the mock knows users by key only).
         */
        OAuthConnection: {
            /** Format: uuid */
            id: string;
            provider: components["schemas"]["OAuthProvider"];
            displayName: string;
            /** @enum {string} */
            status: "active";
            scopes: string[];
            /** Format: date-time */
            connectedAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @enum {string} */
            authType: "redirect" | "device_code";
            /** Format: uuid */
            userId: string;
            isDefault: boolean;
            ownerDisplayName: string | null;
            ownerEmail: string | null;
        };
        OAuthConnectionList: {
            data: components["schemas"]["OAuthConnection"][];
            meta: components["schemas"]["Meta"];
        };
        /** @description A started device-code flow (docs: /api-reference/oauth-connections/begin-a-device-code-oauth-flow-eg-openai-codex). */
        DeviceCodeFlow: {
            /** @enum {string} */
            provider: "openai-codex";
            /** @enum {string} */
            authType: "device_code";
            /** @description [I] Names the attempt (the control plane's `completeOAuthFlow` takes it). */
            attemptToken: string;
            /** Format: uri */
            verificationUri: string;
            /** Format: uri */
            verificationUriComplete: string;
            userCode: string;
            /** @description Seconds between polls. */
            interval: number;
            /** Format: date-time */
            expiresAt: string;
        };
        DeviceCodeFlowEnvelope: {
            data: components["schemas"]["DeviceCodeFlow"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A bring-your-own-app OAuth client (docs: /api-reference/byoa-configs/upsert-a-byoa-provider-configuration).
         *     The body is snake_case, as documented. Unknown fields are accepted and ignored.
         */
        ByoaConfigRequest: {
            provider: components["schemas"]["OAuthProvider"];
            client_id: string;
            /** @description Send unchanged or empty to keep the stored secret. */
            client_secret?: string;
            /** @description Comma-separated (the docs' `repo,read:user`). */
            scopes?: string;
        };
        /**
         * @description [I] The stored configuration (the docs answer "Upserted." without a body): the client id and scopes,
         *     and whether a secret is stored, never the secret. camelCase, as every answer of the public API.
         */
        ByoaConfig: {
            provider: components["schemas"]["OAuthProvider"];
            clientId: string;
            scopes: string | null;
            hasClientSecret: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ByoaConfigEnvelope: {
            data: components["schemas"]["ByoaConfig"];
            meta: components["schemas"]["Meta"];
        };
        /** @description An amount of credits in US cents (the docs' `…Cents` fields). Negative for a debit. */
        Cents: number;
        /** @description The organization's plan and credit summary (docs: /api-reference/billing/get-the-orgs-billing-summary). */
        BillingPlan: {
            /** Format: uuid */
            orgId: string;
            /** @description The plan's name; the mock's organizations are on `free`, as GET /v1/organizations/current says. */
            plan: string;
            balanceCents: components["schemas"]["Cents"];
            totalGrantedCents: components["schemas"]["Cents"];
            totalUsedCents: components["schemas"]["Cents"];
        };
        BillingPlanEnvelope: {
            data: components["schemas"]["BillingPlan"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description The organization's credit balance (docs: /api-reference/billing/get-the-orgs-credit-balance).
         *     `balanceCents` = `totalGrantedCents` − `totalUsedCents`: granted counts the sign-up grant, top-ups
         *     and the control plane's adjustments; used counts usage settled in the ledger.
         */
        CreditBalance: {
            balanceCents: components["schemas"]["Cents"];
            totalGrantedCents: components["schemas"]["Cents"];
            totalUsedCents: components["schemas"]["Cents"];
            /**
             * @description Inferred (the docs give the field, not its meaning): true once usage has consumed the sign-up
             *     grant, i.e. `totalUsedCents` ≥ the sign-up credits.
             */
            freeCreditsUsed: boolean;
        };
        CreditBalanceEnvelope: {
            data: components["schemas"]["CreditBalance"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description The docs' example shows `topup`; the other values are inferred: `grant` (the sign-up credits),
         *     `usage` (a charge), `adjustment` (a balance set through the mock's control plane).
         * @enum {string}
         */
        CreditLedgerEntryType: "grant" | "topup" | "usage" | "adjustment";
        /**
         * @description One movement of the credit ledger (docs: /api-reference/billing/get-credit-ledger-history).
         *     Inferred: `amountCents` is signed (positive for credits, negative for usage); `resource` names what
         *     usage was for (`agent_run`, `code_execution`, `sandbox_runtime`) and is null otherwise;
         *     `referenceId` is the run id, sandbox id, execution number or checkout session id.
         */
        CreditLedgerEntry: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orgId: string;
            type: components["schemas"]["CreditLedgerEntryType"];
            amountCents: components["schemas"]["Cents"];
            resource: string | null;
            description: string | null;
            referenceId: string | null;
            balanceAfterCents: components["schemas"]["Cents"];
            /** Format: date-time */
            createdAt: string;
        };
        CreditHistory: {
            /** @description Newest first. */
            data: components["schemas"]["CreditLedgerEntry"][];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description `current` is the current calendar month (UTC); `7d` and `30d` are the last 7 or 30 UTC days, today included.
         * @enum {string}
         */
        UsagePeriod: "current" | "7d" | "30d" | "all_time";
        /** @description Inferred. What one kind of resource cost in the period. */
        ResourceCharge: {
            /** @enum {string} */
            resource: "agent_run" | "code_execution" | "sandbox_runtime";
            /** @description Runs, executions or sandbox seconds. */
            quantity: number;
            /** @enum {string} */
            unit: "run" | "execution" | "second";
            amountCents: number;
        };
        /**
         * @description Usage in a period (docs: /api-reference/billing, "Usage rows include": tokens, modelUsage,
         *     sandboxRuntime, storageUsage, toolExecutions, resourceCharges; /limits adds agent runs). The docs
         *     name the fields, not their shapes: every object below is inferred, the smallest the text implies.
         */
        UsageSummary: {
            /** Format: uuid */
            orgId: string;
            period: components["schemas"]["UsagePeriod"];
            /**
             * Format: date-time
             * @description Null for `all_time`.
             */
            periodStart: string | null;
            /**
             * Format: date-time
             * @description The time of the request.
             */
            periodEnd: string;
            tokens: {
                inputTokens: number;
                outputTokens: number;
                totalTokens: number;
            };
            /** @description Tokens by model identifier (the agent's `model`), in order of first use. */
            modelUsage: {
                model: string;
                runs: number;
                inputTokens: number;
                outputTokens: number;
                totalTokens: number;
            }[];
            agentRuns: number;
            /** @description Calls of `POST /v1/execute`. */
            codeExecutions: number;
            /**
             * @description Settled seconds (intervals of `running` that ended in the period) and the active estimate
             *     (sandboxes running now, since they last started). The mock settles an interval when it ends, so it
             *     has nothing pending or forgiven.
             */
            sandboxRuntime: {
                settledSeconds: number;
                settledCents: number;
                activeSeconds: number;
                activeCents: number;
            };
            /** @description Workspace storage byte-seconds. The mock stores no files (tag `workspaces`), so nothing accrues. */
            storageUsage: {
                byteSeconds: number;
            };
            /** @description Tool calls made by agent runs. */
            toolExecutions: number;
            resourceCharges: components["schemas"]["ResourceCharge"][];
            balanceCents: components["schemas"]["Cents"];
        };
        UsageEnvelope: {
            data: components["schemas"]["UsageSummary"];
            meta: components["schemas"]["Meta"];
        };
        /** @description A credit top-up (docs: /api-reference/billing/create-a-stripe-checkout-session-for-a-credit-top-up). */
        TopUpRequest: {
            /** @description At least 500 (docs). Mock decision: at most 10,000,000 ($100,000) per top-up. */
            amountCents: number;
            /**
             * Format: uuid
             * @description The caller's organization (another one is a 404).
             */
            orgId?: string;
            /** @description Where the checkout page sends the payer afterwards (recorded). */
            successUrl?: string;
            /** @description Where an abandoned checkout returns (recorded). */
            cancelUrl?: string;
        };
        CheckoutSession: {
            /** @description The mock's own checkout page (`/__mock/billing/checkout/{sessionId}`); opening it pays. */
            checkoutUrl: string;
            sessionId: string;
        };
        CheckoutSessionEnvelope: {
            data: components["schemas"]["CheckoutSession"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description Inferred (the docs say only "Verify a completed checkout session"): the session, whether it was
         *     paid (`complete`) and so credited, and the balance now.
         */
        TopUpVerification: {
            sessionId: string;
            /** @enum {string} */
            status: "open" | "complete";
            amountCents: number;
            credited: boolean;
            balanceCents: components["schemas"]["Cents"];
        };
        TopUpVerificationEnvelope: {
            data: components["schemas"]["TopUpVerification"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * Format: uuid
         * @description Attachment id (a uuid, as the generated pages show).
         */
        AttachmentId: string;
        /**
         * @description Asks for an upload target (docs: /api-reference/attachments/create-an-attachment-upload-target:
         *     `{threadId, filename, contentType, agentSlug?, sizeBytes?}`). `threadId` must be a thread of the
         *     organization (404). `agentSlug`, when given, must name that thread's agent (404 for an agent the
         *     organization does not have, 409 for another agent). A `sizeBytes` over the mock's bound of 8 MiB
         *     answers 413. Unknown fields are accepted and ignored (Part A, unknown JSON fields).
         */
        AttachmentUploadRequest: {
            threadId: components["schemas"]["ThreadId"];
            filename: string;
            /** @description A media type, such as `image/png` or `text/plain`. */
            contentType: string;
            agentSlug?: string;
            /** @description The size the client will upload; when given, the upload must be exactly this long (400 otherwise). */
            sizeBytes?: number;
        };
        /**
         * @description Where to upload the bytes (docs: "Returns a signed Spaces upload URL. Client uploads bytes there, then
         *     finalizes by POST /:id/complete"). Mock decision (issue 14): the URL is the mock's own
         *     `PUT /v1/agent-attachments/{id}/upload?org=…&signature=…`, signed by its query like a storage URL (no
         *     API key needed), valid for 15 minutes; `method` is `PUT` and `headers` hold the `Content-Type` to send.
         */
        AttachmentUploadTarget: {
            id: components["schemas"]["AttachmentId"];
            /** Format: uri */
            uploadUrl: string;
            /** @enum {string} */
            method: "PUT";
            headers: {
                [key: string]: string;
            };
            /** Format: date-time */
            expiresAt: string;
        };
        AttachmentUploadTargetEnvelope: {
            data: components["schemas"]["AttachmentUploadTarget"];
            meta: components["schemas"]["Meta"];
        };
        /** @description What the upload URL answers (inferred; a storage URL answers an empty 200). */
        AttachmentUploaded: {
            id: components["schemas"]["AttachmentId"];
            sizeBytes: number;
        };
        AttachmentUploadedEnvelope: {
            data: components["schemas"]["AttachmentUploaded"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A representation made for a model by `POST /v1/agent-attachments/{id}/resolve` (inferred; the docs show
         *     `materializations: [{}]`).
         */
        AttachmentMaterialization: {
            model: string;
            kind: components["schemas"]["AttachmentKind"];
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * @description How a model receives the attachment (docs: `kind` "image"…). Mock decision: `image` for `image/*`;
         *     `text` for `text/*`, JSON, XML, YAML and JavaScript media types; `file` for anything else.
         * @enum {string}
         */
        AttachmentKind: "image" | "text" | "file";
        /**
         * @description An attachment of a thread (docs: /api-reference/attachments/finalize-an-attachment-after-upload:
         *     `{id, threadId, filename, contentType, sizeBytes, status, materializations}`). Mock decision: `status`
         *     is `pending` until completed, then `ready`; `sizeBytes` is what was uploaded.
         */
        Attachment: {
            id: components["schemas"]["AttachmentId"];
            threadId: components["schemas"]["ThreadId"];
            filename: string;
            contentType: string;
            sizeBytes: number;
            /** @enum {string} */
            status: "pending" | "ready";
            materializations: components["schemas"]["AttachmentMaterialization"][];
        };
        AttachmentEnvelope: {
            data: {
                attachment: components["schemas"]["Attachment"];
            };
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description Docs: /api-reference/attachments/resolve-an-attachment-for-a-specific-model: `{model, isMostRecentUserAttachment
         *     (default true)}`. Mock decision: `isMostRecentUserAttachment` is accepted and does not change the answer
         *     (the docs do not say what it changes). Unknown fields are accepted and ignored.
         */
        AttachmentResolveRequest: {
            model: string;
            /** @default true */
            isMostRecentUserAttachment: boolean;
        };
        /**
         * @description "The most useful representation (image URL, text excerpt, etc.) for the requested model". Mock decision:
         *     an `image` (or `file`) comes as a `data:` URL of its bytes and `text` null; a `text` attachment as its
         *     UTF-8 text (at most 100,000 characters, the excerpt) and `url` null.
         */
        ResolvedAttachment: {
            attachmentId: components["schemas"]["AttachmentId"];
            model: string;
            kind: components["schemas"]["AttachmentKind"];
            url: string | null;
            text: string | null;
        };
        ResolvedAttachmentEnvelope: {
            data: components["schemas"]["ResolvedAttachment"];
            meta: components["schemas"]["Meta"];
        };
        /** @description A tool's slug (docs: /api-reference/tools-custom/create-or-update-a-custom-tool pattern), such as `github`, `gmail` or `slack`. */
        ToolSlug: string;
        /**
         * @description A tool action to run (docs: /api-reference/tool-execution/execute-a-tool-action). Unknown fields are
         *     accepted and ignored (Part A, unknown JSON fields).
         */
        ToolExecuteRequest: {
            /** @description The tool-specific action (`list_repos`). */
            action: string;
            /**
             * @description The action's parameters.
             * @default {}
             */
            params: {
                [key: string]: unknown;
            };
            /**
             * @description Per-request credential fields (first in the documented resolution order).
             * @default {}
             */
            credentials: {
                [key: string]: string;
            };
            /**
             * @description Credential field → the name of a stored secret (second in the resolution order). Mock decision: a
             *     named secret the caller cannot see fails the call (`success: false`, `credential_secret_not_found`).
             * @default {}
             */
            credentialOverrides: {
                [key: string]: string;
            };
        };
        ToolExecutionError: {
            code: string;
            message: string;
            statusCode: number;
        };
        /**
         * @description The normalized result of a tool action (docs: /features/tool-hub "Responses are normalized"). A
         *     failing action is still HTTP 200: `success: false` with `error`.
         */
        ToolExecution: {
            success: boolean;
            /** @description The action's result (any JSON); null when it failed. */
            result: unknown;
            durationMs: number;
            error?: components["schemas"]["ToolExecutionError"];
        };
        ToolExecutionEnvelope: {
            data: components["schemas"]["ToolExecution"];
            meta: components["schemas"]["Meta"];
        };
        /** @description `oauth`, `secret`, `none`, "or a tool-specific mode" (docs: /api-reference/tools/install). */
        ToolCredentialMode: string;
        /** @description An installed tool (docs: /api-reference/tools/install). */
        ToolInstallation: {
            slug: components["schemas"]["ToolSlug"];
            installed: boolean;
            /** @description Whether the tool requires OAuth, stored secrets, or explicit credentials. */
            credentialsRequired: boolean;
            credentialMode: components["schemas"]["ToolCredentialMode"];
            /** @description Required credential field names. */
            requiredCredentialFields: string[];
        };
        ToolInstallationEnvelope: {
            data: components["schemas"]["ToolInstallation"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A custom tool to create or replace (docs: /api-reference/tools-custom/create-or-update-a-custom-tool;
         *     /sdk/custom-tools for what `credentialsJson` and `actionsJson` hold). Unknown fields are accepted and
         *     ignored.
         */
        CustomToolRequest: {
            slug: components["schemas"]["ToolSlug"];
            name: string;
            /** @description Tool source code ("executed in tools service sandbox"; the mock stores it and never runs it). */
            code: string;
            description?: string | null;
            category?: string | null;
            /** @description The tool's own version label (the caller's, such as `1.2.0`). */
            version?: string | null;
            parametersJson?: {
                [key: string]: unknown;
            };
            /**
             * @description As `defineTool({credentials})` (docs: /sdk/custom-tools): `required` (field names), `schema`, and
             *     optionally `oauth`. Mock decision: `required` must be an array of strings when present (400 at
             *     `/body/credentialsJson/required`).
             */
            credentialsJson?: {
                [key: string]: unknown;
            };
            /**
             * @description The tool's actions by name (docs: /sdk/custom-tools: "actions: object of named actions"). Mock
             *     decision: when it names actions, executing another action fails (`success: false`, `unknown_action`).
             */
            actionsJson?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description A custom tool as stored. Inferred shape [I]: the docs answer "Updated." with no body; the mock answers
         *     the definition (without its `code`) with the same upsert fields as agents: `action` (`created` or
         *     `updated`) and `version`, the definition's revision (1, then + 1 on every update). The caller's own
         *     version label is `toolVersion`.
         */
        CustomTool: {
            /** @description Mock decision: a prefixed id (`tool_…`), as agents' `agt_…`. */
            id: string;
            slug: components["schemas"]["ToolSlug"];
            name: string;
            description: string | null;
            category: string | null;
            /** @description The request's `version` label. */
            toolVersion: string | null;
            parametersJson: {
                [key: string]: unknown;
            };
            credentialsJson: {
                [key: string]: unknown;
            };
            actionsJson: {
                [key: string]: unknown;
            };
            /**
             * @description Whether this request created the tool or replaced it.
             * @enum {string}
             */
            action: "created" | "updated";
            /** @description The definition's revision. */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CustomToolEnvelope: {
            data: components["schemas"]["CustomTool"];
            meta: components["schemas"]["Meta"];
        };
        /** @description The sandbox to open a terminal on (docs: /api-reference/terminal/mint-a-one-time-browser-terminal-session). Unknown fields are accepted and ignored. */
        TerminalSessionRequest: {
            /** @description The sandbox, by id (`sandbox-…`) or name (Mock decision, as every sandbox path takes either). */
            sandboxId: components["schemas"]["SandboxRef"];
        };
        /** @description A one-time browser terminal session (docs: the same page). */
        TerminalSession: {
            /** Format: uuid */
            sessionId: string;
            sandboxId: components["schemas"]["SandboxId"];
            /** @description The WebSocket bridge's path, `/v1/terminal/sessions/<sessionId>` (the mock serves no WebSocket). */
            wsPath: string;
            /**
             * Format: date-time
             * @description Mock decision: 60 seconds after minting.
             */
            expiresAt: string;
        };
        TerminalSessionEnvelope: {
            data: components["schemas"]["TerminalSession"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description Where to install a catalog agent (docs: /api-reference/installable-agents/install-an-installable-agent-into-a-sandbox+workspace).
         *     Unknown fields are accepted and ignored.
         */
        InstallableAgentInstallRequest: {
            /** @description The sandbox, by id or name (Mock decision, as every sandbox path takes either). */
            sandboxId: components["schemas"]["SandboxRef"];
            workspaceId: components["schemas"]["WorkspaceId"];
            /** @description Branch, tag, or commit. Defaults to catalog defaultRef. */
            ref?: string;
            /** @description Optional public GitHub repository URL override (`https://github.com/<owner>/<repo>`). */
            repoUrl?: string;
            displayName?: string;
            avatarSeed?: string;
        };
        /**
         * @description The docs show `installing`. Inferred [I]: `ready` once installed (the mock: by the caller's next
         *     request, as a sandbox boots), `failed` with `errorMessage` (never reached in the mock).
         * @enum {string}
         */
        InstallableAgentInstallStatus: "installing" | "ready" | "failed";
        /** @description An installed catalog agent (docs, the same page; every documented field). */
        InstallableAgentInstall: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orgId: string;
            /** Format: uuid */
            installedBy: string;
            sandboxId: components["schemas"]["SandboxId"];
            workspaceId: components["schemas"]["WorkspaceId"];
            agentSlug: string;
            displayName: string;
            repoUrl: string;
            /** @description The request's `ref`; null when the catalog's default was used. */
            requestedRef: string | null;
            /** @description Mock decision: a commit id derived from the repository and ref (the same for the same pair). */
            resolvedRef: string;
            /** @description Mock decision: `/opt/runtools/agents/<slug>`. */
            installPath: string;
            /** @description Mock decision: `/workspace/.runtools/agents/<slug>`, on the workspace so it persists. */
            statePath: string;
            commandName: string;
            status: components["schemas"]["InstallableAgentInstallStatus"];
            errorMessage: string | null;
            metadataJson: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            installedAt: string;
            /** Format: date-time */
            updatedAt: string;
            sandboxName: string;
            workspaceName: string;
            /** @description The sandbox's status at the time of the answer. */
            sandboxStatus: string;
            /** Format: uuid */
            ownerUserId: string;
            /** @description Mock decision: null (API keys carry no profile). */
            ownerDisplayName: string | null;
            /** @description Mock decision: null (API keys carry no profile). */
            ownerEmail: string | null;
        };
        InstallableAgentInstallEnvelope: {
            data: components["schemas"]["InstallableAgentInstall"];
            meta: components["schemas"]["Meta"];
        };
        /**
         * @description A chat turn (docs: /api-reference/installable-agents/send-a-chat-message-to-hermes). The reply answers
         *     the last `user` message (its `content`, else its `parts`' text). Unknown fields are accepted and ignored.
         */
        InstallChatRequest: {
            /** @description Continue this chat thread; absent starts one. */
            threadId?: string;
            messages: {
                /** @enum {string} */
                role: "system" | "user" | "assistant";
                content?: string;
                parts?: {
                    /** @enum {string} */
                    type: "text";
                    text?: string;
                }[];
            }[];
            /**
             * @description Server-sent events when true (the default), else one JSON answer.
             * @default true
             */
            stream: boolean;
        };
        /**
         * @description Inferred [I]: the docs say only "Hermes response (SSE if stream is true)". The smallest shape: the
         *     install, the chat thread and the assistant's message.
         */
        InstallChatReply: {
            /** Format: uuid */
            installId: string;
            threadId: string;
            message: {
                /** @constant */
                role: "assistant";
                content: string;
            };
        };
        InstallChatReplyEnvelope: {
            data: components["schemas"]["InstallChatReply"];
            meta: components["schemas"]["Meta"];
        };
        InstallChatStartedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "chat_started";
            /** Format: uuid */
            installId: string;
            threadId: string;
        };
        InstallChatDeltaEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text_delta";
            delta: string;
        };
        /** @description The last frame; `content` is the whole reply. */
        InstallChatCompletedEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "chat_completed";
            /** Format: uuid */
            installId: string;
            threadId: string;
            content: string;
        };
        /**
         * @description The JSON `data:` of one `text/event-stream` frame of a chat; `type` equals the frame's `event:` name.
         *     Inferred [I] (the docs name no frames): `chat_started`, then `text_delta` frames, then `chat_completed`.
         *     Referenced by the `x-sse-event-schema` of the chat operation's `text/event-stream` media type.
         */
        InstallChatStreamEvent: components["schemas"]["InstallChatStartedEvent"] | components["schemas"]["InstallChatDeltaEvent"] | components["schemas"]["InstallChatCompletedEvent"];
    };
    responses: {
        /**
         * @description The request is invalid: it fails the schema (each violation in `details`, with a JSON pointer into
         *     the request), its body is not JSON, or it breaks a documented rule. Mock decision: a body nested
         *     deeper than 64 levels, or holding a `__proto__`, `constructor` or `prototype` key anywhere, is refused
         *     here, with a pointer to the place.
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
         * @description No API key was sent, or the key is malformed, unknown, revoked (401 `invalid_token`) or expired
         *     (401 `token_expired`).
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
         * @description The organization has no credits left for this (docs: /api-reference/sandboxes/create-a-sandbox, 402
         *     `insufficient_credits`). The mock's billing answers it when the balance, less what running sandboxes owe,
         *     cannot pay an hour of sandbox runtime (tag `billing`); a test provokes it by setting the balance
         *     (`PUT /__mock/billing`, spec/control.yaml), or with `Prefer: code=402` or a response script.
         */
        InsufficientCredits: {
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
        /**
         * @description The request conflicts with the resource's state (duplicate sandbox name or workspace slug, illegal
         *     lifecycle transition, a run of an in_sandbox agent whose sandbox is not running, a thread of another
         *     agent, a cancel of a finished run).
         */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Mock decision (docs/input-rules.md): the request would store a new organization (its first accepted
         *     change) while the mock already keeps its maximum (`--max-orgs`, default 10,000). Nothing is stored;
         *     reset organizations (`POST /__mock/reset`) or start the mock with a higher `--max-orgs`.
         */
        OrganizationLimit: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The workspace is in use (mounted by a non-destroyed sandbox, attached by an agent, or mounted on the
         *     sandbox of an `in_sandbox` agent) and `force=true` was not sent; the message names the sandboxes and
         *     agents that use it (docs: /api-reference/workspaces/manage).
         */
        WorkspaceInUse: {
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
        /**
         * @description Mock decision (`--persist` only): the change could not be made durable (the persist file's disk is full
         *     or read-only, or a write failed), so it was not applied: the state is as it was before the request, in
         *     memory and on disk, and a retry once the disk is fixed is safe. Never sent without `--persist`.
         *     507 (RFC 4918: the server "is unable to store the representation needed to successfully complete the
         *     request") rather than 503, so that it is not mistaken for an injected fault or a real outage; the
         *     message names the file system's error code (docs/persistence.md).
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
        /**
         * @description Mock decision: the write would take the workspace past its quota (`quotaBytes`, 10 GiB), so nothing was
         *     written, as a full disk refuses a write; `code` is `insufficient_storage`. Under `--persist`, also the
         *     answer to a change that could not be made durable (see `InsufficientStorage`).
         */
        WorkspaceFull: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description Mock decision: an upload's multipart body may be at most 100 MiB (104,857,600 bytes), the documented
         *     default maximum upload per request (docs: /limits); a larger one is refused before it is read.
         */
        UploadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The upload's body is not `multipart/form-data`. */
        NotMultipart: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /**
         * @description The run's answer: `text/event-stream` when `stream` is true or omitted, `application/json` when
         *     `stream` is false. Both carry `X-Run-ID` and `X-Thread-ID`.
         */
        RunAnswer: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-Run-ID": components["headers"]["XRunId"];
                "X-Thread-ID": components["headers"]["XThreadId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RunResultEnvelope"];
                /**
                 * @example id: 1
                 *     event: run_started
                 *     data: {"type":"run_started","runId":"run_abc123","threadId":"thr_abc123","rolloutId":"rol_abc123","agentId":"agt_abc123","executionMode":"in_sandbox","createdAt":"2026-11-29T10:10:00.000Z"}
                 *
                 *     id: 2
                 *     event: assistant_message_delta
                 *     data: {"type":"assistant_message_delta","runId":"run_abc123","delta":"[code-assistant] You said: "}
                 *
                 *     id: 3
                 *     event: assistant_message_delta
                 *     data: {"type":"assistant_message_delta","runId":"run_abc123","delta":"hello"}
                 *
                 *     id: 4
                 *     event: assistant_message
                 *     data: {"type":"assistant_message","runId":"run_abc123","content":"[code-assistant] You said: hello"}
                 *
                 *     id: 5
                 *     event: run_completed
                 *     data: {"type":"run_completed","runId":"run_abc123","status":"completed","usage":{"promptTokens":2,"completionTokens":8,"totalTokens":10,"inputTokens":2,"outputTokens":8,"cachedInputTokens":0,"reasoningTokens":0},"iterations":1}
                 */
                "text/event-stream": string;
            };
        };
    };
    parameters: {
        /**
         * @description Opaque cursor from a previous page's `nextCursor`; omit it for the first page.
         * @example eyJpZCI6InNhbmRib3gtYWJjMTIzIn0
         */
        Cursor: string;
        /**
         * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
         * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
         */
        StorageWorkspaceId: components["schemas"]["WorkspaceId"];
        /**
         * @description A path within the workspace (docs: "Sub-path within the workspace; may contain /"). Mock decision: the
         *     rest of the URL after the operation's segment is the path, slashes included (`…/files/src/components`);
         *     a slash may also be sent encoded (`src%2Fcomponents`). It is normalised (`./`, repeated slashes); a `..`
         *     that would leave the workspace answers 400.
         * @example src
         */
        EntryPath: string;
        /** @description Include dotfiles and dot directories. */
        ShowHidden: boolean;
        /**
         * @description Target organization UUID; defaults to the authenticated organization (docs: /api-reference/billing/*).
         *     The mock answers 404 for any organization but the caller's.
         */
        BillingOrgId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The request id; equals `meta.requestId` or `error.requestId` of the body.
         * @example req_7Hx2Kp9Qw
         */
        XRequestId: string;
        /**
         * @description The run's id (`run_…`); equals `runId` of the JSON answer and of every stream frame.
         * @example run_abc123
         */
        XRunId: components["schemas"]["RunId"];
        /**
         * @description The run's thread (`thr_…`), created by the run or continued by it; equals `threadId` of the answer.
         * @example thr_abc123
         */
        XThreadId: components["schemas"]["ThreadId"];
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
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
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
            507: components["responses"]["InsufficientStorage"];
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
            507: components["responses"]["InsufficientStorage"];
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
                 * @description Leave out sandboxes of this template (docs; e.g. `desktop-ubuntu`).
                 * @example desktop-ubuntu
                 */
                exclude_template?: components["schemas"]["SandboxTemplate"];
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
            402: components["responses"]["InsufficientCredits"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
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
            507: components["responses"]["InsufficientStorage"];
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
            507: components["responses"]["InsufficientStorage"];
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
            507: components["responses"]["InsufficientStorage"];
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
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getSandboxUrl: {
        parameters: {
            query: {
                /**
                 * @description The port inside the sandbox.
                 * @example 3000
                 */
                port: number;
            };
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
            /** @description The preview URL. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SandboxUrlEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    executeCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExecuteRequest"];
            };
        };
        responses: {
            /** @description The code ran (whatever its exit code). Raw payload, no envelope. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecuteResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listWorkspaces: {
        parameters: {
            query?: {
                /**
                 * @description Page size (number of workspaces).
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
            /** @description One page of workspaces and the organization's storage summary. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceCreateRequest"];
            };
        };
        responses: {
            /** @description The workspace was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID) or its slug (docs: /sdk/agents names a workspace `shared-docs`); an
                 *     unknown one answers 404, anything that is neither a UUID nor a slug 400.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["schemas"]["WorkspaceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteWorkspace: {
        parameters: {
            query?: {
                /**
                 * @description Delete even when the workspace is in use, removing its mounts and agent references.
                 * @example true
                 */
                force?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID) or its slug (docs: /sdk/agents names a workspace `shared-docs`); an
                 *     unknown one answers 404, anything that is neither a UUID nor a slug 400.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["schemas"]["WorkspaceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace is gone. */
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
            409: components["responses"]["WorkspaceInUse"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID) or its slug (docs: /sdk/agents names a workspace `shared-docs`); an
                 *     unknown one answers 404, anything that is neither a UUID nor a slug 400.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["schemas"]["WorkspaceRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceUpdateRequest"];
            };
        };
        responses: {
            /** @description The renamed workspace. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getWorkspaceUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID) or its slug (docs: /sdk/agents names a workspace `shared-docs`); an
                 *     unknown one answers 404, anything that is neither a UUID nor a slug 400.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["schemas"]["WorkspaceRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace's references. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceUsageEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listWorkspaceRootEntries: {
        parameters: {
            query?: {
                /** @description Include dotfiles and dot directories. */
                showHidden?: components["parameters"]["ShowHidden"];
            };
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The directory's entries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    batchMutateWorkspaceEntries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceEntryBatchRequest"];
            };
        };
        responses: {
            /** @description The entries at their destination. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["WorkspaceFull"];
        };
    };
    createWorkspaceRootEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceEntryCreateRequest"];
            };
        };
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["WorkspaceFull"];
        };
    };
    deleteWorkspaceEntries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceEntryDeleteRequest"];
            };
        };
        responses: {
            /** @description What was deleted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntryDeleteResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["WorkspaceFull"];
        };
    };
    listWorkspaceEntries: {
        parameters: {
            query?: {
                /** @description Include dotfiles and dot directories. */
                showHidden?: components["parameters"]["ShowHidden"];
            };
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
                /**
                 * @description A path within the workspace (docs: "Sub-path within the workspace; may contain /"). Mock decision: the
                 *     rest of the URL after the operation's segment is the path, slashes included (`…/files/src/components`);
                 *     a slash may also be sent encoded (`src%2Fcomponents`). It is normalised (`./`, repeated slashes); a `..`
                 *     that would leave the workspace answers 400.
                 * @example src
                 */
                path: components["parameters"]["EntryPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The directory's entries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    mutateWorkspaceEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
                /**
                 * @description A path within the workspace (docs: "Sub-path within the workspace; may contain /"). Mock decision: the
                 *     rest of the URL after the operation's segment is the path, slashes included (`…/files/src/components`);
                 *     a slash may also be sent encoded (`src%2Fcomponents`). It is normalised (`./`, repeated slashes); a `..`
                 *     that would leave the workspace answers 400.
                 * @example src
                 */
                path: components["parameters"]["EntryPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceEntryMutateRequest"];
            };
        };
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["WorkspaceFull"];
        };
    };
    createWorkspaceEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
                /**
                 * @description A path within the workspace (docs: "Sub-path within the workspace; may contain /"). Mock decision: the
                 *     rest of the URL after the operation's segment is the path, slashes included (`…/files/src/components`);
                 *     a slash may also be sent encoded (`src%2Fcomponents`). It is normalised (`./`, repeated slashes); a `..`
                 *     that would leave the workspace answers 400.
                 * @example src
                 */
                path: components["parameters"]["EntryPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceEntryCreateRequest"];
            };
        };
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["WorkspaceFull"];
        };
    };
    getWorkspaceDriveInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The usage. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceDriveInfo"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getWorkspaceEntryInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
                /**
                 * @description A path within the workspace (docs: "Sub-path within the workspace; may contain /"). Mock decision: the
                 *     rest of the URL after the operation's segment is the path, slashes included (`…/files/src/components`);
                 *     a slash may also be sent encoded (`src%2Fcomponents`). It is normalised (`./`, repeated slashes); a `..`
                 *     that would leave the workspace answers 400.
                 * @example src
                 */
                path: components["parameters"]["EntryPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry's size and count. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntryInfo"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    uploadWorkspaceRootFile: {
        parameters: {
            query?: {
                /** @description Mock decision: the directory (an entry id) to upload into, when the path has none (docs: "Upload a multipart file to root or query id"). */
                id?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["WorkspaceUploadForm"];
            };
        };
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["UploadTooLarge"];
            415: components["responses"]["NotMultipart"];
            507: components["responses"]["WorkspaceFull"];
        };
    };
    uploadWorkspaceFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
                /**
                 * @description A path within the workspace (docs: "Sub-path within the workspace; may contain /"). Mock decision: the
                 *     rest of the URL after the operation's segment is the path, slashes included (`…/files/src/components`);
                 *     a slash may also be sent encoded (`src%2Fcomponents`). It is normalised (`./`, repeated slashes); a `..`
                 *     that would leave the workspace answers 400.
                 * @example src
                 */
                path: components["parameters"]["EntryPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["WorkspaceUploadForm"];
            };
        };
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["UploadTooLarge"];
            415: components["responses"]["NotMultipart"];
            507: components["responses"]["WorkspaceFull"];
        };
    };
    downloadWorkspaceFile: {
        parameters: {
            query: {
                /**
                 * @description The file's id (its path from the workspace root).
                 * @example /src/README.md
                 */
                id: string;
                /** @description Answer as an attachment rather than inline. */
                download?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a UUID; anything else answers 400). The personal workspace's files are served too.
                 * @example 6b1f3c2a-9d4e-4f5a-8b7c-1d2e3f4a5b6c
                 */
                id: components["parameters"]["StorageWorkspaceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description `inline` or `attachment`, with the file's name. */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listRuns: {
        parameters: {
            query?: {
                /**
                 * @description Only runs of this agent, named by slug or id.
                 * @example code-assistant
                 */
                agent?: string;
                /**
                 * @description Only runs in this status.
                 * @example completed
                 */
                status?: components["schemas"]["RunStatus"];
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
            /** @description One page of runs, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    runAgent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunRequest"];
            };
        };
        responses: {
            200: components["responses"]["RunAnswer"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    cancelRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The run's id (`run_…`; anything else answers 400).
                 * @example run_abc123
                 */
                id: components["schemas"]["RunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run is cancelled. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunCancelEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    runAgentLegacy: {
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
                "application/json": components["schemas"]["LegacyRunRequest"];
            };
        };
        responses: {
            200: components["responses"]["RunAnswer"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listThreads: {
        parameters: {
            query?: {
                /**
                 * @description Only threads of this agent, named by slug or id.
                 * @example code-assistant
                 */
                agent?: string;
                /**
                 * @description false (default) lists threads that are not archived; true includes archived threads too.
                 * @example false
                 */
                archived?: boolean;
                /**
                 * @description true lists the threads of every member of the organization (docs: "Include resources for all members
                 *     of the org (admin only)"); false (default) lists the caller's own threads. Mock decision: the mock has
                 *     no roles, so every caller may ask for `all`.
                 * @example false
                 */
                all?: boolean;
                /**
                 * @description Page size (number of threads).
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
            /** @description One page of threads, most recently updated first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getThread: {
        parameters: {
            query?: {
                /**
                 * @description At most this many events, the most recent ones.
                 * @example 100
                 */
                limit?: number;
                /**
                 * @description `all_rollouts`: events of every rollout, not only the history since the latest compaction.
                 * @example all_rollouts
                 */
                include?: "all_rollouts";
            };
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread and all its events. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadSnapshotEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread and its events are gone. */
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
            507: components["responses"]["InsufficientStorage"];
        };
    };
    updateThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThreadUpdateRequest"];
            };
        };
        responses: {
            /** @description The updated thread. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listThreadEvents: {
        parameters: {
            query?: {
                /**
                 * @description Page size (number of events).
                 * @example 100
                 */
                limit?: number;
                /**
                 * @description Opaque cursor from a previous page's `nextCursor`; omit it for the first page.
                 * @example eyJpZCI6InNhbmRib3gtYWJjMTIzIn0
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Only the events of this rollout.
                 * @example rol_abc123
                 */
                rollout_id?: components["schemas"]["RolloutId"];
                /**
                 * @description `all_rollouts`: events of every rollout, not only the history since the latest compaction.
                 * @example all_rollouts
                 */
                include?: "all_rollouts";
            };
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread and one page of its events, in increasing sequence. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadEventsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    appendThreadEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ThreadEventsAppendRequest"];
            };
        };
        responses: {
            /** @description The events were appended; the run finished if the last was `run_completed`. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadEventsAppendedEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listThreadRollouts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thread and its rollouts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadRolloutsEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    compactThread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The thread's id (`thr_…`; anything else answers 400).
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Compacted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadCompactionEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listAgentThreadsLegacy: {
        parameters: {
            query: {
                /**
                 * @description The agent, by slug or id.
                 * @example code-assistant
                 */
                agent: string;
                /**
                 * @description Page size (number of threads).
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
            /** @description One page of the agent's threads. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentUserEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganizationCreateRequest"];
            };
        };
        responses: {
            /** @description The organization, its default project and its personal workspace. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedOrganizationEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getCurrentOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active organization. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The organization's id (a UUID; anything else answers 400).
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                id: components["schemas"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listOrganizationMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The organization's id (a UUID; anything else answers 400).
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                id: components["schemas"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The members. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationMemberList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listApiKeys: {
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
            /** @description One page of keys. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreateRequest"];
            };
        };
        responses: {
            /** @description The key, with its secret shown this once. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewApiKeyEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (a UUID; anything else answers 400).
                 * @example 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
                 */
                id: components["schemas"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key's metadata. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (a UUID; anything else answers 400).
                 * @example 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
                 */
                id: components["schemas"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key is revoked. */
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
            507: components["responses"]["InsufficientStorage"];
        };
    };
    updateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (a UUID; anything else answers 400).
                 * @example 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
                 */
                id: components["schemas"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyUpdateRequest"];
            };
        };
        responses: {
            /** @description The key's metadata after the change. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (a UUID; anything else answers 400).
                 * @example 0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e
                 */
                id: components["schemas"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApiKeyRotateRequest"];
            };
        };
        responses: {
            /** @description The new key, with its secret shown this once. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewApiKeyEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listActivity: {
        parameters: {
            query?: {
                /** @description Only events about this kind of resource. */
                resource_type?: components["schemas"]["ActivityResourceType"];
                /** @description Only events about this resource (its id). */
                resource_id?: string;
                /** @description Only events of this type (`agent.run.completed`). */
                event_type?: string;
                /** @description Only events of this severity. */
                severity?: components["schemas"]["ActivitySeverity"];
                /** @description Only events whose `status` is this. */
                status?: string;
                /** @description Only events caused by this user. */
                actor_user_id?: string;
                /** @description Only events of this thread. */
                thread_id?: string;
                /** @description Only events of this run. */
                agent_run_id?: string;
                /** @description Only events of this sandbox. */
                sandbox_id?: string;
                /** @description Only events of this workspace. */
                workspace_id?: string;
                /** @description Only events of this tool. */
                tool_slug?: string;
                /** @description Only events of this install (the mock records none). */
                installable_agent_install_id?: string;
                /** @description Only events of this code execution (the mock records none). */
                code_execution_id?: string;
                /** @description Only events of this RunMesh node (the mock records none). */
                runmesh_node_id?: string;
                /** @description Only events created at or after this instant (ISO 8601). */
                since?: string;
                /** @description Only events created before this instant (ISO 8601). */
                until?: string;
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
            /** @description One page of events, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listSandboxActivity: {
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
            path: {
                /**
                 * @description The sandbox's id or name.
                 * @example sandbox-abc123
                 */
                id: components["schemas"]["SandboxRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the sandbox's events, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listThreadActivity: {
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
            path: {
                /**
                 * @description The thread's id.
                 * @example thr_abc123
                 */
                threadId: components["schemas"]["ThreadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the thread's events, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listSecrets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secrets' metadata. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    upsertSecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecretUpsertRequest"];
            };
        };
        responses: {
            /** @description The secret was rotated. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretEnvelope"];
                };
            };
            /** @description The secret was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    deleteSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The secret's name; normalised as on create (`openai-api-key` names `OPENAI_API_KEY`).
                 * @example OPENAI_API_KEY
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
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
            507: components["responses"]["InsufficientStorage"];
        };
    };
    revealSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The secret's name; normalised as on create (`openai-api-key` names `OPENAI_API_KEY`).
                 * @example OPENAI_API_KEY
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The value. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedSecretEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getBillingPlan: {
        parameters: {
            query?: {
                /**
                 * @description Target organization UUID; defaults to the authenticated organization (docs: /api-reference/billing/*).
                 *     The mock answers 404 for any organization but the caller's.
                 */
                orgId?: components["parameters"]["BillingOrgId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Plan and balance. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingPlanEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getCreditBalance: {
        parameters: {
            query?: {
                /**
                 * @description Target organization UUID; defaults to the authenticated organization (docs: /api-reference/billing/*).
                 *     The mock answers 404 for any organization but the caller's.
                 */
                orgId?: components["parameters"]["BillingOrgId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Balance. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditBalanceEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listCreditHistory: {
        parameters: {
            query?: {
                /**
                 * @description Target organization UUID; defaults to the authenticated organization (docs: /api-reference/billing/*).
                 *     The mock answers 404 for any organization but the caller's.
                 */
                orgId?: components["parameters"]["BillingOrgId"];
                /** @description Maximum number of rows to return. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ledger entries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditHistory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getMyUsage: {
        parameters: {
            query?: {
                /**
                 * @description Target organization UUID; defaults to the authenticated organization (docs: /api-reference/billing/*).
                 *     The mock answers 404 for any organization but the caller's.
                 */
                orgId?: components["parameters"]["BillingOrgId"];
                /** @description One of `current`, `7d`, `30d` or `all_time` (docs; default `current`). */
                period?: components["schemas"]["UsagePeriod"];
                /** @description Include all members of the organization (admin only). */
                all?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Usage summary. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    createTopUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TopUpRequest"];
            };
        };
        responses: {
            /** @description Checkout URL. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutSessionEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    verifyTopUp: {
        parameters: {
            query: {
                /**
                 * @description The `sessionId` of `POST /v1/billing/topup`.
                 * @example cs_test_a1B2c3D4e5F6g7H8i9J0k1L2
                 */
                session_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUpVerificationEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    startDeviceLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceLinkStartRequest"];
            };
        };
        responses: {
            /** @description Link initiated. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceLinkEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    pollDeviceLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceLinkCodeRequest"];
            };
        };
        responses: {
            /** @description Where the link stands. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceLinkPollEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    approveDeviceLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceLinkApproveRequest"];
            };
        };
        responses: {
            /** @description The node the device became. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunMeshNodeEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getRunMeshOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunMeshOverviewEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listRunMeshNodes: {
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
            /** @description One page of nodes. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunMeshNodeList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getRunMeshNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The node's id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The node. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunMeshNodeEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    deleteRunMeshNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The node's id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The node was removed. */
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
            507: components["responses"]["InsufficientStorage"];
        };
    };
    renameRunMeshNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The node's id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunMeshNodeUpdateRequest"];
            };
        };
        responses: {
            /** @description The renamed node. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunMeshNodeEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    getRunMeshNodeConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The node's id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The peer config. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunMeshNodeConfigEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    revokeRunMeshNode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The node's id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked node. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunMeshNodeEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listRunMeshAudit: {
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
            /** @description One page of audit events, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listDeviceActivity: {
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
            path: {
                /**
                 * @description The device's node id.
                 * @example 5d3c2b1a-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                 */
                id: components["schemas"]["RunMeshNodeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the device's events, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listWorkflowTriggers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workflow's slug.
                 * @example incoming-leads
                 */
                workflowSlug: components["schemas"]["WorkflowSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The triggers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTriggerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createWorkflowTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workflow's slug.
                 * @example incoming-leads
                 */
                workflowSlug: components["schemas"]["WorkflowSlug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowTriggerCreateRequest"];
            };
        };
        responses: {
            /** @description The trigger was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTriggerEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    deleteWorkflowTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workflow's slug.
                 * @example incoming-leads
                 */
                workflowSlug: components["schemas"]["WorkflowSlug"];
                /**
                 * @description The trigger's id.
                 * @example 6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                triggerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trigger was deleted. */
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
            507: components["responses"]["InsufficientStorage"];
        };
    };
    updateWorkflowTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workflow's slug.
                 * @example incoming-leads
                 */
                workflowSlug: components["schemas"]["WorkflowSlug"];
                /**
                 * @description The trigger's id.
                 * @example 6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0
                 */
                triggerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkflowTriggerUpdateRequest"];
            };
        };
        responses: {
            /** @description The updated trigger. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowTriggerEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listWorkflowRuns: {
        parameters: {
            query?: {
                /**
                 * @description How many runs, newest first.
                 * @example 25
                 */
                limit?: number;
            };
            header?: never;
            path: {
                /**
                 * @description The workflow's slug.
                 * @example incoming-leads
                 */
                workflowSlug: components["schemas"]["WorkflowSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest runs. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowRunList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    invokeWorkflowWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The trigger's `webhookSlug` (the last segment of its `webhookUrl`).
                 * @example whk_8Kq2Lm7Np4Rs8Tv1
                 */
                webhookSlug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description A run was started. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowRunEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    listOAuthConnections: {
        parameters: {
            query?: {
                /**
                 * @description Include resources for all members of the org (admin only).
                 * @example false
                 */
                all?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connections. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthConnectionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    startOAuthDeviceFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The provider; the docs list `openai-codex` only.
                 * @example openai-codex
                 */
                provider: "openai-codex";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Device flow started. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeviceCodeFlowEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    upsertByoaConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ByoaConfigRequest"];
            };
        };
        responses: {
            /** @description Upserted. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ByoaConfigEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    createAttachmentUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttachmentUploadRequest"];
            };
        };
        responses: {
            /** @description Upload target. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentUploadTargetEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    uploadAttachmentContent: {
        parameters: {
            query: {
                /**
                 * @description The organization the URL was issued for.
                 * @example 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
                 */
                org: string;
                /**
                 * @description The URL's signature.
                 * @example sig_4Kq8Vn2LxP7Wm3Rt
                 */
                signature: string;
            };
            header?: never;
            path: {
                /**
                 * @description The attachment's id.
                 * @example 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f
                 */
                id: components["schemas"]["AttachmentId"];
            };
            cookie?: never;
        };
        /** @description The raw bytes, under any Content-Type (the one given in the target's `headers`, typically). */
        requestBody?: {
            content: {
                /** @example hello */
                "*/*": string;
            };
        };
        responses: {
            /** @description The bytes are stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentUploadedEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The URL's signature does not match an attachment of that organization, or it has expired. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    completeAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The attachment's id.
                 * @example 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f
                 */
                id: components["schemas"]["AttachmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Attachment metadata. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    resolveAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The attachment's id.
                 * @example 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f
                 */
                id: components["schemas"]["AttachmentId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttachmentResolveRequest"];
            };
        };
        responses: {
            /** @description Resolved representation. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResolvedAttachmentEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    executeTool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The tool's slug.
                 * @example github
                 */
                slug: components["schemas"]["ToolSlug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ToolExecuteRequest"];
            };
        };
        responses: {
            /** @description The normalized result, whether the action succeeded or not. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolExecutionEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    installTool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tool slug, such as github, gmail, or slack.
                 * @example github
                 */
                slug: components["schemas"]["ToolSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tool was already installed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolInstallationEnvelope"];
                };
            };
            /** @description The tool is installed. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ToolInstallationEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    upsertCustomTool: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomToolRequest"];
            };
        };
        responses: {
            /** @description The tool was replaced. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomToolEnvelope"];
                };
            };
            /** @description The tool was created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomToolEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    createTerminalSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminalSessionRequest"];
            };
        };
        responses: {
            /** @description The session. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalSessionEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    installInstallableAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The catalog agent's slug (`hermes`).
                 * @example hermes
                 */
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallableAgentInstallRequest"];
            };
        };
        responses: {
            /** @description The install, `installing`. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallableAgentInstallEnvelope"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
    chatWithInstall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The install's id.
                 * @example 3c90c3cc-0d44-4b50-8888-8dd25736052a
                 */
                installId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallChatRequest"];
            };
        };
        responses: {
            /** @description The reply, as JSON (`stream` false) or server-sent events (the default). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallChatReplyEnvelope"];
                    /**
                     * @example id: 1
                     *     event: chat_started
                     *     data: {"type":"chat_started","installId":"3c90c3cc-0d44-4b50-8888-8dd25736052a","threadId":"ith_4Kd9Xs2LmQw8"}
                     *
                     *     id: 2
                     *     event: text_delta
                     *     data: {"type":"text_delta","delta":"[hermes] You said: hello"}
                     *
                     *     id: 3
                     *     event: chat_completed
                     *     data: {"type":"chat_completed","installId":"3c90c3cc-0d44-4b50-8888-8dd25736052a","threadId":"ith_4Kd9Xs2LmQw8","content":"[hermes] You said: hello"}
                     */
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["OrganizationLimit"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            507: components["responses"]["InsufficientStorage"];
        };
    };
}
