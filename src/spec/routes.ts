/**
 * The route table, built from the spec's paths (stripe-mock's rule: static segments win over
 * parameters, so `/v1/run/threads` would never be read as `/v1/run/{id}`).
 *
 * A path that matches no template is a 404; a path that matches a template that lacks the
 * method is a 405 with the template's methods in `Allow` (reference Part A, error codes).
 */
import type { OperationSpec } from "./load.ts";

/** The outcome of matching a request's method and path. */
export type RouteMatch =
  | { kind: "found"; operation: OperationSpec; params: Record<string, string> }
  | { kind: "method_not_allowed"; allow: readonly string[] }
  | { kind: "not_found" };

interface Node {
  statics: Map<string, Node>;
  param?: { name: string; node: Node };
  /** A last-segment parameter that takes the rest of the path, slashes included (`x-rest-of-path`). */
  rest?: { name: string; node: Node };
  methods: Map<string, OperationSpec>;
}

const newNode = (): Node => ({ statics: new Map(), methods: new Map() });

/** A segment trie over the spec's path templates. */
export class RouteTable {
  readonly #root = newNode();

  constructor(operations: readonly OperationSpec[]) {
    for (const op of operations) this.#add(op);
  }

  #add(op: OperationSpec): void {
    let node = this.#root;
    const restName = op.parameters.find((p) => p.restOfPath)?.name;
    for (const segment of splitPath(op.path)) {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (param && restName !== undefined && param[1] === restName) {
        node.rest ??= { name: restName, node: newNode() };
        node = node.rest.node;
      } else if (param) {
        const name = param[1] as string;
        if (node.param && node.param.name !== name) {
          throw new Error(`${op.path}: parameter {${name}} conflicts with {${node.param.name}} at the same position`);
        }
        node.param ??= { name, node: newNode() };
        node = node.param.node;
      } else {
        let next = node.statics.get(segment);
        if (!next) node.statics.set(segment, (next = newNode()));
        node = next;
      }
    }
    if (node.methods.has(op.method)) throw new Error(`${op.method} ${op.path} is declared twice`);
    node.methods.set(op.method, op);
  }

  /** Matches a raw (percent-encoded) path; a trailing slash is ignored. */
  match(method: string, rawPath: string): RouteMatch {
    let segments: string[];
    try {
      segments = splitPath(rawPath).map((s) => decodeURIComponent(s));
    } catch {
      return { kind: "not_found" };
    }
    if (segments.some((s) => s === "")) return { kind: "not_found" };
    const params: Record<string, string> = {};
    const node = find(this.#root, segments, 0, params);
    if (!node || node.methods.size === 0) return { kind: "not_found" };
    const operation = node.methods.get(method.toUpperCase());
    if (!operation) return { kind: "method_not_allowed", allow: [...node.methods.keys()].sort() };
    return { kind: "found", operation, params };
  }
}

/** Depth-first, static child before the parameter child, backtracking on a dead end. */
function find(node: Node, segments: readonly string[], index: number, params: Record<string, string>): Node | undefined {
  if (index === segments.length) return node.methods.size > 0 ? node : undefined;
  const segment = segments[index] as string;
  const staticChild = node.statics.get(segment);
  if (staticChild) {
    const found = find(staticChild, segments, index + 1, params);
    if (found) return found;
  }
  if (node.param) {
    const found = find(node.param.node, segments, index + 1, params);
    if (found) {
      params[node.param.name] = segment;
      return found;
    }
  }
  if (node.rest && node.rest.node.methods.size > 0) {
    params[node.rest.name] = segments.slice(index).join("/");
    return node.rest.node;
  }
  return undefined;
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  return trimmed === "/" || trimmed === "" ? [] : trimmed.slice(1).split("/");
}
