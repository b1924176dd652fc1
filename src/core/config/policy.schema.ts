/**
 * The `policy:` section of modelgate.yaml: which licenses and obligations a
 * project accepts. Rules are data; `src/license/policy/` evaluates them.
 *
 * Decisions combine most-restrictive-first: any active `deny` wins, then any
 * `review`; `allow` rules only lift `default` for models no other rule caught.
 * A review stays open (and fails the check) until a per-model exception with a
 * reason and an expiry, or an acknowledgement, records the human decision.
 */
import { z } from 'zod';
import { SEVERITIES } from '../findings.js';

/** What a rule decides; also the order of precedence, weakest first. */
export const POLICY_DECISIONS = ['allow', 'review', 'deny'] as const;
/** `allow`, `review` or `deny`. */
export type PolicyDecision = (typeof POLICY_DECISIONS)[number];

/** What a rule may decide: a decision, or `warn` (shown with its evidence, decides nothing). */
export const RULE_DECISIONS = [...POLICY_DECISIONS, 'warn'] as const;
/** `allow`, `review`, `deny` or `warn`. */
export type RuleDecision = (typeof RULE_DECISIONS)[number];

/** Obligations a rule can test, named as in the docs and the `license` report. */
export const POLICY_OBLIGATIONS = [
  'commercial-use',
  'redistribution',
  'output-use',
  'authorization',
  'user-threshold',
  'attribution',
  'acceptable-use-policy',
  'share-alike',
  'use-restrictions',
  'excluded-regions',
] as const;
/** An obligation name a rule can test. */
export type PolicyObligation = (typeof POLICY_OBLIGATIONS)[number];

/** Obligations a person can acknowledge per model (the duty is then known and accepted). */
export const ACKNOWLEDGEABLE = ['attribution', 'acceptable-use-policy'] as const;
/** An obligation that `policy.acknowledged` can record per model. */
export type Acknowledgeable = (typeof ACKNOWLEDGEABLE)[number];

/** Rule ids the evaluator itself uses; exceptions may name them, user rules may not. */
export const BUILTIN_RULE_IDS = ['default', 'findings'] as const;

const RULE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const PERMISSIONS = ['allowed', 'not-allowed', 'conditional', 'unknown'] as const;
const AUTHORIZATIONS = ['none', 'registration', 'written-authorization', 'unknown'] as const;

/** One value or a list of them, always a list after parsing. */
function oneOrMany<T extends z.ZodType>(item: T) {
  return z
    .union([item, z.array(item).min(1)], {
      // A union only says "invalid input"; report the problems of the branch the value's shape asked for.
      error: (iss) => {
        if (iss.code !== 'invalid_union') return undefined;
        const sub = iss.errors[Array.isArray(iss.input) ? 1 : 0] ?? [];
        return sub.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ') || undefined;
      },
    })
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
}

const Permissions = oneOrMany(z.enum(PERMISSIONS));

/** `when:` for obligations, discriminated by the obligation's name. */
export const ObligationConditionSchema = z.discriminatedUnion('obligation', [
  z.strictObject({ obligation: z.literal('commercial-use'), is: Permissions }),
  z.strictObject({ obligation: z.literal('redistribution'), is: Permissions }),
  z.strictObject({ obligation: z.literal('output-use'), is: Permissions }),
  z.strictObject({ obligation: z.literal('authorization'), is: oneOrMany(z.enum(AUTHORIZATIONS)) }),
  // A threshold below our own MAU means we would already need the separate license.
  z.strictObject({
    obligation: z.literal('user-threshold'),
    below: z.union([z.literal('our_mau'), z.number().int().positive()]).default('our_mau'),
  }),
  z.strictObject({ obligation: z.literal('attribution') }),
  z.strictObject({ obligation: z.literal('acceptable-use-policy') }),
  z.strictObject({ obligation: z.literal('share-alike') }),
  z.strictObject({ obligation: z.literal('use-restrictions') }),
  z.strictObject({
    obligation: z.literal('excluded-regions'),
    /** Match only these regions (or `our_regions`); any excluded region when absent. */
    includes: z.union([z.literal('our_regions'), z.array(z.string().min(1)).min(1)]).optional(),
  }),
]);
/** A parsed obligation condition. */
export type ObligationCondition = z.infer<typeof ObligationConditionSchema>;

