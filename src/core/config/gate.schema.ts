/**
 * The `gate:` section of modelgate.yaml: which checks `modelgate gate` runs
 * beyond the ones every model gets (verify, scan, license policy), and the
 * thresholds they must meet. Red-team thresholds stay in `redteam:`; eval
 * thresholds are the eval gate expressions (`score >= 0.9`), validated when
 * the gate parses them (core may not import the eval capability).
 */
import { z } from 'zod';

const NAME = z.string().min(1);

/** One eval suite the gate runs, and the threshold the models must meet. */
export const GateEvalSchema = z.strictObject({
  /** Suite file, relative to modelgate.yaml. */
  suite: z.string().min(1),
  /** Manifest models gated on this suite (default: every model). */
  models: z.array(NAME).min(1).optional(),
  /** Eval gate expression, e.g. `score >= 0.9, errors <= 0` (default: the suite's own `gate:`). */
  threshold: z.string().min(1).optional(),
  /** A model the candidates are compared with (for `*baseline` thresholds). */
  baseline: NAME.optional(),
});
export type GateEval = z.infer<typeof GateEvalSchema>;

/** The red-team part: which models are attacked; packs and thresholds come from `redteam:`. */
export const GateRedteamSchema = z.strictObject({
  models: z.array(NAME).min(1),
  /** At most this many probes per pack (a shorter, cheaper gate run). */
  limit: z.number().int().positive().optional(),
  langs: z.array(z.enum(['en', 'zh'])).min(1).optional(),
});
export type GateRedteam = z.infer<typeof GateRedteamSchema>;

/** A lineage expectation: `model` compared with each of `against`. */
export const GateLineageSchema = z.strictObject({
  model: NAME,
  /** Manifest model names or local paths to compare with. */
  against: z.array(z.string().min(1)).min(1),
  /** `independent`: must not derive from any of them; `derived`: must derive from at least one. */
  expect: z.enum(['independent', 'derived']),
});
export type GateLineage = z.infer<typeof GateLineageSchema>;

/** `gate:` as written. */
export const GateSectionSchema = z.strictObject({
  evals: z.array(GateEvalSchema).default([]),
  redteam: GateRedteamSchema.optional(),
  lineage: z.array(GateLineageSchema).default([]),
  /**
   * How evals and the red team call a model: a provider ref serving it
   * (`vllm-prod:qwen2.5-7b`). Default: the manifest name (hosted entries call
   * their provider, GGUF artifacts run in-process).
   */
  serve: z.record(NAME, z.string().min(1)).default({}),
});
export type GateSection = z.infer<typeof GateSectionSchema>;
