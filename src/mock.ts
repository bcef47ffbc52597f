/**
 * Assembles a mock: both contracts are loaded and every validator compiled once, here, before
 * the first request (DESIGN.md principle 8). Two pipelines share one state:
 *   - the public API (spec/openapi.yaml), keyed by API key, with faults, `Prefer` and scripted
 *     answers in front of the handlers and every exchange journaled;
 *   - the control plane under `/__mock/` (spec/control.yaml), for loopback clients or the admin token.
 */
import { UPLOAD_BODY_LIMIT } from "./stateful/workspaces/files/workspace-storage.ts";
import { browserGuard, controlAccess } from "./control/access.ts";
import type { ControlPlane } from "./control/context.ts";
import { FaultInjector } from "./control/faults.ts";
import { controlHandlers } from "./control/handlers.ts";
import { RequestJournal } from "./control/journal.ts";
import { PersistedState } from "./control/persisted-state.ts";
import type { StateLog } from "./control/state-log.ts";
import { preferredResponse, withRequestId } from "./control/prefer.ts";
import { ScriptBook } from "./control/scripts.ts";
import { withoutIssuedSecrets } from "./control/secret-redaction.ts";
import { checkStateDocument, upgradeStateDocument } from "./control/state-import.ts";
import type { FaultRule } from "./control/control-types.ts";
import { resolveConfig, type MockConfig, type MockOptions } from "./config.ts";
import { MOCK_VERSION } from "./version.ts";
import { checkHost } from "./core/hosts.ts";
import { createCors, documentedResponseHeaders } from "./cors/cors.ts";
import { createRequestLog } from "./logging/request-log.ts";
import type { PlainRequest, PlainResponse } from "./core/http-types.ts";
import { checkJsonShape, JSON_DEPTH_LIMITS } from "./core/request-body.ts";
import { createPipeline, type Dispatch, type Intercept, type OperationInput, type OperationResult, type RequestEnvelope } from "./core/pipeline.ts";
import { isInspectorPath } from "./inspector/paths.ts";
import type { InspectorDeps } from "./inspector/serve.ts";
import { handlers } from "./operations/index.ts";
import type { RequestContext } from "./operations/types.ts";
import { loadCompiledContract, type CompiledContract } from "./spec/contract-cache.ts";
import { CONTROL_PATH, OPENAPI_PATH, type SpecModel } from "./spec/load.ts";
import { RouteTable } from "./spec/routes.ts";
import type { SpecValidators } from "./spec/validators.ts";
import { AdvancedClock, seededIds, VirtualClock, type IdSource } from "./stateful/common/clock.ts";
import { RequestCountingClock } from "./stateful/common/lifecycle-clock.ts";
import { exportState, importState, SnapshotError, type StateDocument } from "./stateful/snapshot.ts";
import { fileBoundProblem } from "./stateful/files/file-entries.ts";
import { createState, type MockState, type OrgState } from "./state.ts";
import { OrganizationLimitError, type OrgLease } from "./stateful/common/org-bundle.ts";
import { personalWorkspaceId } from "./stateful/workspaces/workspaces.store.ts";
import { ApiError } from "./core/errors.ts";
import { issuedKeyLookup, KeyDirectory } from "./stateful/keys/issued-keys.ts";
import { DeviceLinkRegistry } from "./stateful/runmesh/device-links.ts";
import { WebhookDirectory } from "./stateful/workflows/webhook-directory.ts";
import { ATTACHMENT_MAX_BYTES } from "./stateful/attachments/attachments.store.ts";

/** The prefix of the control plane, outside the public API. */
export const CONTROL_PREFIX = "/__mock/";
/** State documents can be large: `PUT /__mock/state`, and it alone, accepts bodies up to this size. */
export const CONTROL_BODY_LIMIT = 16 * 1024 * 1024;

/** A running mock, independent of any HTTP framework. */
export interface Mock {
  config: MockConfig;
  state: MockState;
  spec: SpecModel;
  validators: SpecValidators;
  /** The request journal, for in-process test helpers. */
  journal: RequestJournal;
  /** Answers one request. */
  handle(request: PlainRequest): Promise<PlainResponse>;
  /** Releases what the mock holds outside memory (the `--persist` file's lock); idempotent. */
  close(): void;
}

type RuntimeHandler = (input: OperationInput, ctx: never) => unknown;

