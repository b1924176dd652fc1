import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runLineageDemo } from '../../src/lineage/index.js';
import { lineageStage } from '../../src/cli/demo/stage-lineage.js';
import { drift, familyWeights, writeHfModel, writeQuantizedGguf } from '../../src/lineage/generate/calibration-models.js';
import { tempProject } from '../support/temp-project.js';

let dir: string;
let models: { base: string; tuned: string; q4: string; other: string };

beforeAll(async () => {
  dir = await tempProject();
  const base = await familyWeights(21);
  models = {
    base: await writeHfModel(join(dir, 'base'), base, { name: 'base' }),
    tuned: await writeHfModel(join(dir, 'tuned'), drift(base, 0.05, 22), { name: 'tuned', baseModel: 'org/base' }),
    q4: await writeQuantizedGguf(join(dir, 'base-q4.gguf'), base, 'Q4_0'),
    other: await writeHfModel(join(dir, 'other'), await familyWeights(23), { name: 'other' }),
  };
}, 60_000);

function capture(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    chunks.push(String(s));
    return true;
  });
  return { text: () => chunks.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('modelgate lineage', () => {
  it('prints every figure as JSON with the verdicts', async () => {
    const out = capture();
    const code = await main(['node', 'modelgate', 'lineage', models.base, models.tuned, models.q4, models.other, '--json', '--threads', '0']);
    const report = JSON.parse(out.text());
    vi.restoreAllMocks();
    // The GGUF quantization names no base model, and neither does the base: that pair is a finding.
    expect(code).toBe(1);
    const verdict = (a: string, b: string) => report.pairs.find((p: { a: string; b: string }) => p.a === a && p.b === b);
    expect(verdict(models.base, models.tuned).kind).toBe('fine-tune');
    expect(verdict(models.base, models.q4).kind).toBe('quantization');
    expect(verdict(models.base, models.other).verdict).toBe('same-architecture');
    expect(verdict(models.base, models.tuned).signals.tensorCosine.details.perTensor.length).toBeGreaterThan(10);
    expect(report.findings.map((f: { file: string }) => f.file)).toEqual([models.q4]);
  });

  it('writes the HTML report and text, and exits 1 on an undisclosed derivation', async () => {
    const out = capture();
    const html = join(dir, 'lineage.html');
    const code = await main(['node', 'modelgate', 'lineage', models.base, models.q4, '--html', html]);
    const text = out.text();
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(text).toMatch(/DERIVED \(quantization\)/);
    expect(text).toMatch(/license\/undisclosed-derivation/);
    const page = await readFile(html, 'utf8');
    expect(page).toMatch(/<svg[^>]*>[\s\S]*direct tensor cosine/);
    expect(page).toMatch(/mg-lineage-data/);
  });

  it('refuses a single model and a missing path', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['node', 'modelgate', 'lineage', models.base])).toBe(2);
    expect(await main(['node', 'modelgate', 'lineage', models.base, join(dir, 'nope')])).toBe(2);
  });

  it('demo: base, fine-tune and independent model, with the matrix', async () => {
    const demo = await runLineageDemo(join(dir, 'demo'));
    expect(demo.ok).toBe(true);
    const lines: string[] = [];
    const res = await lineageStage.run({ dir, configPath: join(dir, 'modelgate.yaml'), say: (l = '') => lines.push(l) });
    expect(res.ok).toBe(true);
    expect(lines.join('\n')).toMatch(/#1 lineage-demo\/base/);
  });
});
