/**
 * A parameter the spec gives a default (`limit`): the request validator fills it in, so a
 * handler never sees it absent. openapi-typescript types parameters with defaults as optional,
 * so this states the fact once instead of repeating the spec's default value in code.
 */
export function defaulted<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`parameter '${name}' arrived without its documented default`);
  return value;
}
