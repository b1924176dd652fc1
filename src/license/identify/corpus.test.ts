import { describe, expect, it } from 'vitest';
import { loadCorpus, REAL_DIR, unlistedVariants } from './test-support/corpus.js';
import { precisionTable, runCorpus } from './test-support/precision.js';

const { cases, skipped } = loadCorpus();
const results = runCorpus(cases);
const byOrigin = (origin: string) => results.filter((r) => r.case.origin === origin).map((r) => [r.case.name, r] as const);

describe('written variants (reworded, reformatted, version-bumped)', () => {
  it('has an expectation for every variant file', () => {
    expect(unlistedVariants()).toEqual([]);
  });

  it.each(byOrigin('variant'))('%s', (_name, r) => {
    const e = r.case.expect;
    if (e.unseenVersion) {
      expect({ family: r.predictedFamily, unseen: r.unseenVersion }).toEqual({ family: e.family, unseen: e.unseenVersion });
      expect(r.confidence).toBeLessThanOrEqual(0.6);
    } else {
      expect(r.predictedId ?? 'none').toBe(e.id ?? 'none');
      expect(r.unseenVersion).toBeUndefined();
    }
  });
});

describe('reformatted SPDX texts', () => {
  it.each(byOrigin('spdx-variant'))('%s', (_name, r) => {
    expect(r.predictedId).toBe(r.case.expect.id);
  });
});

describe(`real license texts from ${REAL_DIR}`, () => {
  // Shown as a skipped test, with the reason, where the shared fixtures are not available.
  if (skipped) it.skip(`skipped: ${skipped}`, () => undefined);
  else {
    it.each(byOrigin('real'))('%s', (_name, r) => {
      expect(r.predictedId).toBe(r.case.expect.id);
      expect(r.confidence).toBeGreaterThanOrEqual(0.9);
    });
  }
});

describe('precision by family', () => {
  it('is 100% with no cross-family confusion', () => {
    const confused = results.filter((r) => r.predictedFamily !== r.case.expect.family).map((r) => `${r.case.name} → ${r.predictedFamily}`);
    expect(confused).toEqual([]);
    const table = precisionTable(results);
    expect(table).not.toMatch(/Misidentified/);
    expect(table.split('\n').filter((l) => /^\| [a-z]/.test(l) && !l.startsWith('| family')).every((l) => l.includes('| 100.0% |'))).toBe(true);
  });

  it('identifies each text in well under 50 ms on average', () => {
    const warm = results.slice(1);
    expect(warm.reduce((s, r) => s + r.ms, 0) / warm.length).toBeLessThan(250);
  });
});
