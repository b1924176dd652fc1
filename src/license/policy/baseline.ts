/**
 * The policy used when modelgate.yaml has no `policy:` section: block what no
 * commercial product can ship, send unknown terms and signed-agreement
 * licenses to review, allow the rest.
 */
import { PolicySchema, type Policy } from '../../core/config/policy.schema.js';

/** The built-in baseline policy (parsed, so defaults are filled in). */
export function baselinePolicy(): Policy {
  return PolicySchema.parse({
    default: 'allow',
    review_findings: 'high',
    rules: [
      { id: 'no-commercial-use', when: { obligation: 'commercial-use', is: 'not-allowed' }, decision: 'deny', reason: 'the license (or an ancestor) forbids commercial use' },
      { id: 'unknown-terms', when: { license: 'unknown' }, decision: 'review', reason: 'the terms of a model in the chain are unknown' },
      {
        id: 'written-authorization',
        when: { obligation: 'authorization', is: 'written-authorization' },
        decision: 'review',
        reason: 'use needs a signed agreement with the licensor',
      },
    ],
  });
}