/** Builds a mock from options (all optional); throws when a seed document or persist file is invalid. */
export function createMock(options: MockOptions = {}): Mock {
  const config = resolveConfig(options);
  const virtualClock = config.seed === undefined ? undefined : new VirtualClock();
  const ids = config.seed === undefined ? config.ids : seededIds(config.seed);
  const advanced = new AdvancedClock(virtualClock ?? config.clock);
  const clock = new RequestCountingClock(advanced);
  const scripts = new ScriptBook(ids, () => clock.now());
  const faults = new FaultInjector(globalFaultRules(config), config.seed);
  const journal = new RequestJournal(config.journalSize, config.journalBodyLimit);
  const keyDirectory = new KeyDirectory();
  const webhookDirectory = new WebhookDirectory();
  const state = createState({ clock, ids, bootDelayMs: config.bootDelayMs, streamDelayMs: config.streamDelayMs, scripts, maxOrgs: config.maxOrgs, keyDirectory, webhookDirectory });
  /** What the keyless public operations find their organization through. */
  const shared: SharedDirectories = { deviceLinks: new DeviceLinkRegistry({ clock, ids }), webhooks: webhookDirectory };
  const newRequestId = () => ids.token("req_", 16);
  const onViolation = (operationId: string, status: number, violations: readonly { path: string; message: string }[]) =>
    config.log(`contract violation in ${operationId} ${status}: ${violations.map((v) => `${v.path} ${v.message}`).join("; ")}`);

  const publicContract = loadCompiledContract(OPENAPI_PATH);
  const controlContract = loadCompiledContract(CONTROL_PATH);
  const publicApi = compileApi(publicContract, handlers as unknown as Record<string, RuntimeHandler>);
  const controlApi = compileApi(controlContract, controlHandlers as unknown as Record<string, RuntimeHandler>);
  const logRequest = createRequestLog(config.logLevel, config.logFormat, config.requestLog);
  const cors = createCors(config.corsOrigins, documentedResponseHeaders(publicApi.spec.document));

  // --persist: the file is locked first (a second process on it refuses to start), then loaded.
  // What checked the state the files hold: a snapshot sealed by the same writer is not checked again.
  const writer = `runtools-mock ${MOCK_VERSION} ${publicContract.fingerprint} ${controlContract.fingerprint}`;
  const persisted = config.persistPath === undefined ? undefined : new PersistedState(config.persistPath, state, () => clock.now(), config.log, undefined, writer);
  try {
    loadInitialState(config, state, persisted?.file, controlApi.validators, publicApi.validators, clock.now());
    persisted?.start();
  } catch (error) {
    persisted?.close();
    throw error;
  }
  const persist = () => persisted?.commitNow() ?? Promise.resolve();

  const plane: ControlPlane = {
    state,
    journal,
    scripts,
    faults,
    publicSpec: publicApi.spec,
    publicValidators: publicApi.validators,
    controlValidators: controlApi.validators,
    keyring: config.keyring,
    now: () => clock.now(),
    advanceClock: (ms) => advanced.advance(ms),
    persist,
  };

  const intercept: Intercept = async (input, request) => {
    const { operationId } = request.operation;
    const fault = faults.decide({ operationId, orgId: request.caller?.orgId }, request.requestId);
    await FaultInjector.wait(fault.delayMs);
    if (fault.result) return fault.result;
    const preferred = preferredResponse(request.headers, request.operation, request.requestId);
    if (preferred) return preferred;
    const script = scripts.takeResponse(operationId, request.caller?.orgId, input.body);
    if (!script) return undefined;
    return { status: script.status, body: withRequestId(structuredClone(script.body), request.requestId), ...(script.headers ? { headers: { ...script.headers } } : {}) };
  };

  const publicPipeline = createPipeline({
    routes: publicApi.routes,
    validators: publicApi.validators,
    dispatch: durable(dispatchPublic(publicApi.handlers, state, ids, shared)),
    keyring: config.keyring,
    issuedKeys: issuedKeyLookup(keyDirectory, state),
    intercept,
    validateResponses: config.validateResponses,
    newRequestId,
    now: () => clock.now(),
    onViolation,
    onComplete: (done) => {
      logRequest?.(done);
      return journal.record(withoutIssuedSecrets(done));
    },
    // An upload's multipart body has its own, larger limit (spec: UploadTooLarge); an attachment's
    // upload URL takes the attachment's own limit.
    bodyLimit: (operation) =>
      operation.operationId === "uploadAttachmentContent"
        ? ATTACHMENT_MAX_BYTES
        : operation.requestBody?.mediaType === "multipart/form-data"
          ? Math.max(UPLOAD_BODY_LIMIT, config.bodyLimitBytes)
          : config.bodyLimitBytes,
    admit: (request) => checkHost(request, config.hostPolicy),
    streamTextLimit: config.journalBodyLimit,
  });

  function durable(dispatch: Dispatch): Dispatch {
    return persisted ? persisted.durableDispatch(dispatch) : dispatch;
  }

  const guardBrowsers = browserGuard(config.hostPolicy);

  const access = controlAccess(config.adminToken);
  // The pages are the control plane's too, and a rebinding page must not be served them either.
  const pageAccess: typeof access = (request, operation) => {
    checkHost(request, config.hostPolicy);
    return access(request, operation);
  };
  const controlPipeline = createPipeline({
    routes: controlApi.routes,
    validators: controlApi.validators,
    dispatch: dispatchTo(controlApi.handlers, (request) => ({ requestId: request.requestId, meta: { requestId: request.requestId }, plane })),
    authenticate: access,
    keyring: config.keyring,
    maxBodyDepth: (operation) => (operation.operationId === "importState" ? JSON_DEPTH_LIMITS.stateDocument : JSON_DEPTH_LIMITS.control),
    validateResponses: config.validateResponses,
    newRequestId,
    onViolation,
    bodyLimit: (operation) => (LARGE_BODY_OPERATIONS.has(operation.operationId) ? CONTROL_BODY_LIMIT : config.bodyLimitBytes),
    admit: (request) => {
      checkHost(request, config.hostPolicy);
      guardBrowsers(request);
    },
    ...(logRequest ? { onComplete: logRequest } : {}),
  });

  return {
    config,
    state,
    spec: publicApi.spec,
    validators: publicApi.validators,
    journal,
    async handle(request) {
      // Before the clocks move: opening the pages leaves a seeded run's ids and times as they were.
      if (isInspectorPath(request.path)) return serveInspector(request, { access: pageAccess });
      clock.nextRequest();
      // Under --seed, time moves one millisecond per request and at no other moment.
      virtualClock?.advance(1);
      if (request.path === CONTROL_PREFIX.slice(0, -1) || request.path.startsWith(CONTROL_PREFIX)) return controlPipeline(request);
      const preflight = cors.preflight(request);
      if (preflight) return preflight;
      return cors.decorate(request, await publicPipeline(request));
    },
    close: () => persisted?.close(),
  };
}

