// License policy: rules as data in `policy:`, decisions with the rule and the evidence.
export { evaluatePolicy } from './evaluate-policy.js';
export type { EvaluatePolicyOptions } from './evaluate-policy.js';
export { evaluateModel, exceptionActive, isoDay } from './evaluate-model.js';
export type { PolicySubject } from './evaluate-model.js';
export { matchCondition, conditionKind, citeNode } from './conditions.js';
export type { ConditionKind, ConditionMatch, MatchContext } from './conditions.js';
export { baselinePolicy } from './baseline.js';
export { renderPolicyResult, renderModelDecision } from './render-policy.js';
export type { ModelPolicyResult, PolicyMatch, PolicyResult } from './types.js';
export type { AssumedBase, LineageByModel, LineageEvidence } from './lineage-evidence.js';
