import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../core/config/policy.schema.js';
import { card, docsOf, fakeIdentifier, licenseText } from '../../../test/support/license-fixtures.js';
import { buildChain } from '../chain/build-chain.js';
import type { ModelLookup, ResolvedModel } from '../chain/types.js';
import { evaluateModel } from './evaluate-model.js';
import { baselinePolicy } from './baseline.js';

const identifier = fakeIdentifier();
const NOW = new Date('2026-06-01T12:00:00Z');

function model(key: string, d: Parameters<typeof docsOf>[0]): ResolvedModel {
  return { key, label: key, via: 'manifest', model: key, docs: docsOf(d) };
}
const lookup = (models: ResolvedModel[]): ModelLookup => ({
  lookup: async (ref) => {
    const m = models.find((x) => x.key === ref);
    return m ? { ok: true, model: m } : { ok: false, tried: ['manifest'] };
  },
});

async function subject(name: string, d: Parameters<typeof docsOf>[0], bases: ResolvedModel[] = []) {
  return { model: name, chain: await buildChain(model(name, d), { lookup: lookup(bases), identifier }) };
}

const policy = PolicySchema.parse({
  our_mau: 5_000_000,
  our_regions: ['Atlantis'],
  default: 'review',
  rules: [
    { id: 'no-noncommercial', when: { obligation: 'commercial-use', is: 'not-allowed' }, decision: 'deny', reason: 'we sell the product' },
    { id: 'registration', when: { obligation: 'authorization', is: ['registration', 'written-authorization'] }, decision: 'review' },
    { id: 'mau-cap', when: { obligation: 'user-threshold', below: 'our_mau' }, decision: 'deny' },
    { id: 'attribution', when: { obligation: 'attribution' }, decision: 'review' },
    { id: 'regions', when: { obligation: 'excluded-regions', includes: 'our_regions' }, decision: 'deny' },
    { id: 'permissive', when: { license: ['test-permissive'] }, decision: 'allow' },
  ],
  exceptions: [{ model: 'waived', rule: 'no-noncommercial', reason: 'internal research only, ticket LEG-1', expires: '2026-06-01' }],
  acknowledged: { attribution: ['perm'] },
});

describe('evaluateModel', () => {
  it('denies a derivative that inherits a non-commercial base, naming the rule and the evidence', async () => {
    const base = model('org/research-base', { card: card({ license: 'test-research' }), license: licenseText('test-research') });
    const s = await subject('chat', { card: card({ license: 'test-permissive', base_model: 'org/research-base' }) }, [base]);
    const r = evaluateModel(policy, s, NOW);
    expect(r.decision).toBe('deny');
    const deny = r.matches.find((m) => m.ruleId === 'no-noncommercial');
    expect(deny).toMatchObject({ decision: 'deny', reason: 'we sell the product', detail: 'commercial use is not-allowed' });
    expect(deny?.evidence[0]).toMatch(/^org\/research-base: test-research per LICENSE \(license-file\): "test-research"/);
    // The derivative's relaxed claim is a high finding, which opens a review too.
    expect(r.matches.find((m) => m.ruleId === 'findings')?.detail).toMatch(/license\/derivative-relaxes-terms/);
  });

  it('allows a permissive model whose attribution is acknowledged', async () => {
    const r = evaluateModel(policy, await subject('perm', { license: licenseText('test-permissive') }), NOW);
    expect(r.decision).toBe('allow');
    expect(r.matches.map((m) => m.ruleId)).toEqual(['permissive']);
    expect(r.acknowledged).toEqual(['attribution']);
  });

  it('keeps attribution in review until it is acknowledged', async () => {
    const r = evaluateModel(policy, await subject('other', { license: licenseText('test-permissive') }), NOW);
    expect(r.decision).toBe('review');
    expect(r.matches.map((m) => `${m.ruleId}:${m.decision}`)).toEqual(['attribution:review', 'permissive:allow']);
  });

  it('tests thresholds against our MAU, regions against ours, and authorization', async () => {
    const r = evaluateModel(policy, await subject('comm', { license: licenseText('test-community') }), NOW);
    expect(r.decision).toBe('deny');
    const byId = Object.fromEntries(r.matches.map((m) => [m.ruleId, m]));
    expect(byId['mau-cap']?.detail).toBe('user threshold 1,000,000 MAU is below our 5,000,000 MAU (request a separate license)');
    expect(byId['regions']?.detail).toBe('the license grants nothing in Atlantis');
    expect(byId['registration']?.detail).toBe('authorization before use is registration');
  });

  it('waives a rule with a current exception and reports it once expired', async () => {
    const d = { license: licenseText('test-research') };
    const ok = evaluateModel(policy, await subject('waived', d), NOW);
    expect(ok.matches.find((m) => m.ruleId === 'no-noncommercial')?.waived).toEqual({ reason: 'internal research only, ticket LEG-1', expires: '2026-06-01' });
    expect(ok.decision).toBe('allow');
    const later = evaluateModel(policy, await subject('waived', d), new Date('2026-06-02T00:00:00Z'));
    expect(later.decision).toBe('deny');
    expect(later.findings.find((f) => f.ruleId === 'policy/exception-expired')?.message).toMatch(/expired on 2026-06-01; the rule applies again/);
  });

  it('applies the default when no rule matches, and opens a review for an unresolved base', async () => {
    const r = evaluateModel(policy, await subject('plain', { card: card({ license: 'something-else' }) }), NOW);
    expect(r.matches.map((m) => m.ruleId)).toEqual(['default']);
    expect(r.decision).toBe('review');
    const u = evaluateModel(baselinePolicy(), await subject('orphan', { license: licenseText('test-permissive'), card: card({ base_model: 'gone/model' }) }), NOW);
    expect(u.decision).toBe('review');
    expect(u.matches.map((m) => m.ruleId).sort()).toEqual(['findings', 'unknown-terms']);
    expect(u.matches.find((m) => m.ruleId === 'unknown-terms')?.evidence[0]).toMatch(/^gone\/model: terms unknown/);
  });

  it('reports an exception that waives nothing', async () => {
    const p = PolicySchema.parse({ ...policy, exceptions: [{ model: 'perm', rule: 'mau-cap', reason: 'not needed', expires: '2030-01-01' }] });
    const r = evaluateModel(p, await subject('perm', { license: licenseText('test-permissive') }), NOW);
    expect(r.findings.map((f) => f.ruleId)).toContain('policy/exception-unused');
  });
});