/** The inspector page and the API reference, whose code is loaded on their first request only. */
async function serveInspector(request: PlainRequest, deps: InspectorDeps): Promise<PlainResponse> {
  return (await import("./inspector/serve.ts")).serveInspector(request, deps);
}

/** A compiled contract: spec, validators, routes and the handler of every operation. */
function compileApi({ spec, validators }: CompiledContract, table: Record<string, RuntimeHandler>) {
  for (const op of spec.operations) if (!(op.operationId in table)) throw new Error(`no handler for operation ${op.operationId}`);
  return { spec, validators, routes: new RouteTable(spec.operations), handlers: table };
}

function dispatchTo(table: Record<string, RuntimeHandler>, context: (request: RequestEnvelope) => unknown): Dispatch {
  return (input, request) => {
    const handler = table[request.operation.operationId] as RuntimeHandler;
    return handler(input, context(request) as never) as ReturnType<Dispatch>;
  };
}

/**
 * Runs a public handler over the caller's organization, which is stored only when a request
 * that may change state succeeds (docs/input-rules.md): a GET, or a request answered with an
 * error, leaves no organization behind, and a read of one never written answers as for an empty
 * one. A new organization past `--max-orgs` is refused with 403 instead.
 */
/** The mock-wide registries of the operations that take no API key. */
type SharedDirectories = Pick<RequestContext, "deviceLinks" | "webhooks">;

function dispatchPublic(table: Record<string, RuntimeHandler>, state: MockState, ids: IdSource, shared: SharedDirectories): Dispatch {
  return async (input, request) => {
    const handler = table[request.operation.operationId] as RuntimeHandler;
    let lease: OrgLease<OrgState> | undefined;
    const leaseOf = (orgId: string) => (lease ??= state.lease(orgId));
    try {
      const result = (await handler(input, publicContext(request, leaseOf, state, ids, shared) as never)) as OperationResult;
      if (lease && !lease.stored && request.operation.method !== "GET" && result.status < 400 && !result.reset) commitNew(lease);
      return result;
    } finally {
      lease?.release();
    }
  };
}

function commitNew(lease: OrgLease<OrgState>): void {
  try {
    lease.commit();
  } catch (error) {
    if (error instanceof OrganizationLimitError) throw new ApiError("forbidden", error.message);
    throw error;
  }
}

