/**
 * `$RANDOM` from a generator of the sandbox's own (just-bash reads `Math.random`, which no seed
 * reaches). A transform plugin rewrites each `$RANDOM` of a command line into `$(__rt_random)`,
 * a command that draws from a mulberry32 generator seeded from the sandbox id: under `--seed`
 * the ids repeat, so the numbers do too. `$((RANDOM))` inside arithmetic is not rewritten.
 */
import { defineCommand, parse, type Command, type TransformPlugin } from "just-bash";
import { seededRandom } from "../../common/clock.ts";

const COMMAND = "__rt_random";

/** The command and the plugin that make `$RANDOM` draw from `random`. */
export function seededRandomVariable(random: () => number): { command: Command; plugin: TransformPlugin } {
  const command = defineCommand(COMMAND, async () => ({ stdout: `${Math.floor(random() * 32768)}\n`, stderr: "", exitCode: 0 }));
  const substitution = findNode(parse(`echo $(${COMMAND})`), "CommandSubstitution");
  if (!substitution) throw new Error("just-bash's parser changed: no CommandSubstitution node");
  const plugin: TransformPlugin = {
    name: "seeded-random",
    // Most command lines have no $RANDOM: they are handed on as parsed, without a copy.
    transform: ({ ast }) => ({ ast: findRandom(ast) ? (replaceRandom(ast, substitution) as typeof ast) : ast }),
  };
  return { command, plugin };
}

/** A generator seeded from a string (the sandbox id). */
export function randomFor(key: string): () => number {
  return seededRandom(hashOf(key));
}

/** A 32-bit FNV-1a hash of a string: stable values (seeds, addresses) derived from an id. */
export function hashOf(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return hash >>> 0;
}

function isNode(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function findNode(tree: unknown, type: string): unknown {
  if (Array.isArray(tree)) {
    for (const item of tree) {
      const found = findNode(item, type);
      if (found) return found;
    }
    return undefined;
  }
  if (!isNode(tree)) return undefined;
  if (tree.type === type) return tree;
  for (const value of Object.values(tree)) {
    const found = findNode(value, type);
    if (found) return found;
  }
  return undefined;
}

function isRandom(node: Record<string, unknown>): boolean {
  return node.type === "ParameterExpansion" && node.parameter === "RANDOM" && node.operation === null;
}

function findRandom(tree: unknown): boolean {
  if (Array.isArray(tree)) return tree.some(findRandom);
  if (!isNode(tree)) return false;
  return isRandom(tree) || Object.values(tree).some(findRandom);
}

/** A copy of `tree` with every plain `$RANDOM` replaced by `replacement` (copied per use). */
function replaceRandom(tree: unknown, replacement: unknown): unknown {
  if (Array.isArray(tree)) return tree.map((item) => replaceRandom(item, replacement));
  if (!isNode(tree)) return tree;
  if (isRandom(tree)) return structuredClone(replacement);
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) copy[key] = replaceRandom(value, replacement);
  return copy;
}