describe('license conditions', () => {
  it('allows by license only when every license in the chain is listed; denies when any is', async () => {
    const base = model('org/comm', { license: licenseText('test-community') });
    const s = await subject('ft', { license: licenseText('test-permissive'), card: card({ base_model: 'org/comm' }) }, [base]);
    const p = PolicySchema.parse({
      default: 'review',
      review_findings: 'off',
      rules: [
        { id: 'ok', when: { license: 'test-permissive' }, decision: 'allow' },
        { id: 'watch', when: { license: 'test-community' }, decision: 'review' },
      ],
    });
    const r = evaluateModel(p, s, NOW);
    expect(r.matches.map((m) => m.ruleId)).toEqual(['watch']);
    expect(r.matches[0]?.evidence).toEqual(['org/comm: test-community per LICENSE (license-file): "test-community"']);
    const both = PolicySchema.parse({ ...p, rules: [{ id: 'ok', when: { license: ['test-permissive', 'test-community'] }, decision: 'allow' }] });
    expect(evaluateModel(both, s, NOW).decision).toBe('allow');
  });
});

describe('finding rules and warnings', () => {
  const undisclosed = { ruleId: 'license/undisclosed-derivation', severity: 'high' as const, file: 'models/chat', message: 'chat and base share weights (fine-tune) but neither declares a base model', evidence: 'lineage verdict: derived (fine-tune)' };
  async function withFinding() {
    const s = await subject('chat', { license: licenseText('test-permissive') });
    return { ...s, chain: { ...s.chain, findings: [...s.chain.findings, undisclosed] } };
  }
  const rules = (decision: string) => PolicySchema.parse({ default: 'allow', rules: [{ id: 'undisclosed', when: { finding: 'license/undisclosed-derivation' }, decision, reason: 'say what it derives from' }] });

  it('opens a review through review_findings when no rule names the finding', async () => {
    const r = evaluateModel(PolicySchema.parse({ default: 'allow' }), await withFinding(), NOW);
    expect(r.decision).toBe('review');
    expect(r.matches.find((m) => m.ruleId === 'findings')?.evidence).toEqual(['models/chat: chat and base share weights (fine-tune) but neither declares a base model']);
  });

  it('lets a rule that names the finding decide it: deny, or warn without failing', async () => {
    expect(evaluateModel(rules('deny'), await withFinding(), NOW).decision).toBe('deny');
    const w = evaluateModel(rules('warn'), await withFinding(), NOW);
    expect(w.decision).toBe('allow');
    expect(w.matches.map((m) => `${m.ruleId}:${m.decision}`)).toEqual(['undisclosed:warn', 'default:allow']);
  });

  it('leaves a model without the finding alone', async () => {
    const r = evaluateModel(rules('deny'), await subject('solo', { license: licenseText('test-permissive') }), NOW);
    expect(r.decision).toBe('allow');
    expect(r.matches.map((m) => m.ruleId)).toEqual(['default']);
  });
});