function publicContext(
  request: RequestEnvelope,
  leaseOf: (orgId: string) => OrgLease<OrgState>,
  state: MockState,
  ids: IdSource,
  shared: SharedDirectories,
): RequestContext {
  const caller = () => {
    if (!request.caller) throw new Error(`${request.operation.operationId} is unauthenticated: it has no caller`);
    return request.caller;
  };
  const org = () => {
    const own = leaseOf(caller().orgId).store;
    // Every organization has its personal workspace from its first request (workspaces/manage),
    // with an id derived from the organization's, the same after a restart.
    // The id is a hash, computed only when the workspace is created (this runs on every request).
    own.workspaces.ensurePersonal(caller(), () => personalWorkspaceId(own.orgId));
    // The users whose keys call an organization are its members (spec listOrganizationMembers).
    own.organization.ensureMember(caller().userId);
    return own;
  };
  return {
    requestId: request.requestId,
    meta: { requestId: request.requestId },
    baseUrl: request.baseUrl,
    caller,
    org,
    ...shared,
    webhookSecret: () => {
      if (request.webhookSecret === undefined) throw new Error(`${request.operation.operationId} is not authenticated by a webhook secret`);
      return request.webhookSecret;
    },
    orgs: {
      // The caller's own organization reads as it would once stored, even before its first change.
      peek: (orgId) => state.find(orgId) ?? (request.caller?.orgId === orgId ? org() : undefined),
      // A created organization counts against --max-orgs like any other (403 beyond it).
      create: () => {
        let orgId: string;
        do orgId = ids.uuid();
        while (state.find(orgId) !== undefined);
        const lease = state.lease(orgId);
        try {
          commitNew(lease);
          return lease.store;
        } finally {
          lease.release();
        }
      },
    },
  };
}

/** `--latency` and `--error-rate` as one rule on every operation. */
function globalFaultRules(config: MockConfig): FaultRule[] {
  if (config.latencyMs === 0 && config.errorRate === 0) return [];
  return [
    {
      ...(config.latencyMs > 0 ? { latency: { distribution: "fixed" as const, ms: config.latencyMs } } : {}),
      ...(config.errorRate > 0 ? { error: { probability: config.errorRate, status: 500 } } : {}),
    },
  ];
}

/** Control operations whose bodies may be as large as a state document (16 MiB): an import, and a seed of files. */
const LARGE_BODY_OPERATIONS: ReadonlySet<string> = new Set(["importState", "seedSandboxFiles", "seedWorkspaceFiles"]);

/** The persist files win when they exist (the snapshot and its log); otherwise `--data` seeds the state (and the file). */
function loadInitialState(config: MockConfig, state: MockState, file: StateLog | undefined, control: SpecValidators, publicApi: SpecValidators, now: Date): void {
  const read = file?.read();
  const stored = read?.document;
  const [document, source] = stored !== undefined ? [stored, file?.path] : [config.data, "the data document"];
  if (document === undefined) return;
  // A sealed snapshot is, byte for byte, what this mock with these contracts wrote from its own
  // state, which holds only what they let in; checking it again was a fifth of start-up at 100k
  // agents. Anything else (a --data document, an edited or copied snapshot, a log to replay) is
  // checked in full.
  if (read?.sealed !== true) {
    const shape = checkJsonShape(document, JSON_DEPTH_LIMITS.stateDocument, "");
    if (shape) throw new Error(`${source}: invalid state document at ${shape.path || "/"}: ${shape.message}`);
    upgradeStateDocument(document);
    const problems = checkStateDocument(document, control, publicApi, "");
    if (problems.length > 0) {
      const first = problems[0] as { path: string; message: string };
      throw new Error(`${source}: invalid state document at ${first.path || "/"}: ${first.message}`);
    }
    const overBound = fileBoundProblem((document as StateDocument).organizations);
    if (overBound) throw new Error(`${source}: the state document is over the bounds of its file trees: ${overBound} (docs/sandboxes.md, "Files in the state")`);
  }
  try {
    // The files' document is parsed here and dropped after: the stores may keep its records.
    importState(state, document as StateDocument, "replace", (id) => state.build(id), { owned: stored !== undefined, sealed: read?.sealed === true });
  } catch (error) {
    if (error instanceof SnapshotError) throw new Error(`${source}: invalid state document at ${error.pointer}: ${error.message}`);
    throw error;
  }
  // `--data` with a new `--persist` file: the file starts out holding the seeded state.
  if (file && stored === undefined) {
    try {
      file.writeNow(exportState(state, now));
    } catch (error) {
      throw new Error(`cannot use ${file.path} as the --persist file: writing the seeded state failed: ${(error as Error).message}`);
    }
  }
}
