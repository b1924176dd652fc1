/**
 * The lineage part of `modelgate demo`: generate a base model, a fine-tune of
 * it whose card does not name its base, and an independently initialised
 * model of the same architecture; compare them and write the HTML report.
 */
import { join } from 'node:path';
import { compareModels, type LineageReport } from './compare.js';
import { drift, familyWeights, writeHfModel } from './generate/calibration-models.js';

/** What the demo produced. */
export interface LineageDemoResult {
  report: LineageReport;
  /** True when the fine-tune is found derived and the independent model is not. */
  ok: boolean;
  models: { base: string; finetune: string; independent: string };
}

/** Generate the three models under `dir` and compare them. */
export async function runLineageDemo(dir: string): Promise<LineageDemoResult> {
  const base = await familyWeights(101);
  const models = {
    base: await writeHfModel(join(dir, 'base'), base, { name: 'base' }),
    finetune: await writeHfModel(join(dir, 'finetune'), drift(base, 0.1, 102), { name: 'finetune' }),
    independent: await writeHfModel(join(dir, 'independent'), await familyWeights(103), { name: 'independent' }),
  };
  const report = await compareModels([models.base, models.finetune, models.independent]);
  const verdict = (a: string, b: string) => report.pairs.find((p) => p.a === a && p.b === b)?.verdict;
  const ok = verdict(models.base, models.finetune) === 'derived' && verdict(models.base, models.independent) !== 'derived' && verdict(models.finetune, models.independent) !== 'derived';
  return { report, ok, models };
}
