/**
 * What to compute for each tensor: a sample grid fixed by shape, projections
 * onto probe-token embeddings in a few evenly spaced layers, and unit features
 * of MLP rows in a few more. The budgets keep work and memory bounded on
 * multi-GB models; every choice depends only on shapes and depth, so two
 * models of one architecture sample the same positions.
 */
import type { TensorJob } from '../kernels/tensor-job.js';
import type { ModelTensor, OpenedModel } from '../types.js';

/** Budgets of the fingerprint; defaults suit 7B-class models in seconds. */
export interface FingerprintBudget {
  /** Rows and columns of each tensor's sample grid. */
  grid: number;
  /** Probe tokens whose embeddings the invariant terms use. */
  probeTokens: number;
  /** Layers (evenly spaced) that get invariant terms. */
  invariantLayers: number;
  /** Layers (evenly spaced) whose MLP units are kept for alignment. */
  unitLayers: number;
  /** Columns of each MLP row kept as a unit feature. */
  unitColumns: number;
  /**
   * Rows (evenly spaced) a tensor's mean and std are taken over when nothing
   * else needs all its rows, so those tensors are read only where sampled;
   * 0 takes them over every row (exact, reads every byte).
   */
  momentRows: number;
}

/** The default budgets. */
export const DEFAULT_BUDGET: FingerprintBudget = { grid: 64, probeTokens: 16, invariantLayers: 4, unitLayers: 8, unitColumns: 64, momentRows: 256 };

/** `k` evenly spaced indices in [0, n), ascending and distinct. */
export function spread(n: number, k: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: k }, (_, i) => Math.floor(((i + 0.5) * n) / k));
}

/** Probe token ids: evenly spaced over the first 4096 ids, so vocabularies that extend one another agree. */
export function probeIds(vocab: number, n: number): number[] {
  return spread(Math.min(vocab, 4096), n);
}

/** Base job (samples only) for a tensor. */
export function baseJob(t: ModelTensor, budget: FingerprintBudget): TensorJob {
  const [rows, cols] = t.shape;
  const oneD = rows === 1;
  return {
    path: t.path, start: t.start, type: t.type, rows, cols, rowBytes: t.rowBytes,
    ...(t.ropeHeads ? { ropeHeads: t.ropeHeads } : {}),
    sampleRows: spread(rows, oneD ? 1 : budget.grid),
    sampleCols: spread(cols, oneD ? budget.grid * budget.grid : budget.grid),
    ...(budget.momentRows > 0 && rows > budget.momentRows ? { momentRows: spread(rows, budget.momentRows) } : {}),
  };
}

/** Which layers get invariants and unit features. */
export function layerChoice(layers: number, budget: FingerprintBudget): { invariant: Set<number>; units: Set<number> } {
  return { invariant: new Set(spread(layers, budget.invariantLayers)), units: new Set(spread(layers, budget.unitLayers)) };
}

const IN_ROLES = new Set(['q', 'k', 'v', 'gate', 'up']);
const OUT_ROLES = new Set(['o', 'down']);

/** Full job for a tensor given the probe embeddings `x` (n × hidden). */
export function planJob(t: ModelTensor, budget: FingerprintBudget, choice: ReturnType<typeof layerChoice>, x: Float32Array | undefined, n: number): TensorJob {
  const job = baseJob(t, budget);
  if (t.layer === undefined) return job;
  if (x && choice.invariant.has(t.layer)) {
    if (IN_ROLES.has(t.role)) job.probe = { n, mode: 'in', x };
    else if (OUT_ROLES.has(t.role)) job.probe = { n, mode: 'out', x };
  }
  if ((t.role === 'gate' || t.role === 'up') && choice.units.has(t.layer)) job.unitCols = spread(t.shape[1], budget.unitColumns);
  return job;
}

/** The number of transformer layers of a model (from its config, else its tensor names). */
export function layerCount(m: OpenedModel): number {
  const fromNames = m.tensors.reduce((a, t) => Math.max(a, (t.layer ?? -1) + 1), 0);
  return m.arch.layers ?? fromNames;
}