/** `when: { license: [...] }`: license ids anywhere in the chain; `unknown` matches an unidentified license. */
export const LicenseConditionSchema = z.strictObject({ license: oneOrMany(z.string().min(1)) });
/**
 * `when: { finding: [...] }`: license finding rule ids such as `license/unresolved-ancestor`
 * or `license/undisclosed-derivation`; a finding a rule names is decided by that rule, not by `review_findings`.
 */
export const FindingConditionSchema = z.strictObject({ finding: oneOrMany(z.string().min(1)) });

const CONDITION_SHAPES = 'expected { license: [ids] }, { finding: [rule ids] } or { obligation: <name>, ... }';

/** `when:` of a rule: license ids, finding ids or one obligation. */
export const ConditionSchema = z.union([LicenseConditionSchema, FindingConditionSchema, ObligationConditionSchema], {
  // A union only says "invalid input"; report the problems of the shape the key asked for.
  error: (iss) => {
    if (iss.code !== 'invalid_union' || iss.input === null || typeof iss.input !== 'object') return CONDITION_SHAPES;
    const keys = ['license', 'finding', 'obligation'];
    const chosen = keys.findIndex((k) => k in (iss.input as object));
    const sub = chosen >= 0 ? iss.errors[chosen] : undefined;
    if (!sub || sub.length === 0) return CONDITION_SHAPES;
    return sub.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
  },
});
/** A parsed `when:`. */
export type PolicyCondition = z.infer<typeof ConditionSchema>;

/** One rule: an id, a condition, a decision and why. */
export const PolicyRuleSchema = z.strictObject({
  id: z.string().regex(RULE_ID, 'rule ids use lowercase letters, digits, ".", "_" and "-"'),
  when: ConditionSchema,
  /** `warn` reports the match but leaves the decision to the other rules. */
  decision: z.enum(RULE_DECISIONS),
  /** Why the rule exists; shown with every decision it makes. */
  reason: z.string().min(1).optional(),
});
/** A parsed rule. */
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

/** A per-model waiver of one rule, with the reason and the last day it holds. */
export const PolicyExceptionSchema = z.strictObject({
  model: z.string().min(1),
  rule: z.string().min(1),
  reason: z.string().min(3, 'say why the exception is granted'),
  /** Last day the exception holds (inclusive, UTC). */
  expires: IsoDate,
});
/** A parsed exception. */
export type PolicyException = z.infer<typeof PolicyExceptionSchema>;

const Acknowledged = z.strictObject({
  attribution: z.array(z.string().min(1)).default([]),
  'acceptable-use-policy': z.array(z.string().min(1)).default([]),
});

/** The whole `policy:` section. */
export const PolicySchema = z
  .strictObject({
    /** Our monthly active users, compared with license user thresholds. */
    our_mau: z.number().int().nonnegative().optional(),
    /** Regions we serve, compared with regions a license excludes. */
    our_regions: z.array(z.string().min(1)).default([]),
    /** Decision for a model that no rule matched. */
    default: z.enum(POLICY_DECISIONS).default('review'),
    /** License findings at or above this severity open a review (rule id `findings`) unless a rule names them; `off` disables. */
    review_findings: z.enum([...SEVERITIES, 'off']).default('high'),
    rules: z.array(PolicyRuleSchema).default([]),
    exceptions: z.array(PolicyExceptionSchema).default([]),
    acknowledged: Acknowledged.default({ attribution: [], 'acceptable-use-policy': [] }),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    for (const [i, r] of p.rules.entries()) {
      if ((BUILTIN_RULE_IDS as readonly string[]).includes(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `"${r.id}" is reserved` });
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${r.id}"` });
      seen.add(r.id);
      const w = r.when;
      if ('obligation' in w && w.obligation === 'user-threshold' && w.below === 'our_mau' && p.our_mau === undefined) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'when'], message: '`below: our_mau` needs `policy.our_mau`' });
      }
      if ('obligation' in w && w.obligation === 'excluded-regions' && w.includes === 'our_regions' && p.our_regions.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'when'], message: '`includes: our_regions` needs `policy.our_regions`' });
      }
    }
    for (const [i, e] of p.exceptions.entries()) {
      if (!seen.has(e.rule) && !(BUILTIN_RULE_IDS as readonly string[]).includes(e.rule)) {
        ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'rule'], message: `no rule "${e.rule}" (rules: ${[...seen, ...BUILTIN_RULE_IDS].join(', ')})` });
      }
    }
  });
/** The parsed `policy:` section, defaults filled in. */
export type Policy = z.infer<typeof PolicySchema>;
