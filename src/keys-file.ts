/**
 * Reads a keys file (`--keys <file>`, JSON or YAML) that maps API keys to organizations:
 *
 *   organizations:
 *     - name: acme                 # id derived from the name when `id` is omitted
 *       keys: [rt_test_alice, rt_test_bob]
 *     - id: 3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b
 *       keys: [rt_live_ci]
 *
 * With a keys file, keys it does not list are refused (401 invalid_token, reference Part A).
 */
import { readFileSync } from "node:fs";
import { parseYaml } from "./lazy-modules.ts";
import { buildKeyring, type KeyringOrganization } from "./core/auth.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads and checks a keys file; throws an Error naming the file and the first problem. */
export function loadKeysFile(path: string): Map<string, string> {
  let document: unknown;
  try {
    document = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`keys file ${path}: ${(error as Error).message}`);
  }
  try {
    return buildKeyring(parseOrganizations(document));
  } catch (error) {
    throw new Error(`keys file ${path}: ${(error as Error).message.replace(/^keys file: /, "")}`);
  }
}

function parseOrganizations(document: unknown): KeyringOrganization[] {
  const organizations = (document as { organizations?: unknown } | null)?.organizations;
  if (!Array.isArray(organizations) || organizations.length === 0) throw new Error("expected a non-empty 'organizations' list");
  return organizations.map((entry: unknown, index) => {
    const org = entry as { id?: unknown; name?: unknown; keys?: unknown };
    const where = `organizations[${index}]`;
    if (org.id !== undefined && (typeof org.id !== "string" || !UUID.test(org.id))) throw new Error(`${where}.id must be a UUID`);
    if (org.name !== undefined && typeof org.name !== "string") throw new Error(`${where}.name must be a string`);
    if (!Array.isArray(org.keys) || org.keys.length === 0 || !org.keys.every((k) => typeof k === "string")) {
      throw new Error(`${where}.keys must be a non-empty list of strings`);
    }
    return {
      ...(org.id !== undefined ? { id: (org.id as string).toLowerCase() } : {}),
      ...(org.name !== undefined ? { name: org.name as string } : {}),
      keys: org.keys as string[],
    };
  });
}
