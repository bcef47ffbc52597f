/**
 * Reads the OpenAPI document once and turns it into the operation model that the route table,
 * the validators and the pipeline are built from (DESIGN.md principle 1: the spec is data).
 * Loading fails loudly on anything the mock would not know how to serve (stripe-mock's rule).
 */
import { fileURLToPath } from "node:url";
import { bundleSpec } from "./bundle.ts";

/** Where the authoritative public contract lives. */
export const OPENAPI_PATH = fileURLToPath(new URL("../../spec/openapi.yaml", import.meta.url));
/** Where the control plane's contract lives. */
export const CONTROL_PATH = fileURLToPath(new URL("../../spec/control.yaml", import.meta.url));

/** A JSON Schema as it appears in the document (refs still point into `#/components/schemas`). */
export type JsonSchema = Record<string, unknown>;

/** A parameter of an operation, after `$ref` resolution. */
export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
}

/** A response of an operation: its status and, when it has a JSON body, that body's schema. */
export interface ResponseSpec {
  status: number;
  description: string;
  /** Media type → schema. */
  content: ReadonlyMap<string, JsonSchema>;
  /**
   * For `text/event-stream`: the schema of each frame's JSON `data`, from the media type's
   * `x-sse-event-schema` (OpenAPI 3.1 has no way to describe stream items; 3.2's itemSchema does).
   */
  eventSchema?: JsonSchema;
  /** The named `application/json` examples, in document order (`example` is named "default"). */
  examples: ReadonlyMap<string, unknown>;
  /**
   * Why no request to a healthy server can provoke this answer (the response's
   * `x-conformance-exempt`): the conformance runner does not count it as a pair to cover.
   */
  conformanceExempt?: string;
}

/** Everything the mock needs to know about one operation. */
export interface OperationSpec {
  operationId: string;
  method: string;
  /** The templated path as written in the document, e.g. `/v1/agents/{slug}`. */
  path: string;
  parameters: readonly ParameterSpec[];
  /**
   * `binary`: the body is an upload declared for every media type (the media range of all types), handed to the handler as bytes,
   * never parsed or validated as JSON; any Content-Type is accepted, as an upload URL does.
   */
  requestBody?: { required: boolean; schema: JsonSchema; binary?: true };
  responses: ReadonlyMap<number, ResponseSpec>;
  /** False when the operation declares `security: []` (e.g. the health check). */
  requiresAuth: boolean;
}

/** The loaded document and its operations. */
export interface SpecModel {
  document: JsonSchema;
  /** `components.schemas`, for the validators to register once. */
  schemas: Record<string, JsonSchema>;
  operations: readonly OperationSpec[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Reads and parses the YAML document at `path`, with every file it references bundled in (bundle.ts). */
export function readSpecDocument(path: string = OPENAPI_PATH): JsonSchema {
  return bundleSpec(path).document;
}

/** Builds the operation model of a parsed OpenAPI 3.1 document. */
export function buildSpecModel(document: JsonSchema): SpecModel {
  const resolve = (node: unknown): Record<string, unknown> => resolveLocalRef(document, node);
  const components = (document.components ?? {}) as Record<string, Record<string, JsonSchema>>;
  const globalSecurity = document.security as unknown[] | undefined;
  const operations: OperationSpec[] = [];
  const seenIds = new Set<string>();

  for (const [path, rawItem] of Object.entries((document.paths ?? {}) as Record<string, unknown>)) {
    const item = resolve(rawItem);
    const sharedParams = (item.parameters ?? []) as unknown[];
    for (const method of METHODS) {
      const rawOp = item[method];
      if (rawOp === undefined) continue;
      const op = resolve(rawOp);
      const operationId = op.operationId;
      if (typeof operationId !== "string") throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      if (seenIds.has(operationId)) throw new Error(`operationId ${operationId} is used twice`);
      seenIds.add(operationId);

      const parameters = [...sharedParams, ...((op.parameters ?? []) as unknown[])].map((p) => {
        const param = resolve(p);
        return {
          name: String(param.name),
          in: param.in as ParameterSpec["in"],
          required: param.required === true,
          schema: (param.schema ?? {}) as JsonSchema,
        };
      });

      let requestBody: OperationSpec["requestBody"];
      if (op.requestBody !== undefined) {
        const body = resolve(op.requestBody);
        const content = body.content as Record<string, { schema?: JsonSchema }> | undefined;
        const json = content?.["application/json"];
        const bytes = content?.["*/*"];
        if (json?.schema !== undefined) requestBody = { required: body.required === true, schema: json.schema };
        else if (bytes?.schema !== undefined && Object.keys(content ?? {}).length === 1) requestBody = { required: body.required === true, schema: bytes.schema, binary: true };
        else throw new Error(`${operationId}: only application/json (or a lone */* upload) request bodies are supported`);
      }

      const responses = new Map<number, ResponseSpec>();
      for (const [status, rawResponse] of Object.entries((op.responses ?? {}) as Record<string, unknown>)) {
        if (!/^[1-5]\d\d$/.test(status)) throw new Error(`${operationId}: response '${status}' must be an exact status code`);
        const response = resolve(rawResponse);
        const content = new Map<string, JsonSchema>();
        const examples = new Map<string, unknown>();
        let eventSchema: JsonSchema | undefined;
        for (const [mediaType, media] of Object.entries((response.content ?? {}) as Record<string, { schema?: JsonSchema; "x-sse-event-schema"?: JsonSchema }>)) {
          content.set(mediaType, media.schema ?? {});
          if (mediaType === "application/json") collectExamples(document, media, examples);
          if (mediaType === "text/event-stream") {
            eventSchema = media["x-sse-event-schema"];
            if (!eventSchema) throw new Error(`${operationId} ${status}: text/event-stream needs an x-sse-event-schema`);
          }
        }
        const exempt = response["x-conformance-exempt"];
        responses.set(Number(status), {
          status: Number(status),
          description: String(response.description ?? ""),
          content,
          examples,
          ...(eventSchema ? { eventSchema } : {}),
          ...(typeof exempt === "string" ? { conformanceExempt: exempt } : {}),
        });
      }

      const security = (op.security ?? globalSecurity ?? []) as unknown[];
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        parameters,
        ...(requestBody ? { requestBody } : {}),
        responses,
        requiresAuth: security.length > 0,
      });
    }
  }
  return { document, schemas: components.schemas ?? {}, operations };
}

/** Loads the public contract (or another document) into a model. */
export function loadSpec(path: string = OPENAPI_PATH): SpecModel {
  return buildSpecModel(readSpecDocument(path));
}

function collectExamples(document: JsonSchema, media: Record<string, unknown>, into: Map<string, unknown>): void {
  if ("example" in media) into.set("default", media.example);
  for (const [name, raw] of Object.entries((media.examples ?? {}) as Record<string, unknown>)) {
    const example = resolveLocalRef(document, raw);
    if ("value" in example) into.set(name, example.value);
  }
}

/**
 * Follows a local `$ref` (`#/components/parameters/Limit`) to its target. Schema refs are left
 * alone: ajv resolves those, with the component schemas registered once.
 */
export function resolveLocalRef(document: JsonSchema, node: unknown, depth = 0): Record<string, unknown> {
  if (node === null || typeof node !== "object") throw new Error(`expected an object, found ${JSON.stringify(node)}`);
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref !== "string") return node as Record<string, unknown>;
  if (depth > 16) throw new Error(`$ref cycle at ${ref}`);
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
  let target: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    target = (target as Record<string, unknown> | undefined)?.[key];
  }
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return resolveLocalRef(document, target, depth + 1);
}
