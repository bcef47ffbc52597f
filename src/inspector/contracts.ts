/**
 * The two contracts as the API reference reads them: one JSON document each (the public one
 * bundled from its files, src/spec/bundle.ts), with `servers` replaced by the mock that serves
 * them, so that "try it" calls this mock and nothing else. Built on the first request for it.
 */
import { bundleSpec } from "../spec/bundle.ts";
import { CONTROL_PATH, OPENAPI_PATH, type JsonSchema } from "../spec/load.ts";

const PATHS = { openapi: OPENAPI_PATH, control: CONTROL_PATH };
const documents = new Map<keyof typeof PATHS, JsonSchema>();

/** The contract `kind` as JSON, its only server the mock at `baseUrl`. */
export async function contractFile(kind: keyof typeof PATHS, baseUrl: string): Promise<Uint8Array> {
  let document = documents.get(kind);
  if (!document) {
    document = bundleSpec(PATHS[kind]).document;
    documents.set(kind, document);
  }
  const servers = [{ url: baseUrl, description: "This mock (runtools-mock)" }];
  // Swagger UI warns about any jsonSchemaDialect but OpenAPI 3.1's default, whose base is the
  // same JSON Schema 2020-12 the document names: leaving it out of this copy changes nothing.
  const { jsonSchemaDialect: _dialect, ...rest } = document;
  return Buffer.from(JSON.stringify({ ...rest, servers }));
}
