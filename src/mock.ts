/**
 * Assembles a mock: the spec is loaded and every validator compiled once, here, before the
 * first request (DESIGN.md principle 8); the state starts empty.
 */
import { resolveConfig, type MockConfig, type MockOptions } from "./config.ts";
import { createPipeline, type OperationInput, type RequestEnvelope } from "./core/pipeline.ts";
import type { PlainRequest, PlainResponse } from "./core/http-types.ts";
import { handlers } from "./operations/index.ts";
import type { RequestContext } from "./operations/types.ts";
import { loadSpec, type SpecModel } from "./spec/load.ts";
import { RouteTable } from "./spec/routes.ts";
import { compileValidators, type SpecValidators } from "./spec/validators.ts";
import { RequestCountingClock } from "./stateful/lifecycle-clock.ts";
import { createState, type MockState } from "./state.ts";

/** A running mock, independent of any HTTP framework. */
export interface Mock {
  config: MockConfig;
  state: MockState;
  spec: SpecModel;
  validators: SpecValidators;
  /** Answers one request. */
  handle(request: PlainRequest): Promise<PlainResponse>;
}

type RuntimeHandler = (input: OperationInput, ctx: RequestContext) => unknown;

/** Builds a mock from options (all optional). */
export function createMock(options: MockOptions = {}): Mock {
  const config = resolveConfig(options);
  const spec = loadSpec();
  const validators = compileValidators(spec);
  const routes = new RouteTable(spec.operations);
  const clock = new RequestCountingClock(config.clock);
  const state = createState({ clock, ids: config.ids, bootDelayMs: config.bootDelayMs, streamDelayMs: config.streamDelayMs });
  const table = handlers as unknown as Record<string, RuntimeHandler>;

  for (const op of spec.operations) {
    if (!(op.operationId in table)) throw new Error(`no handler for operation ${op.operationId}`);
  }

  const dispatch = (input: OperationInput, request: RequestEnvelope) => {
    const handler = table[request.operation.operationId] as RuntimeHandler;
    return handler(input, contextFor(request, state)) as ReturnType<Parameters<typeof createPipeline>[0]["dispatch"]>;
  };

  const pipeline = createPipeline({
    routes,
    validators,
    dispatch,
    keyring: config.keyring,
    validateResponses: config.validateResponses,
    newRequestId: () => config.ids.token("req_", 16),
    onViolation: (operationId, status, violations) =>
      config.log(`contract violation in ${operationId} ${status}: ${violations.map((v) => `${v.path} ${v.message}`).join("; ")}`),
  });

  return {
    config,
    state,
    spec,
    validators,
    handle(request) {
      clock.nextRequest();
      return pipeline(request);
    },
  };
}

function contextFor(request: RequestEnvelope, state: MockState): RequestContext {
  const caller = () => {
    if (!request.caller) throw new Error(`${request.operation.operationId} is unauthenticated: it has no caller`);
    return request.caller;
  };
  return {
    requestId: request.requestId,
    meta: { requestId: request.requestId },
    baseUrl: request.baseUrl,
    state,
    caller,
    org: () => {
      const org = state.forOrg(caller().orgId);
      // Every organization has its personal workspace from its first request (workspaces/manage).
      org.workspaces.ensurePersonal(caller());
      return org;
    },
  };
}
