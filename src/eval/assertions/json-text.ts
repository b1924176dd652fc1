/** JSON helpers for assertions: canonical text for comparisons, and finding JSON inside prose. */

/** JSON text with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, sortDeep(o[k])]),
    );
  }
  return v;
}

/** Parse text as JSON; `undefined` when it is not. */
export function tryJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * JSON values embedded in text (fenced code blocks first, then balanced
 * `{...}` / `[...]` spans), in order of appearance. Bounded so a huge
 * output cannot make this quadratic.
 */
export function findJsonValues(text: string, limit = 8): unknown[] {
  const found: unknown[] = [];
  for (const m of text.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)) {
    const j = tryJson((m[1] ?? '').trim());
    if (j) found.push(j.value);
    if (found.length >= limit) return found;
  }
  const max = Math.min(text.length, 200_000);
  for (let i = 0; i < max && found.length < limit; i++) {
    const c = text[i];
    if (c !== '{' && c !== '[') continue;
    const end = matchingClose(text, i);
    if (end < 0) continue;
    const j = tryJson(text.slice(i, end + 1));
    if (j) {
      found.push(j.value);
      i = end;
    }
  }
  return found;
}

function matchingClose(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
