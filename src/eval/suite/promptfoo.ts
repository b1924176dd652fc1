/**
 * Reading promptfoo configs (`promptfooconfig.yaml`). Their core is the
 * same as a modelgate suite, so this only rewrites promptfoo's shorthands
 * into the canonical form the schema checks: single values into lists,
 * `file://` test paths into `{ file }` entries, provider objects into refs.
 * Keys that only change promptfoo's output or sharing are dropped with a
 * warning; keys that would change results (transforms, scenarios,
 * extensions) are reported as unsupported rather than silently ignored.
 */

/** A problem found while normalising, with its path in the file. */
export interface NormalizeIssue {
  path: (string | number)[];
  message: string;
}

/** The canonical object plus what was dropped or is unsupported. */
export interface Normalized {
  value: Record<string, unknown>;
  warnings: string[];
  issues: NormalizeIssue[];
}

const IGNORED_TOP = ['outputPath', 'sharing', 'tags', 'env', 'writeLatestResults', 'commandLineOptions', 'metadata', 'tracing', 'derivedMetrics', '$schema', 'defaultTest.metadata'];
const UNSUPPORTED_TOP: Record<string, string> = {
  scenarios: 'scenarios are not supported; list the tests directly',
  extensions: 'extension hooks are not supported',
  redteam: 'use `modelgate redteam` for red-team configs',
  nunjucksFilters: 'custom nunjucks filters are not supported',
};
const UNSUPPORTED_OPTIONS = ['transform', 'postprocess', 'prefix', 'suffix', 'storeOutputAs'];
const IGNORED_TEST = ['providers', 'provider', 'providerOutput', 'assertScoringFunction'];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a parsed file looks like a promptfoo config (by name, or by keys only promptfoo uses). */
export function looksLikePromptfoo(fileName: string, raw: Record<string, unknown>): boolean {
  if (/(^|[\\/])promptfooconfig[^\\/]*$/i.test(fileName)) return true;
  if (['models', 'judge', 'request', 'gate', 'baseline'].some((k) => k in raw)) return false;
  return 'providers' in raw || IGNORED_TOP.some((k) => k in raw) || Object.keys(UNSUPPORTED_TOP).some((k) => k in raw);
}

/** Rewrite promptfoo shorthands into the canonical suite shape. */
export function normalizePromptfoo(raw: Record<string, unknown>): Normalized {
  const warnings: string[] = [];
  const issues: NormalizeIssue[] = [];
  const value: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (IGNORED_TOP.includes(key)) warnings.push(`${key}: ignored (promptfoo output setting)`);
    else if (key in UNSUPPORTED_TOP) issues.push({ path: [key], message: UNSUPPORTED_TOP[key] as string });
    else if (key === 'prompts') value.prompts = normalizePrompts(v);
    else if (key === 'providers') value.providers = normalizeProviders(v, issues, warnings);
    else if (key === 'tests') value.tests = normalizeTests(v, issues, warnings);
    else if (key === 'defaultTest') value.defaultTest = isObject(v) ? normalizeTest(v, ['defaultTest'], issues, warnings) : v;
    else if (key === 'evaluateOptions' && isObject(v)) value.evaluateOptions = pick(v, ['maxConcurrency', 'repeat'], 'evaluateOptions', warnings);
    else value[key] = v;
  }
  return { value, warnings, issues };
}

function pick(o: Record<string, unknown>, keep: string[], where: string, warnings: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (keep.includes(k)) out[k] = v;
    else warnings.push(`${where}.${k}: ignored`);
  }
  return out;
}

function normalizePrompts(v: unknown): unknown {
  if (typeof v === 'string') return [v];
  // `{ 'file://a.txt': 'label' }` is promptfoo's map form.
  if (isObject(v)) return Object.entries(v).map(([id, label]) => (typeof label === 'string' ? { id, label } : { id }));
  return v;
}

function normalizeProviders(v: unknown, issues: NormalizeIssue[], warnings: string[]): unknown {
  const list = typeof v === 'string' ? [v] : isObject(v) ? Object.entries(v).map(([id, o]) => ({ id, ...(isObject(o) ? o : {}) })) : v;
  if (!Array.isArray(list)) return list;
  return list.map((p, i) => {
    if (!isObject(p)) return p;
    // `- openai:gpt-4o: { config: ... }` is a one-key map naming the provider.
    const keys = Object.keys(p);
    const entry = !('id' in p) && keys.length === 1 && isObject(p[keys[0] as string]) ? { id: keys[0], ...(p[keys[0] as string] as object) } : p;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(entry)) {
      if (k === 'id' || k === 'label' || k === 'config') out[k] = val;
      else if (k === 'transform') issues.push({ path: ['providers', i, k], message: 'provider transforms are not supported' });
      else warnings.push(`providers[${i}].${k}: ignored`);
    }
    return out;
  });
}

function normalizeTests(v: unknown, issues: NormalizeIssue[], warnings: string[]): unknown {
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list)) return list;
  return list.map((t, i) => {
    if (typeof t === 'string') return t.startsWith('file://') ? { file: t.slice('file://'.length) } : t;
    return isObject(t) ? normalizeTest(t, ['tests', i], issues, warnings) : t;
  });
}

function normalizeTest(t: Record<string, unknown>, path: (string | number)[], issues: NormalizeIssue[], warnings: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  for (const [k, v] of Object.entries(t)) {
    if (IGNORED_TEST.includes(k)) warnings.push(`${where}.${k}: ignored (every test runs on every model)`);
    else if (k === 'options' && isObject(v)) out.options = normalizeOptions(v, [...path, 'options'], issues, warnings);
    else if (k === 'assert' && Array.isArray(v)) out.assert = v.map((a, j) => (isObject(a) ? normalizeAssertion(a, [...path, 'assert', j], issues) : a));
    else out[k] = v;
  }
  if (isObject(out.vars)) {
    for (const [name, val] of Object.entries(out.vars)) {
      if (Array.isArray(val)) warnings.push(`${where}.vars.${name}: promptfoo expands array vars into one test per value; modelgate passes the array as one value`);
    }
  }
  return out;
}

function normalizeOptions(o: Record<string, unknown>, path: (string | number)[], issues: NormalizeIssue[], warnings: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'provider') out.provider = providerId(v);
    else if (k === 'rubricPrompt') out.rubricPrompt = Array.isArray(v) ? JSON.stringify(v) : v;
    else if (UNSUPPORTED_OPTIONS.includes(k)) issues.push({ path: [...path, k], message: `options.${k} is not supported` });
    else warnings.push(`${path.join('.')}.${k}: ignored`);
  }
  return out;
}

function normalizeAssertion(a: Record<string, unknown>, path: (string | number)[], issues: NormalizeIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    if (k === 'provider') out.provider = providerId(v);
    else if (k === 'transform' || k === 'contextTransform') issues.push({ path: [...path, k], message: `assertion ${k} is not supported` });
    else out[k] = v;
  }
  return out;
}

/** promptfoo lets a judge be `{ id, config }`; modelgate names it by ref. */
function providerId(v: unknown): unknown {
  return isObject(v) && typeof v.id === 'string' ? v.id : v;
}
