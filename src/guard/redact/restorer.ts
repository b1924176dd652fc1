/**
 * Restoration: put the originals back where a response repeats this request's placeholders,
 * in whole texts or in streams whose chunks may split a placeholder anywhere.
 */
import { PLACEHOLDER_RE } from './placeholder.js';

/** How restored values are written: as is, or escaped for the inside of a JSON string literal. */
export interface RestoreOptions {
  escape?: 'none' | 'json';
}

/** A streaming restorer: feed chunks in order, then flush once at the end. */
export interface Restorer {
  /** Restored text that is safe to emit now (a possible placeholder prefix is held back). */
  push(chunk: string): string;
  /** Everything still held back, restored; call once when the stream ends. */
  flush(): string;
  /** True while a possible placeholder prefix is held back. */
  holding(): boolean;
}

/** Replace this request's placeholders in `text`; unknown ones (other requests, forgeries) stay. */
export function restoreText(text: string, replacements: ReadonlyMap<string, string>, options: RestoreOptions = {}): string {
  if (replacements.size === 0 || !text.includes('[')) return text;
  const json = options.escape === 'json';
  return text.replace(PLACEHOLDER_RE, (p) => {
    const original = replacements.get(p);
    if (original === undefined) return p;
    return json ? JSON.stringify(original).slice(1, -1) : original;
  });
}

/**
 * A restorer for a stream of text chunks (SSE deltas). It holds back only a suffix that is a proper
 * prefix of one of this request's placeholders, so at most `longest placeholder - 1` characters wait.
 * @example
 * const r = createRestorer(redacted.replacements);
 * for await (const delta of deltas) send(r.push(delta));
 * send(r.flush());
 */
export function createRestorer(replacements: ReadonlyMap<string, string>, options: RestoreOptions = {}): Restorer {
  const prefixes = new Set<string>();
  let longest = 0;
  for (const p of replacements.keys()) {
    longest = Math.max(longest, p.length);
    for (let i = 1; i < p.length; i++) prefixes.add(p.slice(0, i));
  }
  let held = '';
  return {
    push(chunk) {
      if (longest === 0) return chunk;
      const buf = held + chunk;
      const cut = holdFrom(buf, longest, prefixes);
      held = buf.slice(cut);
      return restoreText(buf.slice(0, cut), replacements, options);
    },
    flush() {
      const rest = restoreText(held, replacements, options);
      held = '';
      return rest;
    },
    holding: () => held.length > 0,
  };
}

// Index of the earliest '[' in the last `longest - 1` characters that starts a placeholder prefix.
function holdFrom(buf: string, longest: number, prefixes: ReadonlySet<string>): number {
  let p = buf.indexOf('[', Math.max(0, buf.length - longest + 1));
  while (p !== -1) {
    if (prefixes.has(buf.slice(p))) return p;
    p = buf.indexOf('[', p + 1);
  }
  return buf.length;
}
