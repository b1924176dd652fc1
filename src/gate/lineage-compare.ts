/**
 * One model's `gate.lineage` comparisons: the model against every `against`
 * entry, reduced to its own pairs and the undisclosed derivations naming it.
 * The lineage check and `modelgate policy --lineage` both run this, and the
 * attestation stores its result, so the policy can read it back.
 */
import { z } from 'zod';
import type { Finding } from '../core/findings.js';
import { compareModels, undisclosedDerivations } from '../lineage/index.js';
import type { GateContext } from './types.js';

/** `gate.lineage` entries of a model. */
export const lineageExpectations = (ctx: Pick<GateContext, 'config'>, model: string) => (ctx.config.gate?.lineage ?? []).filter((l) => l.model === model);

const FindingSchema = z.object({ ruleId: z.string(), severity: z.enum(['info', 'low', 'medium', 'high', 'critical']), file: z.string(), message: z.string(), evidence: z.string().optional() });

/** One compared pair as the attestation keeps it. */
export const LineagePairSchema = z.object({
  a: z.string(),
  b: z.string(),
  verdict: z.string(),
  kind: z.string().nullable(),
  evidence: z.array(z.string()),
  /** Derived while neither side declares a base: the model is taken as the derivative of the other. */
  undisclosed: z.boolean().default(false),
});

/** The lineage check's `results` in an attestation. */
export const LineageResultSchema = z.object({ pairs: z.array(LineagePairSchema), findings: z.array(FindingSchema) });
/** A model's lineage result. */
export type LineageResult = z.infer<typeof LineageResultSchema>;

/**
 * Compare `model` with each model its `gate.lineage` entries name.
 * @example const r = await compareForModel(ctx, 'chat'); r.findings.length; // undisclosed derivations
 */
export async function compareForModel(ctx: GateContext, model: string): Promise<LineageResult> {
  const others = [...new Set(lineageExpectations(ctx, model).flatMap((l) => l.against))];
  const report = await compareModels([model, ...others], { configPath: ctx.paths.configPath });
  const mine = report.pairs.filter((p) => p.a === model || p.b === model);
  const path = report.models.find((m) => m.label === model)?.path ?? model;
  const pairs = mine.map((p) => ({ a: p.a, b: p.b, verdict: p.verdict, kind: p.kind ?? null, evidence: p.evidence, undisclosed: undisclosedDerivations(report.models, [p]).length > 0 }));
  // The finding belongs to the model the entry vets: point it there, not at the model it was compared with.
  const findings: Finding[] = undisclosedDerivations(report.models, mine).map((f) => ({ ...f, file: path }));
  return { pairs, findings };
}
