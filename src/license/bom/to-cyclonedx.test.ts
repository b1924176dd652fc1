import { describe, expect, it } from 'vitest';
import { card, docsOf, fakeIdentifier, licenseText } from '../../../test/support/license-fixtures.js';
import { validateCycloneDx16 } from '../../../test/support/cyclonedx-validate.js';
import { buildChain } from '../chain/build-chain.js';
import type { ModelLookup, ResolvedModel } from '../chain/types.js';
import type { BomModelInput } from './components.js';
import { toCycloneDx } from './to-cyclonedx.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading arbitrary BOM JSON in assertions
type Json = Record<string, any>;

const identifier = fakeIdentifier();
const SHA = 'a'.repeat(40);
const fileSha = (c: string) => c.repeat(64);

async function fixtureModels(): Promise<BomModelInput[]> {
  const base: ResolvedModel = { key: 'hf:org/base', label: 'org/Base-7B', via: 'cache', hubId: 'org/Base-7B', revision: 'b'.repeat(40), docs: docsOf({ license: licenseText('test-community') }) };
  const lookup: ModelLookup = { lookup: async (ref) => (ref === 'org/Base-7B' ? { ok: true, model: base } : { ok: false, tried: ['manifest'] }) };
  const chatCard = card({
    license: 'test-community',
    base_model: 'org/Base-7B',
    base_model_relation: 'finetune',
    pipeline_tag: 'text-generation',
    datasets: ['org/chat-data'],
    language: ['en', 'fr'],
  }).replace('---\n# model', 'model-index:\n  - name: chat\n    results:\n      - dataset: { name: quiz, type: quiz }\n        metrics:\n          - { type: accuracy, value: 0.71 }\n---\n# model');
  const chatDocs = docsOf({ card: chatCard, license: licenseText('test-community') });
  const chat: ResolvedModel = { key: 'model:chat', label: 'chat', via: 'manifest', model: 'chat', hubId: 'acme/Chat-7B', revision: SHA, docs: chatDocs };
  const chain = await buildChain(chat, { lookup, identifier });
  return [
    {
      name: 'chat',
      description: 'support assistant',
      locked: { kind: 'artifact', source: 'hf:acme/Chat-7B', revision: SHA, files: [{ path: 'model.safetensors', size: 10, sha256: fileSha('1'), format: 'safetensors' }, { path: 'README.md', size: 5, sha256: fileSha('2'), format: 'text' as never }] },
      chain,
      docs: chatDocs,
      evidencePath: `.modelgate/evidence/chat/${SHA}`,
    },
    { name: 'api', locked: { kind: 'hosted', provider: 'openai', model: 'gpt-x', version: '2025-01-01' } },
    {
      name: 'local-mit',
      locked: { kind: 'artifact', source: './models/m', revision: `sha256:${fileSha('3')}`, files: [{ path: 'm.gguf', size: 3, sha256: fileSha('4'), format: 'gguf' }] },
      chain: await buildChain({ key: 'model:local-mit', label: 'local-mit', via: 'manifest', docs: docsOf({ card: card({ license: 'mit' }) }) }, { lookup, identifier }),
      docs: docsOf({ card: card({ license: 'mit' }) }),
    },
  ];
}

const options = { tool: { name: 'modelgate', version: '9.9.9' }, catalog: (id: string) => identifier.catalogEntry(id) };

describe('toCycloneDx', () => {
  it('writes a strictly valid CycloneDX 1.6 ML-BOM', async () => {
    const bom = toCycloneDx(await fixtureModels(), options);
    const text = JSON.stringify(bom);
    expect(await validateCycloneDx16(text)).toBeNull();
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { tools: { components: [{ type: 'application', name: 'modelgate', version: '9.9.9' }] } } });
    expect(String(bom.serialNumber)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('describes identity, files, license, pedigree and card of a hub finetune', async () => {
    const bom = toCycloneDx(await fixtureModels(), options) as { components: Record<string, unknown>[] };
    const chat = bom.components.find((c) => c['bom-ref'] === 'model:chat') as Json;
    expect(chat).toMatchObject({ type: 'machine-learning-model', group: 'acme', name: 'Chat-7B', version: SHA, purl: `pkg:huggingface/acme/Chat-7B@${SHA}`, description: 'support assistant' });
    expect(chat.components.map((f: { name: string; hashes: unknown[] }) => [f.name, f.hashes]).sort()).toEqual([
      ['README.md', [{ alg: 'SHA-256', content: fileSha('2') }]],
      ['model.safetensors', [{ alg: 'SHA-256', content: fileSha('1') }]],
    ]);
    expect(chat.licenses[0].license).toMatchObject({ name: 'Test license test-community', acknowledgement: 'concluded', url: `.modelgate/evidence/chat/${SHA}/LICENSE` });
    expect(chat.pedigree.notes).toBe('finetune of org/Base-7B');
    expect(chat.pedigree.ancestors[0]).toMatchObject({ type: 'machine-learning-model', group: 'org', name: 'Base-7B', purl: `pkg:huggingface/org/Base-7B@${'b'.repeat(40)}` });
    expect(chat.modelCard.modelParameters).toEqual({ task: 'text-generation', datasets: [{ type: 'dataset', name: 'org/chat-data' }], inputs: [{ format: 'text' }], outputs: [{ format: 'text' }] });
    expect(chat.modelCard.quantitativeAnalysis.performanceMetrics).toEqual([{ type: 'accuracy', value: '0.71', slice: 'quiz' }]);
    expect(chat.properties).toEqual(expect.arrayContaining([{ name: 'modelgate:obligation:user-threshold', value: '1000000' }]));
  });

  it('uses an SPDX id for SPDX licenses, hashes a single-file model, and lists hosted models', async () => {
    const bom = toCycloneDx(await fixtureModels(), options) as { components: Json[] };
    const mit = bom.components.find((c) => c['bom-ref'] === 'model:local-mit');
    expect(mit?.licenses).toEqual([{ license: { id: 'MIT', acknowledgement: 'declared' } }]);
    expect(mit?.hashes).toEqual([{ alg: 'SHA-256', content: fileSha('4') }]);
    expect(mit?.purl).toBeUndefined();
    const api = bom.components.find((c) => c['bom-ref'] === 'model:api');
    expect(api).toMatchObject({ group: 'openai', name: 'gpt-x', version: '2025-01-01' });
  });

  it('is stable: same input, same bytes; serial number can be left out', async () => {
    const a = JSON.stringify(toCycloneDx(await fixtureModels(), options));
    const b = JSON.stringify(toCycloneDx((await fixtureModels()).reverse(), options));
    expect(a).toBe(b);
    expect(toCycloneDx(await fixtureModels(), { ...options, serialNumber: false }).serialNumber).toBeUndefined();
  });
});
