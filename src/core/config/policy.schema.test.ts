import { describe, expect, it } from 'vitest';
import { parseConfig } from './load.js';
import { PolicySchema } from './policy.schema.js';

const yaml = (policy: string) => `version: 1\nmodels:\n  a:\n    source: ./a\npolicy:\n${policy}`;

describe('policy schema', () => {
  it('parses shorthands into lists and fills defaults', () => {
    const config = parseConfig(
      yaml(`  our_mau: 5000000
  rules:
    - id: no-nc
      when: { obligation: commercial-use, is: not-allowed }
      decision: deny
    - id: ok
      when: { license: apache-2.0 }
      decision: allow
  exceptions:
    - { model: a, rule: no-nc, reason: research pilot, expires: 2027-01-31 }
`),
      'modelgate.yaml',
    );
    const p = config.policy;
    expect(p?.rules[0]?.when).toEqual({ obligation: 'commercial-use', is: ['not-allowed'] });
    expect(p?.rules[1]?.when).toEqual({ license: ['apache-2.0'] });
    expect(p?.default).toBe('review');
    expect(p?.review_findings).toBe('high');
    expect(p?.exceptions[0]?.expires).toBe('2027-01-31');
    expect(p?.acknowledged).toEqual({ attribution: [], 'acceptable-use-policy': [] });
  });

  it('names the line and key of each problem', () => {
    const bad = () =>
      parseConfig(
        yaml(`  rules:
    - id: dup
      when: { obligation: user-threshold }
      decision: deny
    - id: dup
      when: { obligation: commercial-use, is: maybe }
      decision: deny
  exceptions:
    - { model: a, rule: nope, reason: x, expires: 2027-02-30 }
`),
        'modelgate.yaml',
      );
    expect(bad).toThrow(/modelgate\.yaml:\d+:\d+: policy\.rules\.1\.when: is: Invalid option: expected one of/);
    try {
      bad();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/policy\.exceptions\.0\.reason/);
      expect(msg).toMatch(/policy\.exceptions\.0\.expires: not a real date/);
    }
  });

  it('checks rule references and required context', () => {
    const r = PolicySchema.safeParse({
      rules: [
        { id: 'default', when: { license: 'x' }, decision: 'deny' },
        { id: 'mau', when: { obligation: 'user-threshold' }, decision: 'deny' },
        { id: 'mau', when: { obligation: 'excluded-regions', includes: 'our_regions' }, decision: 'deny' },
      ],
      exceptions: [{ model: 'a', rule: 'ghost', reason: 'because', expires: '2027-01-01' }],
    });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'rules.0.id: "default" is reserved',
        'rules.1.when: `below: our_mau` needs `policy.our_mau`',
        'rules.2.id: duplicate rule id "mau"',
        'rules.2.when: `includes: our_regions` needs `policy.our_regions`',
        expect.stringMatching(/^exceptions\.0\.rule: no rule "ghost"/),
      ]),
    );
  });

  it('explains an unknown condition shape', () => {
    const r = PolicySchema.safeParse({ rules: [{ id: 'x', when: { licence: 'mit' }, decision: 'deny' }] });
    expect(r.success ? '' : r.error.issues[0]?.message).toMatch(/expected \{ license: \[ids\] \}/);
  });
});
