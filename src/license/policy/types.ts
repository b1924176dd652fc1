/** Result values of a policy evaluation. */
import type { PolicyDecision, RuleDecision } from '../../core/config/policy.schema.js';
import type { Finding } from '../../core/findings.js';
import type { ChainNode } from '../chain/types.js';
import type { Obligations } from '../types.js';
import type { LineageEvidence } from './lineage-evidence.js';

/** One rule that held for a model. */
export interface PolicyMatch {
  /** Rule id from `policy.rules`, or the built-in `findings` / `default`. */
  ruleId: string;
  /** `warn` is reported but does not count towards the model's decision. */
  decision: RuleDecision;
  /** The rule's `reason`, when it has one. */
  reason?: string;
  /** What held, e.g. "commercial use is not-allowed". */
  detail: string;
  /** Which model in the chain, file and field said so. */
  evidence: string[];
  /** Set when a current exception waives the rule for this model. */
  waived?: { reason: string; expires: string };
}

/** The verdict on one model. */
export interface ModelPolicyResult {
  model: string;
  decision: PolicyDecision;
  /** The model's own license (undefined when unidentified or unavailable). */
  license: { id: string | undefined; name: string; confidence: number } | undefined;
  /** Combined obligations of the model and its ancestors. */
  effective: Obligations | undefined;
  matches: PolicyMatch[];
  /** License and policy findings about this model. */
  findings: Finding[];
  /** Obligations acknowledged for this model in `policy.acknowledged`. */
  acknowledged: string[];
  chain: ChainNode | undefined;
  /** Why the model was not evaluated (hosted API models). */
  skipped?: string;
  /** What lineage said about the model, when `gate.lineage` compares it (see `LineageEvidence`). */
  lineage?: LineageEvidence;
}

/** The verdict on every model of the manifest. */
export interface PolicyResult {
  /** False when any model is denied or has an open review. */
  ok: boolean;
  /** `config` when modelgate.yaml has a `policy:` section, else the built-in baseline. */
  policySource: 'config' | 'baseline';
  models: ModelPolicyResult[];
  /** Problems with the policy itself (exceptions for unknown models). */
  findings: Finding[];
}
