/**
 * Response schemas for Dredd's validator (Gavel 9, which bundles ajv 6.12 and understands JSON Schema
 * draft-04/06/07 only), taken from the OpenAPI 3.1 document Dredd itself parsed.
 *
 * Dredd's OAS3 adapter attaches no `bodySchema` to its transactions (apiaryio/dredd#1281): without one,
 * Gavel only checks that the keys of the example are present. `responseSchema()` gives the schema of one
 * response, with every `$ref` inlined and the OpenAPI/2020-12 keywords that ajv 6 does not know turned
 * into draft-07:
 *
 *  - `$ref` (with or without sibling keywords) → the referenced schema, inlined (siblings other than
 *    annotations → `allOf`); a reference cycle throws, since it cannot be inlined;
 *  - `nullable: true` (OpenAPI 3.0) → `type: [T, "null"]`; `type` arrays and `const` are draft-07 already;
 *  - OpenAPI-only annotations (`discriminator`, `example`, `xml`, `externalDocs`, `deprecated`) and `$defs`
 *    (only ever referenced, and everything referenced is inlined) → dropped;
 *  - 2020-12 keywords with no draft-07 equivalent (`prefixItems`, `unevaluated*`, `dependent*`,
 *    `$dynamicRef`, `$anchor`…) → an error, so that a schema is never silently validated less than written.
 *
 * `sseFramesSchema()` describes a `text/event-stream` answer once the hooks have parsed it into
 * `[{id, event, data}]`: every frame's `data` against the event schema named by the media type's
 * `x-sse-event-schema`, with `event` equal to `data.type`, and `run_started` first.
 */
'use strict';

