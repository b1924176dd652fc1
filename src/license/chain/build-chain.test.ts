import { describe, expect, it } from 'vitest';
import { card, docsOf, fakeIdentifier, licenseText } from '../../../test/support/license-fixtures.js';
import { buildChain, collectAncestors } from './build-chain.js';
import type { ModelLookup, ResolvedModel } from './types.js';

function model(key: string, d: Parameters<typeof docsOf>[0]): ResolvedModel {
  return { key, label: key, via: 'manifest', model: key, docs: docsOf(d) };
}

function lookupOf(models: ResolvedModel[]): ModelLookup & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    lookup: async (ref) => {
      calls.push(ref);
      const m = models.find((x) => x.key === ref);
      return m ? { ok: true, model: m } : { ok: false, tried: ['manifest', 'local hub cache'] };
    },
  };
}

const identifier = fakeIdentifier();

describe('buildChain', () => {
  it('inherits every obligation of a finetune base (the derivative cannot relax them)', async () => {
    const base = model('org/base', { card: card({ license: 'test-community' }), license: licenseText('test-community') });
    const ft = model('ft', { card: card({ license: 'test-permissive', base_model: 'org/base', base_model_relation: 'finetune' }) });
    const chain = await buildChain(ft, { lookup: lookupOf([base]), identifier });
    expect(chain.root.identification?.id).toBe('test-permissive');
    expect(chain.root.relation).toBe('finetune');
    expect(chain.root.parents.map((p) => p.identification?.id)).toEqual(['test-community']);
    expect(chain.effective.commercialUse.status).toBe('conditional');
    expect(chain.effective.userThreshold?.monthlyActiveUsers).toBe(1_000_000);
    expect(chain.effective.acceptableUsePolicy.applies).toBe(true);
    const relax = chain.findings.find((f) => f.ruleId === 'license/derivative-relaxes-terms');
    expect(relax?.severity).toBe('high');
    expect(relax?.message).toMatch(/ft declares test-permissive but derives from org\/base \(test-community\)/);
    expect(relax?.message).toMatch(/commercial-use: allowed \(inherited conditional\)/);
  });

  it('gives a merge the obligations of all its parents', async () => {
    const a = model('a', { license: licenseText('test-community') });
    const b = model('b', { license: licenseText('test-research') });
    const merged = model('m', { card: card({ base_model: ['a', 'b'] }), license: licenseText('test-research') });
    const chain = await buildChain(merged, { lookup: lookupOf([a, b]), identifier });
    expect(chain.root.relation).toBe('merge');
    expect(chain.root.relationInferred).toBe(true);
    expect(chain.effective.commercialUse.status).toBe('not-allowed');
    expect(chain.effective.outputUse.improveOtherModels).toBe('not-allowed');
    expect(chain.effective.territory.excludedRegions).toEqual(['Atlantis']);
  });

  it('reports an unresolvable base model as a high finding and treats its terms as unknown', async () => {
    const ft = model('ft', { card: card({ license: 'test-permissive', base_model: 'ghost/model' }) });
    const chain = await buildChain(ft, { lookup: lookupOf([]), identifier });
    const f = chain.findings.find((x) => x.ruleId === 'license/unresolved-ancestor');
    expect(f).toMatchObject({ severity: 'high', file: 'ft/README.md: base_model', evidence: 'ghost/model' });
    expect(f?.message).toMatch(/tried manifest, local hub cache/);
    expect(chain.root.parents[0]).toMatchObject({ via: 'unresolved', ref: 'ghost/model' });
    expect(chain.effective.commercialUse.status).toBe('unknown');
    // Unknown terms are not a relaxation claim; the unresolved finding covers them.
    expect(chain.findings.some((x) => x.ruleId === 'license/derivative-relaxes-terms')).toBe(false);
  });

});

