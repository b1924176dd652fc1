/**
 * What to compute for each tensor: a sample grid fixed by shape, projections
 * onto probe-token embeddings in a few evenly spaced layers, and unit features
 * of MLP rows in a few more. The budgets keep work and memory bounded on
 * multi-GB models; every choice depends only on shapes and depth, so two
 * models of one architecture sample the same positions.
 */
import { hfRow, type TensorJob } from '../kernels/tensor-job.js';
import type { LayerUnits, ModelTensor, OpenedModel } from '../types.js';

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
   * Rows a tensor's mean and std are taken over, in equal blocks that start at
   * each sampled row (so a block and its sample row are one read); tensors
   * nothing else needs whole are read only there. 0 takes them over every row
   * (exact, reads every byte).
   */
  momentRows: number;
}

/** The default budgets. */
export const DEFAULT_BUDGET: FingerprintBudget = { grid: 64, probeTokens: 16, invariantLayers: 4, unitLayers: 4, unitColumns: 64, momentRows: 256 };

/** `k` evenly spaced indices in [0, n), ascending and distinct. */
export function spread(n: number, k: number): number[] {
  const m = Math.min(n, k);
  const out = new Array<number>(m);
  for (let i = 0; i < m; i++) out[i] = k >= n ? i : Math.floor(((i + 0.5) * n) / k);
  return out;
}

/** Probe token ids: evenly spaced over the first 4096 ids, so vocabularies that extend one another agree. */
export function probeIds(vocab: number, n: number): number[] {
  return spread(Math.min(vocab, 4096), n);
}

/** Stored rows of the moments: `total` rows in blocks starting at the stored position of each sampled row. */
export function momentBlocks(rows: number, ropeHeads: number, sampleRows: readonly number[], total: number): number[] {
  const per = Math.ceil(total / Math.max(1, sampleRows.length));
  let starts = sampleRows;
  if (ropeHeads) {
    const stored = new Int32Array(rows);
    for (let g = 0; g < rows; g++) stored[hfRow(g, rows, ropeHeads)] = g;
    starts = sampleRows.map((r) => stored[r] as number);
  }
  const want = new Uint8Array(rows);
  for (const s of starts) want.fill(1, s, Math.min(rows, s + per));
  const out: number[] = [];
  for (let g = 0; g < rows; g++) if (want[g]) out.push(g);
  return out;
}

/** Base job (samples and moments only) for a tensor. */
export function baseJob(t: ModelTensor, budget: FingerprintBudget): TensorJob {
  const [rows, cols] = t.shape;
  const oneD = rows === 1;
  const sampleRows = spread(rows, oneD ? 1 : budget.grid);
  return {
    path: t.path, start: t.start, type: t.type, rows, cols, rowBytes: t.rowBytes,
    ...(t.ropeHeads ? { ropeHeads: t.ropeHeads } : {}),
    sampleRows,
    sampleCols: spread(cols, oneD ? budget.grid * budget.grid : budget.grid),
    ...(budget.momentRows > 0 && rows > budget.momentRows ? { momentRows: momentBlocks(rows, t.ropeHeads ?? 0, sampleRows, budget.momentRows) } : {}),
  };
}

/**
 * Which layers get invariants and unit features. Invariant layers are taken
 * from among the unit layers where there are enough, since both need every
 * gate and up row and those are then read once.
 */
export function layerChoice(layers: number, budget: FingerprintBudget): { invariant: Set<number>; units: Set<number> } {
  const units = spread(layers, budget.unitLayers);
  const invariant = budget.invariantLayers <= units.length ? spread(units.length, budget.invariantLayers).map((i) => units[i] as number) : spread(layers, budget.invariantLayers);
  return { invariant: new Set(invariant), units: new Set(units) };
}

const IN_ROLES = new Set(['q', 'k', 'v', 'gate', 'up']);
const OUT_ROLES = new Set(['o', 'down']);

/** A unit layer's features, and where each of its MLP matrices writes into them. */
export interface UnitSlots {
  layer: LayerUnits;
  /** Float offset within a unit's feature row, by tensor name. */
  at: Map<string, number>;
  cols: number[];
}

/**
 * Feature buffers of the unit layers: per unit, the kept columns of its gate
 * row then its up row, in a SharedArrayBuffer the workers fill directly.
 */
export function unitSlots(tensors: readonly ModelTensor[], budget: FingerprintBudget, choice: ReturnType<typeof layerChoice>): Map<number, UnitSlots> {
  const out = new Map<number, UnitSlots>();
  for (const layer of choice.units) {
    const parts = ['gate', 'up'].flatMap((role) => tensors.filter((t) => t.layer === layer && t.role === role));
    const first = parts[0];
    if (!first || parts.some((t) => t.shape[0] !== first.shape[0] || t.shape[1] !== first.shape[1])) continue;
    const cols = spread(first.shape[1], budget.unitColumns);
    const width = cols.length * parts.length;
    const features = new Float32Array(new SharedArrayBuffer(first.shape[0] * width * 4));
    out.set(layer, { layer: { layer, units: first.shape[0], width, features }, at: new Map(parts.map((t, k) => [t.name, k * cols.length])), cols });
  }
  return out;
}

/** Full job for a tensor given the probe embeddings `x` (n × hidden) and the unit layers' slots. */
export function planJob(t: ModelTensor, budget: FingerprintBudget, choice: ReturnType<typeof layerChoice>, x: Float32Array | undefined, n: number, units: Map<number, UnitSlots>): TensorJob {
  const job = baseJob(t, budget);
  if (t.layer === undefined) return job;
  if (x && choice.invariant.has(t.layer)) {
    if (IN_ROLES.has(t.role)) job.probe = { n, mode: 'in', x };
    else if (OUT_ROLES.has(t.role)) job.probe = { n, mode: 'out', x };
  }
  const slots = units.get(t.layer);
  const at = slots?.at.get(t.name);
  if (slots && at !== undefined) job.units = { cols: slots.cols, out: slots.layer.features.buffer as SharedArrayBuffer, at, stride: slots.layer.width };
  return job;
}

/** The number of transformer layers of a model (from its config, else its tensor names). */
export function layerCount(m: OpenedModel): number {
  const fromNames = m.tensors.reduce((a, t) => Math.max(a, (t.layer ?? -1) + 1), 0);
  return m.arch.layers ?? fromNames;
}
