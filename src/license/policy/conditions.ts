/**
 * What each kind of `when:` tests, one matcher per kind. Obligation tests
 * read the effective (inherited and combined) obligations and cite the
 * models in the chain whose own license imposes the term.
 */
import type { ObligationCondition, Policy, PolicyCondition, RuleDecision } from '../../core/config/policy.schema.js';
import type { Finding } from '../../core/findings.js';
import { obligationsOf } from '../chain/build-chain.js';
import type { ChainNode } from '../chain/types.js';
import type { Obligations } from '../types.js';

/** Kinds of condition: license ids, finding ids, or one obligation. */
export type ConditionKind = 'license' | 'finding' | ObligationCondition['obligation'];

/** What a matcher sees of one model. */
export interface MatchContext {
  model: string;
  /** The model first, then every ancestor. */
  nodes: readonly ChainNode[];
  effective: Obligations;
  findings: readonly Finding[];
  policy: Policy;
  /** The decision of the rule being tested: `allow` needs every license in the chain to match, the others any. */
  decision: RuleDecision;
}

/** A match: what held, and the evidence (which model, file and field said so). */
export interface ConditionMatch {
  detail: string;
  evidence: string[];
}

type Matcher<C> = (cond: C, ctx: MatchContext) => ConditionMatch | undefined;
type ConditionOf<K extends ConditionKind> = K extends 'license'
  ? { license: string[] }
  : K extends 'finding'
    ? { finding: string[] }
    : Extract<ObligationCondition, { obligation: K }>;

/** The kind of a parsed condition. */
export function conditionKind(c: PolicyCondition): ConditionKind {
  if ('license' in c) return 'license';
  if ('finding' in c) return 'finding';
  return c.obligation;
}

/** Cite what a node's license identification rests on. */
export function citeNode(n: ChainNode): string {
  // An ancestor only lineage found says so, since no card names it.
  const label = n.assumed ? `${n.label} (${n.assumed})` : n.label;
  if (!n.identification) return `${label}: terms unknown (${n.note ?? 'not resolved'})`;
  const id = n.identification.id;
  const backing = n.identification.evidence
    .filter((e) => id === undefined || e.says === id)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, 3)
    .map((e) => `${e.file}${e.field ? ` ${e.field}` : ''} (${e.source}): "${clip(e.value)}"`);
  return `${label}: ${id ?? 'unidentified'}${backing.length > 0 ? ` per ${backing.join(', ')}` : ''}`;
}

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 77)}...` : one;
}

function contributors(ctx: MatchContext, holds: (o: Obligations) => boolean): string[] {
  return ctx.nodes.filter((n) => holds(obligationsOf(n))).map(citeNode);
}

function permissionMatcher(name: string, pick: (o: Obligations) => string): Matcher<{ is: string[] }> {
  return (c, ctx) => {
    const value = pick(ctx.effective);
    if (!c.is.includes(value)) return undefined;
    return { detail: `${name} is ${value}`, evidence: contributors(ctx, (o) => pick(o) === value) };
  };
}

function flagMatcher(name: string, pick: (o: Obligations) => boolean, ack?: 'attribution' | 'acceptable-use-policy'): Matcher<unknown> {
  return (_c, ctx) => {
    if (!pick(ctx.effective)) return undefined;
    if (ack && ctx.policy.acknowledged[ack].includes(ctx.model)) return undefined;
    return { detail: name, evidence: contributors(ctx, pick) };
  };
}

const MATCHERS: { [K in ConditionKind]: Matcher<ConditionOf<K>> } = {
  license: (c, ctx) => {
    const wanted = new Set(c.license.map((x) => x.toLowerCase()));
    const hits = ctx.nodes.filter((n) => {
      const id = n.identification?.id;
      return id === undefined ? wanted.has('unknown') : wanted.has(id.toLowerCase());
    });
    // Allowing a derivative for its own license would ignore the terms it inherits.
    if (hits.length === 0 || (ctx.decision === 'allow' && hits.length < ctx.nodes.length)) return undefined;
    const ids = [...new Set(hits.map((n) => n.identification?.id ?? 'unknown'))];
    return { detail: `license ${ids.join(', ')} in the chain`, evidence: hits.map(citeNode) };
  },
  finding: (c, ctx) => {
    const hits = ctx.findings.filter((f) => c.finding.includes(f.ruleId));
    if (hits.length === 0) return undefined;
    return { detail: `finding ${[...new Set(hits.map((f) => f.ruleId))].join(', ')}`, evidence: hits.map((f) => `${f.file}: ${f.message}`) };
  },
  'commercial-use': permissionMatcher('commercial use', (o) => o.commercialUse.status),
  redistribution: permissionMatcher('redistribution', (o) => o.redistribution.status),
  'output-use': permissionMatcher('using outputs to improve other models', (o) => o.outputUse.improveOtherModels),
  authorization: permissionMatcher('authorization before use', (o) => o.authorization),
  'user-threshold': (c, ctx) => {
    const t = ctx.effective.userThreshold;
    const limit = c.below === 'our_mau' ? ctx.policy.our_mau : c.below;
    if (!t || limit === undefined || t.monthlyActiveUsers >= limit) return undefined;
    const mau = (n: number) => n.toLocaleString('en-US');
    return {
      detail: `user threshold ${mau(t.monthlyActiveUsers)} MAU is below ${c.below === 'our_mau' ? `our ${mau(limit)} MAU` : mau(limit)} (${t.consequence})`,
      evidence: contributors(ctx, (o) => o.userThreshold?.monthlyActiveUsers === t.monthlyActiveUsers),
    };
  },
  attribution: flagMatcher('attribution is required and not yet acknowledged', (o) => o.attribution.required, 'attribution'),
  'acceptable-use-policy': flagMatcher('an acceptable-use policy binds users and is not yet acknowledged', (o) => o.acceptableUsePolicy.applies, 'acceptable-use-policy'),
  'share-alike': flagMatcher('derivatives must be shared alike', (o) => o.derivatives.shareAlike),
  'use-restrictions': flagMatcher('use restrictions pass on to derivatives and users', (o) => o.derivatives.inheritRestrictions),
  'excluded-regions': (c, ctx) => {
    const excluded = ctx.effective.territory.excludedRegions;
    const regions = c.includes === undefined ? undefined : c.includes === 'our_regions' ? ctx.policy.our_regions : c.includes;
    const lower = new Set(excluded.map((r) => r.toLowerCase()));
    const hits = regions ? regions.filter((r) => lower.has(r.toLowerCase())) : excluded;
    if (hits.length === 0) return undefined;
    return { detail: `the license grants nothing in ${hits.join(', ')}`, evidence: contributors(ctx, (o) => o.territory.excludedRegions.length > 0) };
  },
};

/** Test one condition against a model; undefined when it does not hold. */
export function matchCondition(c: PolicyCondition, ctx: MatchContext): ConditionMatch | undefined {
  const kind = conditionKind(c);
  // The kind was read from `c`, so `c` has that kind's shape.
  return (MATCHERS[kind] as Matcher<PolicyCondition>)(c, ctx);
}
