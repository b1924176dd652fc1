/**
 * `compareModels`: open and fingerprint each model once, then run every
 * signal on every pair and decide. A model found derived from two models
 * that are independent of each other is marked a merge on both pairs.
 */
import { fingerprintModel, type FingerprintOptions } from './fingerprint/fingerprint.js';
import { openModel, type OpenModelOptions } from './read/open-model.js';
import { runSignals } from './signals/index.js';
import type { SignalId, SignalResult } from './signals/types.js';
import { decide, type PairVerdict } from './verdict.js';
import type { ModelFingerprint } from './types.js';
import { undisclosedDerivations } from './undisclosed.js';
import type { Finding } from '../core/findings.js';

/** Options of a lineage comparison. */
export interface LineageOptions extends OpenModelOptions, FingerprintOptions {}

/** One pair of models. */
export interface LineagePair extends PairVerdict {
  a: string;
  b: string;
  signals: Record<SignalId, SignalResult>;
}

/** Summary of one model. */
export interface LineageModel {
  label: string;
  path: string;
  format: ModelFingerprint['format'];
  arch: ModelFingerprint['arch'];
  storage: string[];
  declaredBase?: string;
  layers: number;
  skipped: string[];
  bytesRead: number;
}

/** The whole report: models, pairs, matrices and findings. */
export interface LineageReport {
  models: LineageModel[];
  pairs: LineagePair[];
  findings: Finding[];
}

/** Compare already fingerprinted models. */
export function compareFingerprints(fps: readonly ModelFingerprint[]): LineageReport {
  const pairs: LineagePair[] = [];
  for (let i = 0; i < fps.length; i++) {
    for (let j = i + 1; j < fps.length; j++) {
      const a = fps[i] as ModelFingerprint;
      const b = fps[j] as ModelFingerprint;
      const signals = runSignals(a, b);
      pairs.push({ a: a.label, b: b.label, signals, ...decide(signals, [a.storage, b.storage]) });
    }
  }
  markMerges(pairs);
  const models = fps.map(({ label, path, format, arch, storage, declaredBase, layers, skipped, bytesRead }) => ({ label, path, format, arch, storage, ...(declaredBase !== undefined ? { declaredBase } : {}), layers, skipped, bytesRead }));
  return { models, pairs, findings: undisclosedDerivations(models, pairs) };
}

function markMerges(pairs: LineagePair[]): void {
  const related = (x: string, y: string) => pairs.some((p) => ((p.a === x && p.b === y) || (p.a === y && p.b === x)) && (p.verdict === 'derived' || p.verdict === 'identical'));
  const labels = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  for (const m of labels) {
    const parents = pairs.filter((p) => (p.a === m || p.b === m) && p.verdict === 'derived' && p.kind === 'continued-training');
    const others = parents.map((p) => (p.a === m ? p.b : p.a));
    for (const p of parents) {
      const other = p.a === m ? p.b : p.a;
      if (others.some((o) => o !== other && !related(o, other))) {
        p.kind = 'merge';
        p.evidence.push(`${m} is derived from ${other} and from a model unrelated to ${other}: a merge`);
      }
    }
  }
}

/**
 * Is any of these models derived from another?
 * @example const r = await compareModels(['./base', './chat.gguf']); r.pairs[0]?.verdict;
 */
export async function compareModels(targets: readonly string[], options: LineageOptions = {}): Promise<LineageReport> {
  const fps: ModelFingerprint[] = [];
  // One model at a time: each pass already uses every core, and memory stays bounded.
  for (const t of targets) fps.push(await fingerprintModel(await openModel(t, options), options));
  return compareFingerprints(fps);
}
