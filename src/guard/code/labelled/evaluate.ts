/**
 * Precision and recall of the code rules on the labelled set in
 * `__fixtures__/<rule>/<language>[-variant].(vuln|fixed).<ext>.txt`: each
 * vulnerable snippet must raise its rule, each fixed twin must raise
 * nothing. A first-line `also: code/x` lists other rules a vulnerable
 * snippet rightly raises. Used by the test and `scripts/code-scan-precision.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { languageFromPath, type Language } from '../languages.js';
import { scanCode } from '../scan.js';

/** One labelled snippet and what the scanner said about it. */
export interface LabelledCase {
  file: string;
  rule: string;
  language: Language;
  vulnerable: boolean;
  expected: string[];
  found: string[];
}

/** Counts for one rule (or one rule and language). */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** Scan every labelled snippet under `dir`. */
export async function runLabelledSet(dir: string): Promise<LabelledCase[]> {
  const cases: LabelledCase[] = [];
  for (const ruleDir of (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const name of (await readdir(join(dir, ruleDir))).sort()) {
      // Fixtures end in .txt so the project's compiler and linter leave them alone.
      const m = /^([\w]+)(?:-[\w-]+)?\.(vuln|fixed)\.\w+\.txt$/.exec(name);
      const language = languageFromPath(name.replace(/\.txt$/, ''));
      if (!m || !language) continue;
      const text = await readFile(join(dir, ruleDir, name), 'utf8');
      const vulnerable = m[2] === 'vuln';
      const also = /^\S+\s*also:\s*([\w/ ,-]+)/.exec(text)?.[1]?.split(/[\s,]+/).filter(Boolean) ?? [];
      const findings = await scanCode(text, { language, file: name });
      cases.push({
        file: `${ruleDir}/${name}`,
        rule: `code/${ruleDir}`,
        language,
        vulnerable,
        expected: vulnerable ? [`code/${ruleDir}`, ...also] : [],
        found: [...new Set(findings.map((f) => f.ruleId))].sort(),
      });
    }
  }
  return cases;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

/** Score `rule` over `cases` (optionally only one language). */
export function score(cases: readonly LabelledCase[], rule: string, language?: Language): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    if (language && c.language !== language) continue;
    const isTarget = c.vulnerable && c.rule === rule;
    const raised = c.found.includes(rule);
    if (isTarget && raised) tp++;
    else if (isTarget) fn++;
    else if (raised && !c.expected.includes(rule)) fp++;
  }
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/** Fixed twins that raised anything at all. */
export function dirtyFixed(cases: readonly LabelledCase[]): LabelledCase[] {
  return cases.filter((c) => !c.vulnerable && c.found.length > 0);
}
