/**
 * Duplicate keys in JSON. `JSON.parse` (and Python's json) silently keep the
 * last value while serde-based readers reject or keep the first, so a
 * duplicate can show one tensor to a scanner and another to a loader.
 */

/** One key that appears twice in the same object. */
export interface DuplicateKey {
  /** Path of the object holding it, as keys from the root (`[]` for the root object). */
  path: string[];
  key: string;
  /** Character index of the second occurrence. */
  index: number;
}

/**
 * Find duplicate keys in text that already parsed as JSON. Iterative, so
 * deeply nested input cannot exhaust the stack.
 */
export function findDuplicateKeys(text: string, limit = 100): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  // One frame per open container: its keys (objects only) and the key it sits under.
  const stack: { keys: Set<string> | undefined; under: string }[] = [];
  const pathOf = () => stack.slice(1).map((f) => f.under);
  let pendingKey: string | undefined;
  let expectKey = false;
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) out.push({ path: pathOf(), key, index: i });
        top.keys.add(key);
        pendingKey = key;
        expectKey = false;
      }
      i = end - 1;
    } else if (c === '{' || c === '[') {
      stack.push({ keys: c === '{' ? new Set() : undefined, under: pendingKey ?? '[]' });
      expectKey = c === '{';
      pendingKey = undefined;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1]?.keys !== undefined;
    }
  }
  return out;
}

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
