import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardText, licenseProject, manifest, WEIGHTS } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

const POLICY = `  our_mau: 5000000
  default: review
  rules:
    - id: no-noncommercial
      when: { obligation: commercial-use, is: not-allowed }
      decision: deny
      reason: we sell the product
    - id: mau-cap
      when: { obligation: user-threshold, below: our_mau }
      decision: deny
    - id: permissive
      when: { license: [apache-2.0, mit] }
      decision: allow
    - id: attribution
      when: { obligation: attribution }
      decision: review
  acknowledged:
    attribution: [solo]
`;

const MODELS = {
  'models/base/README.md': cardText({ license: 'cc-by-nc-4.0' }),
  'models/base/weights.bin': WEIGHTS,
  'models/chat/README.md': cardText({ license: 'apache-2.0', base_model: 'base' }),
  'models/chat/weights.bin': WEIGHTS,
  'models/solo/README.md': cardText({ license: 'apache-2.0' }),
  'models/solo/weights.bin': WEIGHTS,
};

describe('modelgate policy', () => {
  it('denies a derivative that inherits a non-commercial base, naming the rule and the evidence (exit 1)', async () => {
    const dir = await licenseProject({ ...MODELS, 'modelgate.yaml': manifest(['base', 'chat', 'solo'], POLICY) });
    const r = await runCli(['policy'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DENY {4}chat {2}Apache-2\.0 \(0\.\d\d\)$/m);
    expect(r.stdout).toMatch(/x no-noncommercial \(deny\): commercial use is not-allowed - we sell the product\n\s+base: CC-BY-NC-4\.0 per README\.md license \(card\): "cc-by-nc-4\.0"/);
    expect(r.stdout).toMatch(/\? findings \(review\): 1 license finding: license\/derivative-relaxes-terms/);
    expect(r.stdout).toMatch(/^ALLOW {3}solo/m);
    expect(r.stdout).toMatch(/acknowledged: attribution/);
    expect(r.stdout).toMatch(/policy failed: 2 denied, 0 in review, 1 allowed \(policy in modelgate\.yaml\)/);
  });

  it('prints the full result as JSON and evaluates only the named models', async () => {
    const dir = await licenseProject({ ...MODELS, 'modelgate.yaml': manifest(['base', 'chat', 'solo'], POLICY) });
    const r = await runCli(['policy', 'solo', '--json'], dir);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ ok: true, policySource: 'config' });
    expect(result.models).toHaveLength(1);
    expect(result.models[0]).toMatchObject({ model: 'solo', decision: 'allow', license: { id: 'Apache-2.0' }, acknowledged: ['attribution'] });
    expect(result.models[0].matches.map((m: { ruleId: string }) => m.ruleId)).toEqual(['permissive']);
  });

  it('passes once exceptions with a reason and an expiry record the decision; an expired one counts again', async () => {
    const exceptions = (expires: string) => `  exceptions:
    - { model: base, rule: no-noncommercial, reason: internal evaluation only (LEG-7), expires: ${expires} }
    - { model: chat, rule: no-noncommercial, reason: internal evaluation only (LEG-7), expires: ${expires} }
    - { model: chat, rule: findings, reason: card claims Apache but the base decides (LEG-7), expires: ${expires} }
`;
    const policy = POLICY.replace('attribution: [solo]', 'attribution: [solo, base, chat]') + exceptions('2999-12-31');
    const dir = await licenseProject({ ...MODELS, 'modelgate.yaml': manifest(['base', 'chat', 'solo'], policy) });
    const ok = await runCli(['policy'], dir);
    expect(ok.stdout).toMatch(/~ no-noncommercial \(deny, waived until 2999-12-31: internal evaluation only \(LEG-7\)\)/);
    expect(ok.stdout).toMatch(/policy passed: 0 denied, 0 in review, 3 allowed/);
    expect(ok.code).toBe(0);

    await writeFile(join(dir, 'modelgate.yaml'), manifest(['base', 'chat', 'solo'], policy.replaceAll('2999-12-31', '2020-01-31')));
    const expired = await runCli(['policy'], dir);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toMatch(/medium: exception for chat from rule no-noncommercial expired on 2020-01-31; the rule applies again/);
  });

  it('uses the built-in baseline without a policy section, and exits 2 on an invalid policy', async () => {
    const dir = await licenseProject({ ...MODELS, 'modelgate.yaml': manifest(['base', 'solo']) });
    const r = await runCli(['policy'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/x no-commercial-use \(deny\): commercial use is not-allowed/);
    expect(r.stdout).toMatch(/built-in baseline policy/);

    await writeFile(join(dir, 'modelgate.yaml'), manifest(['base'], '  rules:\n    - id: x\n      when: { obligation: commercial, is: not-allowed }\n      decision: deny\n'));
    const bad = await runCli(['policy'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/modelgate\.yaml:\d+:\d+: policy\.rules\.0\.when: obligation: Invalid discriminator value\. Expected .commercial-use./);
  });

  it('does not pass a model whose files are missing: it is judged on unknown terms', async () => {
    const dir = await licenseProject({ 'modelgate.yaml': manifest(['gone']) });
    const r = await runCli(['policy', '--json'], dir);
    expect(r.code).toBe(1);
    const m = JSON.parse(r.stdout).models[0];
    expect(m.decision).toBe('review');
    expect(m.findings[0]).toMatchObject({ ruleId: 'license/model-unavailable', severity: 'high' });
  });
});
