/**
 * Runs the corpus through `identifyLicense` and measures precision by family:
 * of the cases predicted as a family, how many were right (right id, or for
 * an unseen version the right family with the version flagged).
 */
import { identifyLicense } from '../identify.js';
import { catalogEntry } from '../../catalog/load.js';
import type { CorpusCase } from './corpus.js';

/** What the identifier made of one case. */
export interface CaseResult {
  case: CorpusCase;
  predictedId: string | undefined;
  predictedFamily: string;
  unseenVersion: string | undefined;
  confidence: number;
  correct: boolean;
  ms: number;
}

/** Identify every case as a lone LICENSE file. */
export function runCorpus(cases: CorpusCase[]): CaseResult[] {
  return cases.map((c) => {
    const start = performance.now();
    const r = identifyLicense({ files: [{ path: 'LICENSE', text: c.text }] });
    const ms = performance.now() - start;
    const unseen = r.findings.find((f) => f.ruleId === 'license/unknown-version');
    const unseenVersion = unseen ? /version (\S+),/.exec(unseen.message)?.[1] : undefined;
    const predictedFamily = r.id ? (r.family ?? catalogEntry(r.id)?.family ?? 'spdx-other') : 'none';
    return { case: c, predictedId: r.id, predictedFamily, unseenVersion, confidence: r.confidence, correct: isCorrect(c, r.id, predictedFamily, unseenVersion, r.confidence), ms };
  });
}

function isCorrect(c: CorpusCase, id: string | undefined, family: string, unseenVersion: string | undefined, confidence: number): boolean {
  const e = c.expect;
  if (e.family === 'none') return id === undefined;
  if (e.unseenVersion) return family === e.family && unseenVersion === e.unseenVersion && confidence <= 0.6;
  return id === e.id && unseenVersion === undefined;
}

/** Markdown table: precision by predicted family, recall by expected family, and the confusions. */
export function precisionTable(results: CaseResult[]): string {
  const families = [...new Set(results.flatMap((r) => [r.case.expect.family, r.predictedFamily]))].sort();
  const rows = families.map((f) => {
    const predicted = results.filter((r) => r.predictedFamily === f);
    const expected = results.filter((r) => r.case.expect.family === f);
    const correct = predicted.filter((r) => r.correct).length;
    const found = expected.filter((r) => r.correct).length;
    const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
    return `| ${f} | ${expected.length} | ${predicted.length} | ${correct} | ${pct(correct, predicted.length)} | ${pct(found, expected.length)} |`;
  });
  const total = results.filter((r) => r.correct).length;
  const wrong = results.filter((r) => !r.correct).map((r) => `- ${r.case.name} (${r.case.origin}): expected ${r.case.expect.id ?? r.case.expect.family}${r.case.expect.unseenVersion ? ` v${r.case.expect.unseenVersion} flagged` : ''}, got ${r.predictedId ?? 'nothing'}`);
  const origins = ['variant', 'spdx-variant', 'real'].map((o) => `${o}: ${results.filter((r) => r.case.origin === o).length}`).join(', ');
  return [
    '| family | cases | predicted | correct | precision | recall |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `${total}/${results.length} cases correct (${origins}).`,
    ...(wrong.length > 0 ? ['', 'Misidentified:', ...wrong] : []),
  ].join('\n');
}
