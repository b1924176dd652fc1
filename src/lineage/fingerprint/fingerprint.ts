/**
 * Fingerprint one model in a single streaming pass over its tensor bytes:
 * probe-token embeddings first (a few rows), then every tensor on the worker
 * pool. Memory stays bounded by the chunk size per worker plus the budgets.
 */
import { InputError } from '../../core/errors.js';
import type { TensorJobResult } from '../kernels/tensor-job.js';
import type { LayerInvariants, LayerUnits, ModelFingerprint, OpenedModel, TensorPrint } from '../types.js';
import { layerInvariants, type LayerProjections } from './invariant-terms.js';
import { baseJob, DEFAULT_BUDGET, layerChoice, layerCount, planJob, probeIds, type FingerprintBudget } from './plan.js';
import { defaultThreads, runInline, runJobs } from './pool.js';

/** Options of a fingerprint pass. */
export interface FingerprintOptions {
  budget?: Partial<FingerprintBudget>;
  /** Worker threads (default: every core; 0 runs inline). */
  threads?: number;
}

/** Read the probe rows of the input embedding (n × hidden). */
function probeEmbeddings(m: OpenedModel, budget: FingerprintBudget): { x: Float32Array; ids: number[] } | undefined {
  const embed = m.tensors.find((t) => t.role === 'embed');
  if (!embed) return undefined;
  const [vocab, hidden] = embed.shape;
  const ids = probeIds(vocab, budget.probeTokens);
  const x = new Float32Array(ids.length * hidden);
  ids.forEach((id, i) => {
    const job = { ...baseJob(embed, budget), start: embed.start + id * embed.rowBytes, rows: 1, ropeHeads: 0, sampleRows: [0], sampleCols: Array.from({ length: hidden }, (_, c) => c) };
    x.set(runInline(job).samples, i * hidden);
  });
  return { x, ids };
}

const moments = (r: TensorJobResult) => {
  const mean = r.count ? r.sum / r.count : 0;
  return { mean, std: Math.sqrt(Math.max(0, r.count ? r.sumSq / r.count - mean * mean : 0)) };
};

/**
 * Fingerprint an opened model.
 * @example const fp = await fingerprintModel(await openModel('./models/base'));
 */
export async function fingerprintModel(m: OpenedModel, options: FingerprintOptions = {}): Promise<ModelFingerprint> {
  const budget = { ...DEFAULT_BUDGET, ...options.budget };
  if (m.tensors.length === 0) throw new InputError('MG_INPUT_INVALID', m.path, 'has no tensors lineage can read');
  const layers = layerCount(m);
  const choice = layerChoice(layers, budget);
  const probe = probeEmbeddings(m, budget);
  const n = probe?.ids.length ?? 0;
  const jobs = m.tensors.map((t) => planJob(t, budget, choice, probe?.x, n));
  const results = await runJobs(jobs, options.threads ?? defaultThreads());
  const tensors: TensorPrint[] = [];
  const proj = new Map<number, LayerProjections>();
  const unitParts = new Map<number, { gate?: Float32Array; up?: Float32Array; rows: number; width: number }>();
  m.tensors.forEach((t, i) => {
    const r = results[i] as TensorJobResult;
    tensors.push({ name: t.name, role: t.role, ...(t.layer !== undefined ? { layer: t.layer } : {}), shape: t.shape, ...moments(r), samples: r.samples });
    if (t.layer === undefined) return;
    if (r.projection && t.role !== 'embed' && t.role !== 'norm' && t.role !== 'head' && t.role !== 'other') {
      proj.set(t.layer, { ...proj.get(t.layer), [t.role]: r.projection });
    }
    if (r.units && (t.role === 'gate' || t.role === 'up')) {
      unitParts.set(t.layer, { ...unitParts.get(t.layer), [t.role]: r.units, rows: t.shape[0], width: r.units.length / t.shape[0] });
    }
  });
  const heads = m.arch.heads ?? 1;
  const invariants = [...proj.entries()].map(([l, p]) => layerInvariants(l, p, n, heads, m.arch.kvHeads ?? heads)).filter((x): x is LayerInvariants => x !== undefined);
  const tokens = m.tokenizer.tokens;
  return {
    label: m.label, path: m.path, format: m.format, arch: m.arch, tokenizer: m.tokenizer,
    ...(m.declaredBase !== undefined ? { declaredBase: m.declaredBase } : {}),
    storage: m.storage, skipped: m.skipped, layers, tensors,
    probeIds: probe?.ids ?? [],
    probeKeys: (probe?.ids ?? []).map((id) => (tokens?.[id] !== undefined ? `${tokens[id]}` : `#${id}`)),
    invariants: invariants.sort((a, b) => a.layer - b.layer),
    units: combineUnits(unitParts),
    bytesRead: results.reduce((a, r) => a + r.bytesRead, 0),
  };
}

/** Interleave gate and up features per unit: [gate..., up...]. */
function combineUnits(parts: Map<number, { gate?: Float32Array; up?: Float32Array; rows: number; width: number }>): LayerUnits[] {
  const out: LayerUnits[] = [];
  for (const [layer, p] of parts) {
    const mats = [p.gate, p.up].filter((x): x is Float32Array => x !== undefined);
    const width = p.width * mats.length;
    const features = new Float32Array(p.rows * width);
    for (let r = 0; r < p.rows; r++) mats.forEach((mat, k) => features.set(mat.subarray(r * p.width, (r + 1) * p.width), r * width + k * p.width));
    out.push({ layer, units: p.rows, width, features });
  }
  return out.sort((a, b) => a.layer - b.layer);
}