const fs = require('fs');
const { parse } = require('yaml');

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Keywords whose value is a schema. */
const SCHEMA_KEYWORDS = ['items', 'additionalItems', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else'];
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];
/** Keywords whose value is a map of schemas. */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'dependencies'];
/** Dropped: OpenAPI annotations ajv 6 would ignore or reject, and `$defs` (see above). */
const DROPPED = ['discriminator', 'example', 'xml', 'externalDocs', 'deprecated', '$defs', 'definitions', '$comment', 'contentMediaType', 'contentEncoding'];
/** 2020-12 (or 2019-09) keywords draft-07 cannot express. */
const UNSUPPORTED = ['prefixItems', 'unevaluatedProperties', 'unevaluatedItems', 'dependentRequired', 'dependentSchemas', '$dynamicRef', '$dynamicAnchor', '$anchor', '$recursiveRef', '$recursiveAnchor', 'minContains', 'maxContains', 'contentSchema'];
/** Sibling keywords of a `$ref` that only annotate and can be dropped when inlining. */
const ANNOTATIONS = ['description', 'summary', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly'];

/** Loads an OpenAPI document (YAML or JSON). */
function loadDocument(file) {
  return parse(fs.readFileSync(file, 'utf8'));
}

/** The node a local JSON pointer (`#/components/schemas/X`) names. */
function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, not '${ref}'`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`unresolvable $ref '${ref}'`);
    node = node[key];
  }
  return node;
}

/** Follows `$ref`s of a non-schema object (a response, a parameter) until a real one. */
function follow(doc, node) {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) throw new Error(`$ref cycle at '${node.$ref}'`);
    seen.add(node.$ref);
    node = resolvePointer(doc, node.$ref);
  }
  return node;
}

/** The draft-07 form of one OpenAPI 3.x schema, every `$ref` inlined. */
function toDraft07(doc, schema, where = '#', stack = []) {
  if (typeof schema === 'boolean') return schema;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throw new Error(`${where}: not a schema`);

  if (typeof schema.$ref === 'string') {
    if (stack.includes(schema.$ref)) throw new Error(`${where}: recursive $ref '${schema.$ref}' cannot be inlined`);
    const target = toDraft07(doc, resolvePointer(doc, schema.$ref), schema.$ref, [...stack, schema.$ref]);
    const siblings = Object.keys(schema).filter((k) => k !== '$ref' && !ANNOTATIONS.includes(k));
    if (siblings.length === 0) return target;
    const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref'));
    return { allOf: [target, toDraft07(doc, rest, where, stack)] };
  }

  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (UNSUPPORTED.includes(key)) throw new Error(`${where}: '${key}' has no draft-07 equivalent`);
    if (DROPPED.includes(key) || key.startsWith('x-') || key === 'nullable' || key === '$schema' || key === '$id') continue;
    if (key === 'examples') {
      if (Array.isArray(value)) out.examples = value; // draft-07 `examples` is an array; an OpenAPI map is dropped
    } else if (SCHEMA_KEYWORDS.includes(key)) {
      out[key] = Array.isArray(value) ? value.map((s, i) => toDraft07(doc, s, `${where}/${key}/${i}`, stack)) : toDraft07(doc, value, `${where}/${key}`, stack);
    } else if (SCHEMA_ARRAY_KEYWORDS.includes(key)) {
      out[key] = value.map((s, i) => toDraft07(doc, s, `${where}/${key}/${i}`, stack));
    } else if (SCHEMA_MAP_KEYWORDS.includes(key)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, Array.isArray(s) ? s : toDraft07(doc, s, `${where}/${key}/${name}`, stack)]),
      );
    } else {
      out[key] = value; // type, enum, const, required, pattern, bounds, format, default, description…
    }
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

/** The OpenAPI Response Object of (path template, method, status), `$ref`s followed. */
function responseObject(doc, pathTemplate, method, status) {
  const item = doc.paths && doc.paths[pathTemplate];
  const operation = item && item[method.toLowerCase()];
  if (!operation) throw new Error(`the document has no operation ${method.toUpperCase()} ${pathTemplate}`);
  const response = operation.responses && (operation.responses[String(status)] || operation.responses[`${String(status)[0]}XX`] || operation.responses.default);
  if (!response) throw new Error(`${method.toUpperCase()} ${pathTemplate} documents no ${status} response`);
  return follow(doc, response);
}

/** The draft-07 schema (with `$schema`) of one response body, or throws. */
function responseSchema(doc, pathTemplate, method, status, mediaType) {
  const response = responseObject(doc, pathTemplate, method, status);
  const media = response.content && response.content[mediaType];
  if (!media || !media.schema) throw new Error(`${method.toUpperCase()} ${pathTemplate} ${status} has no ${mediaType} schema`);
  return { $schema: DRAFT_07, ...toDraft07(doc, media.schema, `${method.toUpperCase()} ${pathTemplate} ${status} ${mediaType}`) };
}

/**
 * The schema of a parsed event stream, `[{id, event, data}, …]`, for the media type's
 * `x-sse-event-schema` (a `oneOf` of event schemas, each with a `type` const).
 */
function sseFramesSchema(doc, pathTemplate, method, status, mediaType = 'text/event-stream') {
  const response = responseObject(doc, pathTemplate, method, status);
  const media = response.content && response.content[mediaType];
  if (!media || !media['x-sse-event-schema']) throw new Error(`${method.toUpperCase()} ${pathTemplate} ${status} ${mediaType} names no x-sse-event-schema`);
  const union = follow(doc, media['x-sse-event-schema']);
  if (!Array.isArray(union.oneOf)) throw new Error('x-sse-event-schema: expected a oneOf of event schemas');
  const frames = union.oneOf.map((member, i) => {
    const data = toDraft07(doc, member, `x-sse-event-schema/oneOf/${i}`);
    const type = data.properties && data.properties.type && data.properties.type.const;
    if (typeof type !== 'string') throw new Error(`x-sse-event-schema/oneOf/${i}: no 'type' const`);
    return {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'event', 'data'],
      properties: { id: { type: 'string', pattern: '^[1-9][0-9]*$' }, event: { const: type }, data },
    };
  });
  const anyFrame = { oneOf: frames };
  const first = frames.find((f) => f.properties.event.const === 'run_started');
  return {
    $schema: DRAFT_07,
    type: 'array',
    minItems: 2,
    items: [first || anyFrame],
    additionalItems: anyFrame,
  };
}

module.exports = { loadDocument, resolvePointer, follow, toDraft07, responseObject, responseSchema, sseFramesSchema, DRAFT_07 };
