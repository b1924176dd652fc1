/**
 * Redaction and restoration inside OpenAI chat JSON: message contents (strings or text parts),
 * tool-call arguments (JSON inside a string) and any other free-text string value.
 */
import type { Finding } from '../../core/findings.js';
import { createRedactor, type RedactOptions } from './redactor.js';
import { restoreText } from './restorer.js';

// Protocol fields that are never user text: model names, roles, ids, enum values.
const STRUCTURAL = new Set(['model', 'role', 'type', 'id', 'tool_call_id', 'object', 'finish_reason', 'name', 'response_format', 'tools', 'tool_choice', 'stop', 'detail', 'url', 'image_url']);

/** What `redactJson` returns. */
export interface RedactJsonResult<T> {
  value: T;
  replacements: Map<string, string>;
  findings: Finding[];
  nonce: string;
}

/**
 * Redact every free-text string of a JSON value (an OpenAI chat request) with one shared
 * placeholder numbering. Tool-call `arguments` are parsed, redacted and re-serialised so the
 * stored originals are plain values. Findings carry the JSON path in `location.key`.
 * @example
 * const { value, replacements } = redactJson(body);  // body.messages[i].content redacted
 */
export function redactJson<T>(value: T, options: RedactOptions = {}): RedactJsonResult<T> {
  const r = createRedactor(options);
  const walk = (v: unknown, path: string, key: string | undefined): unknown => {
    if (typeof v === 'string') {
      if (key !== undefined && STRUCTURAL.has(key)) return v;
      if (key === 'arguments') {
        const parsed = tryParse(v);
        const before = r.findings.length;
        if (parsed.ok) {
          const redacted = walk(parsed.value, path, undefined);
          // Re-serialise only when something changed, keeping the caller's formatting otherwise.
          return r.findings.length === before ? v : JSON.stringify(redacted);
        }
      }
      return r.redact(v, path);
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`, undefined));
    if (v !== null && typeof v === 'object') {
      if (key !== undefined && STRUCTURAL.has(key)) return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path ? `${path}.${k}` : k, k)]));
    }
    return v;
  };
  const out = walk(value, '', undefined) as T;
  return { value: out, replacements: r.replacements, findings: r.findings, nonce: r.nonce };
}

/**
 * Restore this request's placeholders in every string of a JSON value (a non-streamed chat
 * completion). Inside tool-call `arguments`, values are JSON-escaped so the arguments stay valid JSON.
 * @example
 * res.json(restoreJson(upstreamBody, replacements));
 */
export function restoreJson<T>(value: T, replacements: ReadonlyMap<string, string>): T {
  if (replacements.size === 0) return value;
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string') return restoreText(v, replacements, { escape: key === 'arguments' ? 'json' : 'none' });
    if (Array.isArray(v)) return v.map((x) => walk(x, undefined));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(value, undefined) as T;
}

function tryParse(s: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(s) as unknown };
  } catch {
    return { ok: false };
  }
}
