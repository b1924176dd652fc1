/**
 * Prompt templates: `{{ var }}` with nested paths (`user.name`, `items[0]`,
 * `row["a b"]`) and a few nunjucks-style filters (`{{ q | upper }}`,
 * `{{ x | default("none") }}`). Templates are compiled once into parts so a
 * suite of 100,000 cases renders with string concatenation only. Block tags
 * (`{% if %}`) are rejected at load time rather than rendered wrongly.
 */

type PathKey = string | number;

interface Filter {
  name: FilterName;
  args: unknown[];
}

interface Expr {
  /** A variable path, or a literal when `literal` is set. */
  path: PathKey[];
  literal?: { value: unknown };
  filters: Filter[];
}

type Part = string | Expr;

/** A compiled template. */
export interface Template {
  readonly source: string;
  /** True when the source has no `{{ }}` (rendering returns it as is). */
  readonly isStatic: boolean;
  /** Top-level variable names the template reads. */
  readonly vars: readonly string[];
  render(vars: Readonly<Record<string, unknown>>): string;
}

const FILTERS = {
  upper: (v: unknown) => text(v).toUpperCase(),
  lower: (v: unknown) => text(v).toLowerCase(),
  capitalize: (v: unknown) => {
    const s = text(v);
    return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  },
  trim: (v: unknown) => text(v).trim(),
  json: (v: unknown) => JSON.stringify(v ?? null),
  dump: (v: unknown) => JSON.stringify(v ?? null),
  length: (v: unknown) => (Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  first: (v: unknown) => (Array.isArray(v) ? v[0] : typeof v === 'string' ? v.charAt(0) : undefined),
  last: (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : typeof v === 'string' ? v.charAt(v.length - 1) : undefined),
  join: (v: unknown, sep: unknown = '') => (Array.isArray(v) ? v.map(text).join(text(sep)) : text(v)),
  default: (v: unknown, fallback: unknown = '') => (v === undefined || v === null ? fallback : v),
  d: (v: unknown, fallback: unknown = '') => (v === undefined || v === null ? fallback : v),
  truncate: (v: unknown, n: unknown = 255) => {
    const s = text(v);
    const max = typeof n === 'number' ? n : 255;
    return s.length > max ? `${s.slice(0, max)}...` : s;
  },
  replace: (v: unknown, from: unknown = '', to: unknown = '') => text(v).split(text(from)).join(text(to)),
  // nunjucks marks output safe from escaping; prompts are never escaped, so it is a no-op kept for compatibility.
  safe: (v: unknown) => v,
} as const satisfies Record<string, (value: unknown, ...args: unknown[]) => unknown>;

type FilterName = keyof typeof FILTERS;

/** Filter names templates may use. */
export const TEMPLATE_FILTERS = Object.keys(FILTERS) as FilterName[];

/** How a value appears in a prompt: strings as is, objects as JSON, nothing as the empty string. */
export function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Compile a template, or explain why it cannot be compiled. */
export function compileTemplate(source: string): { ok: true; template: Template } | { ok: false; message: string } {
  if (source.includes('{%')) return { ok: false, message: 'block tags ({% ... %}) are not supported; use {{ var }} with filters' };
  const stripped = source.replace(/\{#[\s\S]*?#\}/g, '');
  const parts: Part[] = [];
  const names = new Set<string>();
  let at = 0;
  while (at < stripped.length) {
    const open = stripped.indexOf('{{', at);
    if (open < 0) break;
    const close = stripped.indexOf('}}', open + 2);
    if (close < 0) return { ok: false, message: `unclosed "{{" at offset ${open}` };
    if (open > at) parts.push(stripped.slice(at, open));
    const parsed = parseExpr(stripped.slice(open + 2, close).trim());
    if (!parsed.ok) return parsed;
    const head = parsed.expr.path[0];
    if (!parsed.expr.literal && typeof head === 'string') names.add(head);
    parts.push(parsed.expr);
    at = close + 2;
  }
  if (at < stripped.length) parts.push(stripped.slice(at));
  const isStatic = parts.every((p) => typeof p === 'string');
  const constant = isStatic ? parts.join('') : '';
  const template: Template = {
    source,
    isStatic,
    vars: [...names],
    render: isStatic ? () => constant : (vars) => renderParts(parts, vars),
  };
  return { ok: true, template };
}

function renderParts(parts: readonly Part[], vars: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : text(evaluate(p, vars));
  return out;
}

function evaluate(e: Expr, vars: Readonly<Record<string, unknown>>): unknown {
  let v: unknown = e.literal ? e.literal.value : lookup(vars, e.path);
  for (const f of e.filters) v = (FILTERS[f.name] as (value: unknown, ...args: unknown[]) => unknown)(v, ...f.args);
  return v;
}

/** Read a nested value (`a.b[0]`); undefined when any step is missing. */
export function lookup(root: unknown, path: readonly PathKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[k];
  }
  return v;
}

function parseExpr(src: string): { ok: true; expr: Expr } | { ok: false; message: string } {
  const segments = splitOutsideQuotes(src, '|');
  const head = (segments.shift() ?? '').trim();
  if (!head) return { ok: false, message: 'empty {{ }} expression' };
  const lit = parseLiteral(head);
  const path = lit ? [] : parsePath(head);
  if (!lit && !path) return { ok: false, message: `cannot read "${head}" as a variable path (use name, a.b, a[0] or a["key"])` };
  const filters: Filter[] = [];
  for (const seg of segments) {
    const m = /^\s*([A-Za-z_]\w*)\s*(?:\((.*)\))?\s*$/s.exec(seg);
    if (!m) return { ok: false, message: `cannot read filter "${seg.trim()}"` };
    const name = m[1] as string;
    if (!(name in FILTERS)) return { ok: false, message: `unknown filter "${name}" (known: ${TEMPLATE_FILTERS.join(', ')})` };
    const args: unknown[] = [];
    for (const a of m[2] ? splitOutsideQuotes(m[2], ',') : []) {
      const l = parseLiteral(a.trim());
      if (!l) return { ok: false, message: `filter ${name}: argument ${a.trim()} is not a string, number or boolean literal` };
      args.push(l.value);
    }
    filters.push({ name: name as FilterName, args });
  }
  return { ok: true, expr: { path: path ?? [], ...(lit ? { literal: lit } : {}), filters } };
}

function parseLiteral(s: string): { value: unknown } | undefined {
  if (/^-?\d+(\.\d+)?$/.test(s)) return { value: Number(s) };
  if (s === 'true' || s === 'false') return { value: s === 'true' };
  if (s === 'null' || s === 'none') return { value: null };
  const q = s[0];
  if ((q === '"' || q === "'") && s.length >= 2 && s.endsWith(q)) return { value: s.slice(1, -1).replace(/\\(.)/g, '$1') };
  return undefined;
}

function parsePath(s: string): PathKey[] | undefined {
  const keys: PathKey[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[\s*(\d+)\s*\]|\[\s*(["'])(.*?)\3\s*\]/gy;
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m || m.index !== at) return undefined;
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push(m[4] ?? '');
    at = re.lastIndex;
  }
  return keys.length > 0 ? keys : undefined;
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let quote = '';
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quote) {
      if (c === '\\') {
        cur += c + (s[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === sep) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}
