/**
 * Decide one model: test every rule, apply current exceptions, then combine
 * most restrictive first (deny, then review, then allow, else the default).
 */
import type { Policy, PolicyDecision, PolicyException } from '../../core/config/policy.schema.js';
import { meetsSeverity, type Finding } from '../../core/findings.js';
import { collectAncestors } from '../chain/build-chain.js';
import type { LicenseChain } from '../chain/types.js';
import { matchCondition, type MatchContext } from './conditions.js';
import type { ModelPolicyResult, PolicyMatch } from './types.js';
import { policyFinding } from './rules.js';

/** The model to decide: its name and its resolved chain. */
export interface PolicySubject {
  model: string;
  chain: LicenseChain;
}

/** `YYYY-MM-DD` of a date in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** True while an exception holds: through the whole of its expiry day (UTC). */
export function exceptionActive(e: PolicyException, now: Date): boolean {
  return isoDay(now) <= e.expires;
}

/**
 * Evaluate the policy for one model.
 * @example
 * const r = evaluateModel(policy, { model: 'chat', chain }, new Date());
 * r.decision; // 'deny' when an ancestor forbids commercial use and a rule denies that
 */
export function evaluateModel(policy: Policy, subject: PolicySubject, now: Date): ModelPolicyResult {
  const { chain, model } = subject;
  const ctx: Omit<MatchContext, 'decision'> = { model, nodes: [chain.root, ...collectAncestors(chain.root)], effective: chain.effective, findings: chain.findings, policy };
  const findings: Finding[] = [...chain.findings];
  const matches: PolicyMatch[] = [];
  for (const rule of policy.rules) {
    const m = matchCondition(rule.when, { ...ctx, decision: rule.decision });
    if (m) matches.push({ ruleId: rule.id, decision: rule.decision, ...(rule.reason ? { reason: rule.reason } : {}), ...m });
  }
  const reviewFindings = findingsMatch(policy, chain);
  if (reviewFindings) matches.push(reviewFindings);
  // A waived rule still decided the model: a person recorded why it is accepted. A warning decides nothing.
  if (matches.every((m) => m.decision === 'warn')) matches.push({ ruleId: 'default', decision: policy.default, detail: 'no rule matched this model; the policy default applies', evidence: [] });
  applyExceptions(policy, model, matches, now, findings);
  reportUnmatchedExceptions(policy, model, matches, now, findings);
  const root = chain.root.identification;
  return {
    model,
    decision: decide(matches),
    license: root ? { id: root.id, name: root.name, confidence: root.confidence } : undefined,
    effective: chain.effective,
    matches,
    findings,
    acknowledged: (['attribution', 'acceptable-use-policy'] as const).filter((k) => policy.acknowledged[k].includes(model)),
    chain: chain.root,
  };
}

/**
 * The built-in `findings` rule: license findings at or above `review_findings`
 * open a review, except those a rule names (that rule decides them, e.g. `warn`).
 */
function findingsMatch(policy: Policy, chain: LicenseChain): PolicyMatch | undefined {
  const threshold = policy.review_findings;
  const decided = new Set(policy.rules.flatMap((r) => ('finding' in r.when ? r.when.finding : [])));
  const serious = threshold === 'off' ? [] : chain.findings.filter((f) => meetsSeverity(f.severity, threshold) && !decided.has(f.ruleId));
  if (serious.length === 0) return undefined;
  return {
    ruleId: 'findings',
    decision: 'review',
    reason: `license findings at or above ${threshold} need a decision`,
    detail: `${serious.length} license finding${serious.length === 1 ? '' : 's'}: ${[...new Set(serious.map((f) => f.ruleId))].join(', ')}`,
    evidence: serious.map((f) => `${f.file}: ${f.message}`),
  };
}

function decide(matches: readonly PolicyMatch[]): PolicyDecision {
  const active = matches.filter((m) => !m.waived);
  if (active.some((m) => m.decision === 'deny')) return 'deny';
  if (active.some((m) => m.decision === 'review')) return 'review';
  return 'allow';
}

function applyExceptions(policy: Policy, model: string, matches: PolicyMatch[], now: Date, findings: Finding[]): void {
  for (const m of matches) {
    const e = policy.exceptions.find((x) => x.model === model && x.rule === m.ruleId);
    if (!e) continue;
    if (exceptionActive(e, now)) {
      m.waived = { reason: e.reason, expires: e.expires };
    } else {
      findings.push(
        policyFinding('policy/exception-expired', {
          file: 'modelgate.yaml',
          message: `exception for ${model} from rule ${e.rule} expired on ${e.expires}; the rule applies again (renew it with a new reason and date, or resolve the issue)`,
          evidence: e.reason,
        }),
      );
    }
  }
}

function reportUnmatchedExceptions(policy: Policy, model: string, matches: readonly PolicyMatch[], now: Date, findings: Finding[]): void {
  for (const e of policy.exceptions) {
    if (e.model !== model || matches.some((m) => m.ruleId === e.rule)) continue;
    const message = exceptionActive(e, now)
      ? `exception for ${model} from rule ${e.rule} waives nothing: the rule does not apply to this model`
      : `exception for ${model} from rule ${e.rule} expired on ${e.expires} and the rule no longer applies; remove it`;
    findings.push(policyFinding('policy/exception-unused', { file: 'modelgate.yaml', message, evidence: e.reason }));
  }
}
