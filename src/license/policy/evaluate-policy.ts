/**
 * `modelgate policy`: evaluate the policy for every model in the manifest.
 * Hosted API models are listed but not evaluated (their terms are the
 * provider's contract, not a license file).
 */
import type { Finding } from '../../core/findings.js';
import { openLicenseProject, type LicenseSourceOptions, type ModelChain } from '../project.js';
import type { LicenseChain } from '../chain/types.js';
import { unknownObligations } from '../chain/merge-obligations.js';
import { baselinePolicy } from './baseline.js';
import { evaluateModel } from './evaluate-model.js';
import type { LineageByModel, LineageEvidence } from './lineage-evidence.js';
import { policyFinding } from './rules.js';
import type { ModelPolicyResult, PolicyResult } from './types.js';

/** Where to read the project from, which models, and the clock. */
export interface EvaluatePolicyOptions extends LicenseSourceOptions {
  /** Evaluate only these models. */
  only?: readonly string[];
  /** The current time, for exception expiry (tests). */
  now?: Date;
  /** What lineage found per model (the gate's `policyLineage`): its findings and undisclosed bases join the model's chain. */
  lineage?: LineageByModel;
}

/**
 * Evaluate every manifest model against `policy:` (or the baseline).
 * @example
 * const result = await evaluatePolicy({ configPath: 'modelgate.yaml' });
 * if (!result.ok) process.exitCode = 1;
 */
export async function evaluatePolicy(options: EvaluatePolicyOptions = {}): Promise<PolicyResult> {
  const project = await openLicenseProject(options);
  const config = project.config;
  const policy = config?.policy ?? baselinePolicy();
  const now = options.now ?? new Date();
  const names = Object.keys(config?.models ?? {})
    .filter((n) => !options.only || options.only.includes(n))
    .sort();
  const models: ModelPolicyResult[] = [];
  for (const name of names) {
    const lineage = options.lineage?.[name];
    const r = decideOne(await project.chainOf(name, lineage?.bases), policy, now, lineage);
    models.push(lineage ? { ...r, lineage } : r);
  }
  const findings: Finding[] = policy.exceptions
    .filter((e) => !config?.models[e.model])
    .map((e) => policyFinding('policy/exception-unknown-model', { file: 'modelgate.yaml', message: `exception names model "${e.model}", which is not in the manifest`, evidence: e.reason }));
  return {
    ok: models.every((m) => m.decision === 'allow'),
    policySource: config?.policy ? 'config' : 'baseline',
    models,
    findings,
  };
}

function decideOne(mc: ModelChain, policy: ReturnType<typeof baselinePolicy>, now: Date, lineage: LineageEvidence | undefined): ModelPolicyResult {
  // Lineage findings are judged like the chain's own: `finding:` rules and `review_findings` see them.
  if (mc.ok) return evaluateModel(policy, { model: mc.name, chain: { ...mc.chain, findings: [...mc.chain.findings, ...(lineage?.findings ?? [])] } }, now);
  if (mc.hosted) {
    return { model: mc.name, decision: 'allow', license: undefined, effective: undefined, matches: [], findings: [mc.finding], acknowledged: [], chain: undefined, skipped: mc.finding.message };
  }
  // A model whose files cannot be read is judged on unknown terms, never passed silently.
  const chain: LicenseChain = {
    root: { ref: mc.name, label: mc.name, via: 'unresolved', parents: [], note: mc.finding.message },
    inherited: undefined,
    effective: unknownObligations(),
    findings: [mc.finding, ...(lineage?.findings ?? [])],
  };
  return evaluateModel(policy, { model: mc.name, chain }, now);
}
