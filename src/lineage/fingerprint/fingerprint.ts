/**
 * Fingerprint one model in a single streaming pass over its tensor bytes:
 * probe-token embeddings first (a few rows, read while the workers start),
 * then every tensor on the worker pool. Memory stays bounded by the chunk
 * size per worker plus the budgets.
 */
import { InputError } from '../../core/errors.js';
import type { TensorJobResult } from '../kernels/tensor-job.js';
import type { ModelFingerprint, OpenedModel } from '../types.js';
import { arenaGram } from './arena-gram.js';
import { assemble } from './assemble.js';
import { DEFAULT_BUDGET, layerChoice, layerCount, planJob, unitSlots, type FingerprintBudget } from './plan.js';
import { defaultThreads, startPool } from './pool.js';
import { probeEmbeddings } from './probe-rows.js';

/** Options of a fingerprint pass. */
export interface FingerprintOptions {
  budget?: Partial<FingerprintBudget>;
  /** Compute threads, this one included (default: every core; 0 or 1 runs inline). */
  threads?: number;
}

/**
 * Fingerprint an opened model.
 * @example const fp = await fingerprintModel(await openModel('./models/base'));
 */
export async function fingerprintModel(m: OpenedModel, options: FingerprintOptions = {}): Promise<ModelFingerprint> {
  const budget = { ...DEFAULT_BUDGET, ...options.budget };
  if (m.tensors.length === 0) throw new InputError('MG_INPUT_INVALID', m.path, 'has no tensors lineage can read');
  const layers = layerCount(m);
  const choice = layerChoice(layers, budget);
  const pool = startPool(options.threads ?? defaultThreads());
  const units = unitSlots(m.tensors, budget, choice);
  let probe: ReturnType<typeof probeEmbeddings>;
  let results: TensorJobResult[];
  try {
    probe = probeEmbeddings(m, budget.probeTokens);
    const n = probe?.ids.length ?? 0;
    results = await pool.run(m.tensors.map((t) => planJob(t, budget, choice, probe?.x, n, units)));
  } finally {
    pool.close();
  }
  const heads = m.arch.heads ?? 1;
  const ids = probe?.ids ?? [];
  const { prints, invariants } = assemble(m.tensors, results, ids.length, heads, m.arch.kvHeads ?? heads, arenaGram(pool.arena));
  const tokens = m.tokenizer.tokens;
  return {
    label: m.label, path: m.path, format: m.format, arch: m.arch, tokenizer: m.tokenizer,
    ...(m.declaredBase !== undefined ? { declaredBase: m.declaredBase } : {}),
    storage: m.storage, skipped: m.skipped, layers, tensors: prints,
    probeIds: ids,
    probeKeys: ids.map((id) => (tokens?.[id] !== undefined ? `${tokens[id]}` : `#${id}`)),
    invariants,
    units: [...units.values()].map((u) => u.layer).sort((a, b) => a.layer - b.layer),
    bytesRead: results.reduce((a, r) => a + r.bytesRead, 0),
  };
}
