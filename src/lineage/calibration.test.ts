/**
 * Calibration of the verdict thresholds on generated models: each pair's
 * signals and verdict. No pair of independent models may be called derived.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareModels, type LineageReport } from './index.js';
import { drift, familyWeights, merge, permuteUnits, writeHfModel, writeQuantizedGguf } from './generate/calibration-models.js';

let dir: string;
let report: LineageReport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mg-lineage-'));
  const base = await familyWeights(1);
  const other = await familyWeights(2);
  const third = await familyWeights(3);
  const m = {
    base: await writeHfModel(join(dir, 'base'), base, { name: 'base' }),
    finetune: await writeHfModel(join(dir, 'finetune'), drift(base, 0.1, 11), { name: 'finetune', baseModel: 'org/base' }),
    q8: await writeQuantizedGguf(join(dir, 'base-q8.gguf'), base, 'Q8_0'),
    q4: await writeQuantizedGguf(join(dir, 'base-q4.gguf'), base, 'Q4_0'),
    merged: await writeHfModel(join(dir, 'merged'), merge(base, other), { name: 'merged' }),
    continued: await writeHfModel(join(dir, 'continued'), drift(base, 1.2, 12), { name: 'continued' }),
    permuted: await writeHfModel(join(dir, 'permuted'), permuteUnits(base, 13), { name: 'permuted' }),
    other: await writeHfModel(join(dir, 'other'), other, { name: 'other' }),
    third: await writeHfModel(join(dir, 'third'), third, { name: 'third' }),
  };
  const targets = Object.values(m);
  report = await compareModels(targets, { threads: 2 });
  for (const p of report.pairs) p.a = Object.keys(m)[targets.indexOf(p.a)] ?? p.a;
  for (const p of report.pairs) p.b = Object.keys(m)[targets.indexOf(p.b)] ?? p.b;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pair = (a: string, b: string) => {
  const p = report.pairs.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
  if (!p) throw new Error(`no pair ${a}/${b}`);
  return p;
};

describe('lineage calibration', () => {
  it('prints the calibration table', () => {
    const rows = report.pairs.map((p) => [p.a, p.b, ...(['identity', 'tensorCosine', 'stdProfile', 'invariants', 'unitAlignment'] as const).map((s) => p.signals[s].value?.toFixed(3) ?? 'n/a'), `${p.verdict}${p.kind ? `/${p.kind}` : ''}`].join('\t'));
    console.log(['a\tb\tidentity\tcosine\tstd\tinvariants\tunits\tverdict', ...rows].join('\n'));
  });

  it.each([
    ['base', 'finetune', 'derived', 'fine-tune'],
    ['base', 'q8', 'derived', 'quantization'],
    ['base', 'q4', 'derived', 'quantization'],
    ['base', 'continued', 'derived', 'continued-training'],
    ['base', 'merged', 'derived', 'merge'],
    ['other', 'merged', 'derived', 'merge'],
    ['base', 'permuted', 'derived', 'permuted-copy'],
    ['finetune', 'permuted', 'derived', undefined],
    ['continued', 'permuted', 'derived', 'continued-training'],
    ['merged', 'permuted', 'derived', undefined],
  ])('%s vs %s is %s (%s)', (a, b, verdict, kind) => {
    const p = pair(a, b);
    expect(p.verdict).toBe(verdict);
    if (kind) expect(p.kind).toBe(kind);
  });

  it('never calls independent models derived, though the std profile says they correlate', () => {
    for (const [a, b] of [['base', 'other'], ['base', 'third'], ['other', 'third'], ['continued', 'third'], ['permuted', 'other']] as const) {
      expect(pair(a, b).verdict).toBe('same-architecture');
    }
    expect(pair('base', 'other').signals.stdProfile.value ?? 0).toBeGreaterThan(0.9);
  });

  it('reports an undisclosed derivation when neither side declares a base', () => {
    expect(report.findings.some((f) => f.ruleId === 'license/undisclosed-derivation' && f.message.includes('permuted'))).toBe(true);
    expect(report.findings.some((f) => f.message.includes('finetune'))).toBe(false);
  });
});
