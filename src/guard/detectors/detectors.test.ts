import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../test-support/corpus.js';
import { precisionTable, scoreCorpus } from '../test-support/precision.js';
import { DETECTORS } from './index.js';

// Thresholds on the labelled corpus: strict for the default (hot-path) detectors, looser for the
// opt-in heuristic ones (NER names, pattern addresses), which are measured separately.
const DEFAULT = { precision: 0.95, recall: 0.9 };
const OPT_IN = { precision: 0.7, recall: 0.6 };

describe('detectors on the labelled corpus', () => {
  const scores = scoreCorpus(loadCorpus());
  console.log(`\n${precisionTable(scores)}\n`);

  it('every detector has labelled positives', () => {
    for (const s of scores) expect(s.positives, s.detector.id).toBeGreaterThanOrEqual(2);
  });

  for (const s of scores) {
    const want = s.detector.enabledByDefault === false ? OPT_IN : DEFAULT;
    it(`${s.detector.id}: precision >= ${want.precision}, recall >= ${want.recall}`, () => {
      expect(s.precision, s.errors.join('\n')).toBeGreaterThanOrEqual(want.precision);
      expect(s.recall, s.errors.join('\n')).toBeGreaterThanOrEqual(want.recall);
    });
  }

  it('the hard negatives trip nothing', () => {
    const negatives = scoreCorpus(loadCorpus(['negatives.txt']));
    expect(negatives.flatMap((s) => s.errors)).toEqual([]);
  });

  it('ids are unique and prefixed by kind', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of DETECTORS) expect(d.id.startsWith(`${d.kind}/`), d.id).toBe(true);
  });
});
