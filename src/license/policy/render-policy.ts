/** Plain-text rendering of a policy result: a verdict per model, each rule with its evidence. */
import type { ModelPolicyResult, PolicyMatch, PolicyResult } from './types.js';

const LABEL = { allow: 'ALLOW ', review: 'REVIEW', deny: 'DENY  ' } as const;
const MARK = { allow: '+', review: '?', deny: 'x', warn: '!' } as const;
const LINEAGE = {
  attestation: 'from the gate attestation',
  run: 'compared now',
  stale: 'not applied: the gate attestation is out of date (run `modelgate gate` or `modelgate policy --lineage`)',
  missing: 'not applied: not compared yet (run `modelgate gate` or `modelgate policy --lineage`)',
} as const;

/** Render the whole result; the last line is the verdict. */
export function renderPolicyResult(result: PolicyResult): string {
  const lines: string[] = [];
  for (const m of result.models) lines.push(...renderModelDecision(m));
  for (const f of result.findings) lines.push(`${f.severity.toUpperCase()} ${f.ruleId}: ${f.message}`);
  const count = (d: string) => result.models.filter((m) => m.decision === d).length;
  const source = result.policySource === 'config' ? 'policy in modelgate.yaml' : 'built-in baseline policy (no `policy:` in modelgate.yaml)';
  const warned = result.models.filter((m) => m.matches.some((x) => x.decision === 'warn' && !x.waived)).length;
  const summary = `${count('deny')} denied, ${count('review')} in review, ${count('allow')} allowed${warned > 0 ? `, ${warned} with warnings` : ''} (${source})`;
  lines.push(result.ok ? `policy passed: ${summary}` : `policy failed: ${summary}`);
  return lines.join('\n');
}

/** The verdict on one model: a header line, then each rule that held with its evidence. */
export function renderModelDecision(m: ModelPolicyResult): string[] {
  const license = m.skipped ? 'hosted API model, not evaluated' : m.license ? `${m.license.id ?? 'unidentified'} (${m.license.confidence.toFixed(2)})` : 'license unavailable';
  const lines = [`${LABEL[m.decision]}  ${m.model}  ${license}`];
  for (const match of m.matches) lines.push(...renderMatch(match));
  if (m.lineage) {
    const l = m.lineage;
    lines.push(`        lineage ${LINEAGE[l.status]}${l.ranAt ? ` (${l.ranAt})` : ''}${l.pairs.length > 0 ? `: ${l.pairs.join(', ')}` : ''}`);
  }
  if (m.acknowledged.length > 0) lines.push(`        acknowledged: ${m.acknowledged.join(', ')}`);
  for (const f of m.findings.filter((x) => x.severity !== 'info' && x.ruleId.startsWith('policy/'))) lines.push(`        ${f.severity}: ${f.message}`);
  return lines;
}

function renderMatch(match: PolicyMatch): string[] {
  const head = match.waived
    ? `        ~ ${match.ruleId} (${match.decision}, waived until ${match.waived.expires}: ${match.waived.reason}): ${match.detail}`
    : `        ${MARK[match.decision]} ${match.ruleId} (${match.decision}): ${match.detail}${match.reason ? ` - ${match.reason}` : ''}`;
  return [head, ...match.evidence.slice(0, 6).map((e) => `            ${e}`)];
}
