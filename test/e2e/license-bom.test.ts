import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCommitSha } from '../support/fake-hub-data.js';
import { startFakeHub, type FakeHub } from '../support/fake-hub.js';
import { validateCycloneDx16 } from '../support/cyclonedx-validate.js';
import { cardText, licenseProject, WEIGHTS } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';

const BASE_SHA = fakeCommitSha('base-main');

describe('modelgate bom', () => {
  let hub: FakeHub;
  const env = { ...process.env };
  beforeEach(async () => {
    hub = await startFakeHub({
      repos: {
        'acme/Base-7B': {
          revisions: { main: BASE_SHA },
          files: { 'README.md': cardText({ license: 'llama3.1', pipeline_tag: 'text-generation' }), 'model.safetensors': WEIGHTS },
          lfs: ['model.safetensors'],
        },
      },
    });
  });
  afterEach(async () => {
    process.env = { ...env };
    await hub.close();
  });

  async function project() {
    const dir = await licenseProject({
      'modelgate.yaml': 'version: 1\nmodels:\n  base:\n    source: hf:acme/Base-7B\n    description: the base\n  chat:\n    source: ./models/chat\n',
      'models/chat/README.md': cardText({ license: 'llama3.1', base_model: 'acme/Base-7B', base_model_relation: 'adapter', datasets: ['acme/support-chats'], pipeline_tag: 'text-generation' }),
      'models/chat/adapter_model.safetensors': WEIGHTS,
    });
    process.env.HF_ENDPOINT = hub.url;
    process.env.MODELGATE_CACHE = join(dir, '.hub-cache');
    expect((await runCli(['lock'], dir)).code).toBe(0);
    return dir;
  }

  it('writes a CycloneDX 1.6 ML-BOM that validates strictly against the schema', async () => {
    const dir = await project();
    const r = await runCli(['bom', '-o', 'bom.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote bom\.json: CycloneDX 1\.6 ML-BOM of 2 models/);
    const text = await readFile(join(dir, 'bom.json'), 'utf8');
    expect(await validateCycloneDx16(text)).toBeNull();
    const bom = JSON.parse(text);
    const base = bom.components.find((c: { 'bom-ref': string }) => c['bom-ref'] === 'model:base');
    expect(base).toMatchObject({
      type: 'machine-learning-model',
      group: 'acme',
      name: 'Base-7B',
      version: BASE_SHA,
      purl: `pkg:huggingface/acme/Base-7B@${BASE_SHA}`,
      description: 'the base',
      modelCard: { modelParameters: { task: 'text-generation' } },
    });
    expect(base.licenses[0].license).toMatchObject({ name: expect.stringMatching(/Llama 3\.1/), acknowledgement: 'concluded' });
    expect(base.components.find((f: { name: string }) => f.name === 'model.safetensors').hashes[0]).toEqual({ alg: 'SHA-256', content: hub.file('acme/Base-7B', 'model.safetensors').sha256 });
  });

  it('records the base model as pedigree, resolved through the manifest by hub id', async () => {
    const dir = await project();
    const r = await runCli(['bom'], dir);
    const bom = JSON.parse(r.stdout);
    const chat = bom.components.find((c: { 'bom-ref': string }) => c['bom-ref'] === 'model:chat');
    expect(chat.pedigree.notes).toBe('adapter of base');
    expect(chat.pedigree.ancestors[0]).toMatchObject({ name: 'Base-7B', group: 'acme', purl: `pkg:huggingface/acme/Base-7B@${BASE_SHA}` });
    expect(chat.modelCard.modelParameters.datasets).toEqual([{ type: 'dataset', name: 'acme/support-chats' }]);
    expect(chat.licenses[0].license.url).toMatch(/^https:\/\//);
    // The same project gives the same bytes, serial number included.
    expect((await runCli(['bom'], dir)).stdout).toBe(r.stdout);
    expect(bom.serialNumber).toMatch(/^urn:uuid:/);
    expect(JSON.parse((await runCli(['bom', '--no-serial'], dir)).stdout).serialNumber).toBeUndefined();
  });

  it('exits 2 before anything is locked', async () => {
    const dir = await licenseProject({ 'modelgate.yaml': 'version: 1\nmodels: {}\n' });
    const r = await runCli(['bom'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/modelgate\.lock: not found/);
  });
});
