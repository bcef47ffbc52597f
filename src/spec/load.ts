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
  /**
   * A path parameter that takes the rest of the URL, slashes included (the parameter's
   * `x-rest-of-path`): the storage service's `…/files/{path}`, where the docs say the path "may
   * contain /". Only the last segment of a template may be one.
   */
  restOfPath?: boolean;
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

/** The request body media types an operation may declare (see OperationSpec.requestBody). */
export type RequestMediaType = "application/json" | "multipart/form-data" | "*/*";

/** Everything the mock needs to know about one operation. */
export interface OperationSpec {
  operationId: string;
  method: string;
  /** The templated path as written in the document, e.g. `/v1/agents/{slug}`. */
  path: string;
  parameters: readonly ParameterSpec[];
  /**
   * `mediaType`: `application/json`; `multipart/form-data` for an upload (read by multipart.ts, never as
   * JSON); or the media range of every type (`*` / `*`), for an upload URL that takes any bytes under any Content-Type, handed to the
   * handler as they came, never parsed or validated.
   */
  requestBody?: { required: boolean; schema: JsonSchema; mediaType: RequestMediaType };
  responses: ReadonlyMap<number, ResponseSpec>;
  /** False when the operation takes no API key: `security: []` (the health check) or only another scheme. */
  requiresAuth: boolean;
  /** True when the operation's credential is a workflow webhook secret (`X-Webhook-Secret`) instead of a key. */
  webhookSecret?: true;
}

/** The security scheme of the workflow webhooks (spec/openapi.yaml `WebhookSecret`). */
export const WEBHOOK_SECRET_SCHEME = "WebhookSecret";

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
          ...(param["x-rest-of-path"] === true ? { restOfPath: true } : {}),
        };
      });
      const rest = parameters.find((p) => p.restOfPath);
      if (rest && (rest.in !== "path" || !path.endsWith(`/{${rest.name}}`))) throw new Error(`${operationId}: x-rest-of-path needs the template's last segment`);

      let requestBody: OperationSpec["requestBody"];
      if (op.requestBody !== undefined) {
        const body = resolve(op.requestBody);
        const content = body.content as Record<string, { schema?: JsonSchema }> | undefined;
        const types = Object.keys(content ?? {});
        const mediaType: RequestMediaType | undefined = content?.["application/json"]
          ? "application/json"
          : content?.["multipart/form-data"]
            ? "multipart/form-data"
            : content?.["*/*"] && types.length === 1
              ? "*/*"
              : undefined;
        const schema = mediaType === undefined ? undefined : content?.[mediaType]?.schema;
        if (mediaType === undefined || schema === undefined) throw new Error(`${operationId}: only application/json, multipart/form-data or a lone */* upload request bodies are supported`);
        requestBody = { required: body.required === true, schema, mediaType };
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

      const security = (op.security ?? globalSecurity ?? []) as Record<string, unknown>[];
      const schemes = security.flatMap((requirement) => Object.keys(requirement));
      operations.push({
        operationId,
        method: method.toUpperCase(),
        path,
        parameters,
        ...(requestBody ? { requestBody } : {}),
        responses,
        requiresAuth: schemes.some((scheme) => scheme !== WEBHOOK_SECRET_SCHEME),
        ...(schemes.includes(WEBHOOK_SECRET_SCHEME) ? { webhookSecret: true as const } : {}),
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
