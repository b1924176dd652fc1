import { describe, expect, it } from 'vitest';
import { obligations, TEST_LICENSES } from '../../../test/support/license-fixtures.js';
import { mergeAll, mergeObligations, relaxedDimensions, stricterPermission, unknownObligations } from './merge-obligations.js';

describe('mergeObligations', () => {
  it('orders permissions: not-allowed > unknown > conditional > allowed', () => {
    expect(stricterPermission('allowed', 'conditional')).toBe('conditional');
    expect(stricterPermission('conditional', 'unknown')).toBe('unknown');
    expect(stricterPermission('not-allowed', 'unknown')).toBe('not-allowed');
    expect(stricterPermission('allowed', 'allowed')).toBe('allowed');
  });

  it('takes the most restrictive of every dimension', () => {
    const a = obligations({
      userThreshold: { monthlyActiveUsers: 700_000_000, consequence: 'ask A' },
      territory: { excludedRegions: ['Atlantis'], governingLaw: 'X' },
      attribution: { required: true, notice: 'A notice' },
    });
    const b = obligations({
      commercialUse: { status: 'conditional', conditions: ['register'] },
      userThreshold: { monthlyActiveUsers: 100_000_000, consequence: 'ask B' },
      authorization: 'registration',
      territory: { excludedRegions: ['Lemuria'], governingLaw: 'Y' },
      attribution: { required: false, naming: 'B-' },
      derivatives: { inheritRestrictions: true, shareAlike: false },
    });
    const m = mergeObligations(a, b);
    expect(m.commercialUse).toEqual({ status: 'conditional', conditions: ['register'] });
    expect(m.userThreshold).toEqual({ monthlyActiveUsers: 100_000_000, consequence: 'ask B' });
    expect(m.authorization).toBe('registration');
    expect(m.territory).toEqual({ excludedRegions: ['Atlantis', 'Lemuria'], governingLaw: 'X; Y' });
    expect(m.attribution).toEqual({ required: true, notice: 'A notice', naming: 'B-' });
    expect(m.derivatives.inheritRestrictions).toBe(true);
  });

  it('ranks written authorization above unknown above registration', () => {
    const w = obligations({ authorization: 'written-authorization' });
    const u = obligations({ authorization: 'unknown' });
    const r = obligations({ authorization: 'registration' });
    expect(mergeAll([r, u])?.authorization).toBe('unknown');
    expect(mergeAll([u, w, r])?.authorization).toBe('written-authorization');
    expect(mergeAll([])).toBeUndefined();
  });

  it('is commutative on the dimensions a policy tests', () => {
    const [x, y] = [TEST_LICENSES['test-community'], TEST_LICENSES['test-research']] as const;
    expect(mergeObligations(x!, y!)).toEqual(mergeObligations(y!, x!));
  });

  it('makes unknown terms at least as strict as conditional ones', () => {
    const m = mergeObligations(TEST_LICENSES['test-community']!, unknownObligations());
    expect(m.commercialUse.status).toBe('unknown');
    expect(m.userThreshold?.monthlyActiveUsers).toBe(1_000_000);
  });
});

describe('relaxedDimensions', () => {
  it('lists each term a derivative claims to relax', () => {
    const own = TEST_LICENSES['test-permissive']!;
    const inherited = TEST_LICENSES['test-community']!;
    const r = relaxedDimensions(own, inherited);
    expect(r).toEqual(
      expect.arrayContaining([
        'commercial-use: allowed (inherited conditional)',
        'authorization: none (inherited registration)',
        'user-threshold: none (inherited 1000000 MAU)',
        'acceptable-use-policy: none (inherited: applies)',
        'excluded-regions: drops Atlantis',
      ]),
    );
  });

  it('is empty when the derivative keeps or tightens the terms', () => {
    expect(relaxedDimensions(TEST_LICENSES['test-research']!, TEST_LICENSES['test-permissive']!)).toEqual(['attribution: not required (inherited: required)']);
    expect(relaxedDimensions(TEST_LICENSES['test-community']!, TEST_LICENSES['test-community']!)).toEqual([]);
  });
});
