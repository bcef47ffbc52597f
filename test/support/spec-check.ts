/**
 * The test side's own check of a response against a contract (spec/openapi.yaml or
 * spec/control.yaml): route → operation → declared status → body schema, and `X-Request-Id`
 * equal to the body's `meta.requestId` / `error.requestId`. Both test clients use it, so a test
 * cannot pass on an answer the contract does not allow, whatever the server's own validation says.
 */
import { expect } from "vitest";
import { loadSpec } from "../../src/spec/load.ts";
import { RouteTable } from "../../src/spec/routes.ts";
import { compileValidators } from "../../src/spec/validators.ts";

/** What a check found out about a response. */
export interface Checked {
  /** The operation the request was routed to; undefined for a path the contract does not have. */
  operationId: string | undefined;
  /** True when the declared status has a JSON body and the body was validated against it. */
  bodyChecked: boolean;
  /** The request id the body carries, if any. */
  bodyRequestId: string | undefined;
}

/** A checker for the contract at `path`, compiled once. */
export function specChecker(path?: string) {
  const spec = loadSpec(path);
  const routes = new RouteTable(spec.operations);
  const validators = compileValidators(spec);
  const errorEnvelope = validators.component("ErrorResponse");

  return {
    validators,
    /** Checks one response; throws (through expect) on every violation. */
    check(method: string, requestPath: string, status: number, headers: Headers, body: unknown): Checked {
      const route = routes.match(method, new URL(requestPath, "http://x").pathname);
      const requestId = headers.get("x-request-id");
      expect(requestId, "every response carries X-Request-Id").toMatch(/^req_[A-Za-z0-9]+$/);
      if (route.kind !== "found") {
        expect(errorEnvelope(body), `${method} ${requestPath} → ${status} must be an error envelope`).toEqual([]);
        expect((body as { error: { requestId: string } }).error.requestId).toBe(requestId);
        return { operationId: undefined, bodyChecked: true, bodyRequestId: requestId ?? undefined };
      }
      const { operationId } = route.operation;
      const declared = validators.operation(operationId).responses;
      expect([...declared.keys()], `${operationId} does not declare ${status}`).toContain(status);
      const check = declared.get(status);
      if (!check) return { operationId, bodyChecked: false, bodyRequestId: undefined };
      expect(headers.get("content-type")).toMatch(/^application\/json/);
      expect(check(body), `${operationId} ${status} body violates ${path ?? "spec/openapi.yaml"}`).toEqual([]);
      const envelope = body as { meta?: { requestId: string }; error?: { requestId: string } };
      const bodyRequestId = envelope.meta?.requestId ?? envelope.error?.requestId;
      if (bodyRequestId !== undefined) expect(bodyRequestId).toBe(requestId);
      return { operationId, bodyChecked: true, bodyRequestId };
    },
  };
}
