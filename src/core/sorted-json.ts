/**
 * JSON with keys sorted at every level: the form written to files people
 * diff (lockfile, evidence records) and hashed for cache keys, so the same
 * data always gives the same bytes.
 */

/** A deep copy of `value` whose object keys are sorted (arrays keep their order). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, sortKeysDeep(obj[k])]),
    );
  }
  return value;
}

/** Pretty, sorted JSON with a trailing newline, for files under version control. */
export function stableJsonFile(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}