describe('buildChain: shape of the chain', () => {
  it('follows ancestors transitively, shares diamond ancestors and cuts cycles', async () => {
    const root = model('root', { license: licenseText('test-research') });
    const left = model('left', { card: card({ base_model: 'root' }), license: licenseText('test-research') });
    const right = model('right', { card: card({ base_model: 'root' }), license: licenseText('test-research') });
    const top = model('top', { card: card({ base_model: ['left', 'right'] }), license: licenseText('test-research') });
    const lookup = lookupOf([root, left, right]);
    const chain = await buildChain(top, { lookup, identifier });
    expect(collectAncestors(chain.root).map((n) => n.label)).toEqual(['left', 'right', 'root']);
    expect(lookup.calls.filter((c) => c === 'root')).toHaveLength(1);

    const x = model('x', { card: card({ base_model: 'y' }), license: licenseText('test-research') });
    const y = model('y', { card: card({ base_model: 'x' }), license: licenseText('test-research') });
    const cyc = await buildChain(x, { lookup: lookupOf([x, y]), identifier });
    expect(cyc.findings.map((f) => f.ruleId)).toContain('license/ancestor-cycle');
    expect(collectAncestors(cyc.root).map((n) => n.label)).toEqual(['y']);
  });

  it('stops at the depth limit with a finding', async () => {
    const models = Array.from({ length: 5 }, (_, i) => model(`m${i}`, { card: card({ base_model: `m${i + 1}` }), license: licenseText('test-permissive') }));
    const chain = await buildChain(models[0]!, { lookup: lookupOf(models), identifier, maxDepth: 2 });
    expect(chain.findings.find((f) => f.ruleId === 'license/chain-too-deep')?.file).toBe('m2/README.md: base_model');
    expect(collectAncestors(chain.root).map((n) => n.label)).toEqual(['m1', 'm2', 'm3']);
    expect(chain.effective.commercialUse.status).toBe('unknown');
  });

  it('reads base models from GGUF metadata when the card has none, as a quantization', async () => {
    const base = model('org/base', { license: licenseText('test-community') });
    const docs = docsOf({ files: ['model.Q4.gguf'] });
    docs.gguf = { path: 'model.Q4.gguf', kv: { 'general.license': 'test-community', 'general.base_model.count': 1, 'general.base_model.0.repo_url': 'https://huggingface.co/org/base' } };
    const chain = await buildChain({ key: 'q', label: 'q', via: 'path', docs }, { lookup: lookupOf([base]), identifier });
    expect(chain.root).toMatchObject({ relation: 'quantized', relationInferred: true, baseFrom: 'gguf' });
    expect(chain.root.parents[0]?.label).toBe('org/base');
  });

  it('prefixes identification findings with the model they are about', async () => {
    const m = model('mixed', { card: card({ license: 'test-permissive' }), license: licenseText('test-research') });
    const chain = await buildChain(m, { lookup: lookupOf([]), identifier });
    expect(chain.findings[0]).toMatchObject({ ruleId: 'license/sources-disagree', file: 'mixed/README.md' });
  });

  it('evaluates an undisclosed base lineage found as if declared, once, and marks it', async () => {
    const base = model('org/base', { license: licenseText('test-research') });
    const silent = model('silent', { license: licenseText('test-permissive') });
    const why = 'not declared; lineage: fine-tune';
    const chain = await buildChain(silent, { lookup: lookupOf([]), identifier, assumed: [{ ref: 'org/base', why, found: { ok: true, model: base } }] });
    expect(chain.root.parents.map((p) => [p.label, p.assumed])).toEqual([['org/base', why]]);
    expect(chain.effective.commercialUse.status).toBe('not-allowed');
    expect(chain.findings.map((f) => f.ruleId)).toContain('license/derivative-relaxes-terms');
    // A base the card already declares is not added twice.
    const declared = model('declared', { license: licenseText('test-permissive'), card: card({ base_model: 'org/base' }) });
    const twice = await buildChain(declared, { lookup: lookupOf([base]), identifier, assumed: [{ ref: 'org/base', why, found: { ok: true, model: base } }] });
    expect(twice.root.parents).toHaveLength(1);
    expect(twice.root.parents[0]?.assumed).toBeUndefined();
  });
});
