/**
 * Decide what an imported `module.name` means: allowed (and how), or
 * flagged with a severity and a reason a person understands. Allowlist
 * matching is exact after Python 2 renames; danger matching is deliberately
 * loose (NFKC, case-folded, attribute paths walked segment by segment), so a
 * disguised name is never milder than the name it imitates.
 */
import { severityRank, type Severity } from '../../core/findings.js';
import { SAFE_GLOBALS, USER_ALLOWED, type Permit } from './allowlist.js';
import {
  BENIGN_BUILTINS,
  BENIGN_MODULES,
  DANGER,
  MODULE_ALIASES,
  NAME_ALIASES,
  REACHABLE_MODULES,
  REASONS,
  RISKY_NAMES,
} from './policy-tables.js';

/** The policy's answer for one global. */
export interface Verdict {
  /** How the global may be used; `undefined` when it is not allowed at all. */
  readonly permit: Permit | undefined;
  /** For globals that are not allowed: which import rule reports them. */
  readonly rule: 'dangerous' | 'unknown';
  readonly severity: Severity;
  /** Completes "imports X, which ...". */
  readonly reason: string;
  /** `module.name` after Python 2 renames. */
  readonly normalized: string;
}

/** Apply the renames Python 3's unpickler makes for Python 2 streams. */
export function normalizeGlobal(module: string, name: string): string {
  const mod = MODULE_ALIASES.get(module) ?? module;
  const full = `${mod}.${name}`;
  return NAME_ALIASES.get(full) ?? full;
}

/** Judge `module.name`; `allow` holds extra user-allowed `module.name` strings. */
export function judgeGlobal(module: string, name: string, allow: ReadonlySet<string>): Verdict {
  const normalized = normalizeGlobal(module, name);
  const permit = SAFE_GLOBALS.get(normalized) ?? (allow.has(normalized) || allow.has(`${module}.${name}`) ? USER_ALLOWED : undefined);
  // Classified even when allowed: `value` and `call` permits still report misuse at that severity.
  const judged = classify(normalized, module, name);
  return { permit: permit && wellFormed(module, name) ? permit : undefined, normalized, ...judged };
}

// Allowlisted names are plain identifiers; anything else cannot be the real thing.
function wellFormed(module: string, name: string): boolean {
  return /^[A-Za-z_][\w.]*$/.test(module) && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name) && !/\.\.|\.$/.test(module);
}

type Classified = Pick<Verdict, 'rule' | 'severity' | 'reason'>;

/** Lower-cased NFKC segments, with whitespace, controls and empty steps removed. */
export function foldSegments(path: string): string[] {
  return path
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{Cc}\p{Cf}]+/gu, '')
    .split('.')
    .filter((s) => s !== '');
}

function classify(normalized: string, module: string, name: string): Classified {
  const modSegs = foldSegments(LOWER_MODULE_ALIASES.get(foldSegments(module).join('.')) ?? module);
  let segs = [...modSegs, ...foldSegments(name)];
  const renamed = LOWER_NAME_ALIASES.get(segs.join('.'));
  if (renamed) segs = foldSegments(renamed);
  const nameSegs = segs.slice(modSegs.length);
  const found: Classified[] = [];
  const hit = longestPrefix(segs);
  if (hit) found.push(danger(hit.severity, REASONS[hit.reason]));
  const dunder = nameSegs.find((s) => s.length > 4 && s.startsWith('__') && s.endsWith('__'));
  if (dunder) found.push(danger('critical', `walks through the Python internal attribute ${dunder}, a known way to reach arbitrary code`));
  const reached = nameSegs.find((s, i) => (i < nameSegs.length - 1 ? REACHABLE_MODULES : CORE_MODULES).has(s));
  if (reached) found.push(danger('critical', `reaches the ${reached} module through an attribute path`));
  const worst = found.sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0];
  return worst ?? fallback(modSegs, nameSegs, normalized);
}

// No danger entry matched: grade by what kind of module it is.
function fallback(modSegs: readonly string[], nameSegs: readonly string[], normalized: string): Classified {
  const root = modSegs[0] ?? '';
  const last = nameSegs[nameSegs.length - 1] ?? '';
  if (root.startsWith('_') && root !== '__main__') return danger('critical', 'is a private interpreter module that no model file needs');
  if (root === 'builtins') {
    if (nameSegs.length === 1 && (BENIGN_BUILTINS.has(last) || /(error|exception|warning)$/.test(last))) return unknown('low', 'is a harmless builtin but not one model files need');
    return danger('high', 'is a Python builtin that model files do not need');
  }
  if (RISKY_NAMES.has(last)) return danger('high', 'has a name that suggests file, network or code loading');
  if (BENIGN_MODULES.has(root) && nameSegs.length === 1) return unknown('low', 'comes from a standard-library module that only builds plain values');
  if (nameSegs.length > 1 || normalized.includes('..')) return unknown('high', 'is reached through an attribute path, which real saves rarely write');
  return unknown('medium', 'is not on the allowlist; loading the file runs code from that package');
}

const lower = (m: ReadonlyMap<string, string>) => new Map([...m].map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
const LOWER_MODULE_ALIASES = lower(MODULE_ALIASES);
const LOWER_NAME_ALIASES = lower(NAME_ALIASES);
// A bare attribute with one of these names is the module object itself.
const CORE_MODULES: ReadonlySet<string> = new Set(['os', 'posix', 'nt', 'sys', 'subprocess', 'builtins', '__builtins__', 'importlib']);

function longestPrefix(segs: readonly string[]): { severity: Severity; reason: keyof typeof REASONS } | undefined {
  for (let n = segs.length; n > 0; n--) {
    const hit = DANGER.get(segs.slice(0, n).join('.'));
    if (hit) return hit;
  }
  return undefined;
}

function danger(severity: Severity, reason: string): Classified {
  return { rule: 'dangerous', severity, reason };
}

function unknown(severity: Severity, reason: string): Classified {
  return { rule: 'unknown', severity, reason };
}
