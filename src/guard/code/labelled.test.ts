import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dirtyFixed, runLabelledSet, score, type LabelledCase } from './labelled/evaluate.js';
import { codeRules } from './rules/index.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__', import.meta.url));

describe('labelled set (vulnerable snippet + fixed twin per rule and language)', () => {
  let cases: LabelledCase[];
  beforeAll(async () => {
    cases = await runLabelledSet(FIXTURES);
  });

  it('has a vulnerable and a fixed twin for every rule and each of its languages', () => {
    for (const rule of codeRules) {
      for (const lang of rule.languages) {
        const mine = cases.filter((c) => c.rule === rule.id && c.language === lang);
        // SQL has no place for some rules (e.g. XSS); every declared language must be covered.
        expect(mine.some((c) => c.vulnerable), `${rule.id} ${lang} vulnerable`).toBe(true);
        expect(mine.some((c) => !c.vulnerable), `${rule.id} ${lang} fixed`).toBe(true);
      }
    }
  });

  it('every fixed twin is clean', () => {
    expect(dirtyFixed(cases).map((c) => `${c.file}: ${c.found.join(', ')}`)).toEqual([]);
  });

  it('reaches precision and recall of at least 0.9 overall and per rule', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const rule of codeRules) {
      const s = score(cases, rule.id);
      expect(s.precision, `${rule.id} precision`).toBeGreaterThanOrEqual(0.9);
      expect(s.recall, `${rule.id} recall`).toBeGreaterThanOrEqual(0.9);
      tp += s.tp;
      fp += s.fp;
      fn += s.fn;
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  });
});
