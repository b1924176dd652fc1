/**
 * Lineage evidence for `modelgate policy`, for each model that `gate.lineage`
 * compares. By default it is read from the gate's attestation for the model's
 * locked revision, used only while its inputs digest still matches (the same
 * test the gate applies before reusing a result), so the policy never reads
 * weights on its own; with `run`, the comparisons run now.
 */
import type { LineageByModel, LineageEvidence } from '../license/index.js';
import { attestationPath, readAttestation } from './attestation.js';
import { lineageCheck } from './checks/lineage.js';
import { InputError } from '../core/index.js';
import { gateContext, openGateProject, revisionOf } from './context.js';
import { digestOf } from './digest.js';
import { compareForModel, lineageExpectations, LineageResultSchema, type LineageResult } from './lineage-compare.js';
import type { GateContext, GateSubject } from './types.js';

/** Which models, and whether to compare now. */
export interface PolicyLineageOptions {
  configPath?: string;
  /** Only these models (default: every model with `gate.lineage` entries). */
  only?: readonly string[];
  /** Run the comparisons now instead of reading the attestations. */
  run?: boolean;
  blobPath?: (sha256: string) => string;
  now?: Date;
}

function evidence(status: 'attestation' | 'run', r: LineageResult, model: string, ranAt: string | undefined): LineageEvidence {
  const other = (p: LineageResult['pairs'][number]) => (p.a === model ? p.b : p.a);
  return {
    status,
    ...(ranAt ? { ranAt } : {}),
    pairs: r.pairs.map((p) => `${other(p)}: ${p.verdict}${p.kind ? ` (${p.kind})` : ''}`),
    findings: r.findings,
    // The model `gate.lineage` vets is taken as the derivative of what it was compared with.
    bases: r.pairs.filter((p) => p.undisclosed).map((p) => ({ ref: other(p), ...(p.kind ? { kind: p.kind } : {}) })),
  };
}

async function fromAttestation(ctx: GateContext, s: GateSubject): Promise<LineageEvidence> {
  const a = await readAttestation(attestationPath(ctx.paths.stateDir, s.model, s.revision));
  const check = a?.checks.find((c) => c.id === 'lineage' && c.status !== 'skipped');
  if (!check) return { status: 'missing', pairs: [], findings: [], bases: [] };
  const current = digestOf(await lineageCheck.inputs(ctx, s));
  const parsed = LineageResultSchema.safeParse(check.results);
  if (check.digest !== current || !parsed.success) return { status: 'stale', pairs: [], findings: [], bases: [] };
  return evidence('attestation', parsed.data, s.model, check.ranAt ?? undefined);
}

/**
 * Lineage evidence by model, for `evaluatePolicy({ lineage })`.
 * @example const lineage = await policyLineage({ configPath: 'modelgate.yaml' }); await evaluatePolicy({ lineage });
 */
export async function policyLineage(o: PolicyLineageOptions = {}): Promise<LineageByModel> {
  const project = await openGateProject(o.configPath);
  // `evaluatePolicy` skips unknown names (the gateway's admission relies on that); the CLI calls this first, so a typo exits 2.
  const unknown = (o.only ?? []).filter((m) => !(m in project.config.models));
  if (unknown.length > 0) throw new InputError('MG_MODEL_UNKNOWN', project.paths.configPath, `not in the manifest: ${unknown.join(', ')}`);
  const models = Object.keys(project.config.models).filter((m) => (!o.only || o.only.includes(m)) && lineageExpectations(project, m).length > 0);
  const out: Record<string, LineageEvidence> = {};
  if (models.length === 0) return out;
  // Without a lock there is no revision to read a result for, and nothing locked to compare.
  if (!project.lock) return Object.fromEntries(models.map((m) => [m, { status: 'missing', pairs: [], findings: [], bases: [] }]));
  const ctx = await gateContext({ ...project, lock: project.lock }, o);
  for (const model of models.sort()) {
    const locked = ctx.lock.models[model];
    if (o.run) out[model] = evidence('run', await compareForModel(ctx, model), model, ctx.now.toISOString());
    else out[model] = locked ? await fromAttestation(ctx, { model, locked, revision: revisionOf(locked) }) : { status: 'missing', pairs: [], findings: [], bases: [] };
  }
  return out;
}
