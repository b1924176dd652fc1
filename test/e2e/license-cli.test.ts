import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gv, writeGguf } from '../../src/artifacts/writers/gguf-writer.js';
import { cardText, licenseProject, manifest, WEIGHTS } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

describe('modelgate license', () => {
  it('reads a folder: license, confidence, each evidence item, and disagreeing sources as a finding (exit 1)', async () => {
    const dir = await licenseProject({
      'm/README.md': cardText({ license: 'mit' }),
      'm/LICENSE': 'This work is licensed under Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0).\n',
    });
    const r = await runCli(['license', './m'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\.\/m \(path\)$/m);
    expect(r.stdout).toMatch(/license: CC-BY-NC-4\.0 - Creative Commons Attribution-NonCommercial 4\.0 International \(spdx\), confidence 0\.\d+/);
    expect(r.stdout).toMatch(/README\.md license \(card\): "mit" -> MIT/);
    expect(r.stdout).toMatch(/LICENSE \(license-file\): ".*" -> CC-BY-NC-4\.0/);
    expect(r.stdout).toMatch(/commercial use: not-allowed/);
    expect(r.stdout).toMatch(/HIGH license\/sources-disagree/);
  });

  it('reads a GGUF file on its own, including its base model, and names an unresolvable base', async () => {
    const gguf = writeGguf({
      version: 3,
      kv: {
        'general.architecture': gv.str('llama'),
        'general.license': gv.str('apache-2.0'),
        'general.base_model.count': gv.u32(1),
        'general.base_model.0.repo_url': gv.str('https://huggingface.co/ghost-org/ghost-base'),
      },
      tensors: [],
    });
    const dir = await licenseProject({ 'q.gguf': gguf });
    const r = await runCli(['license', 'q.gguf', '--json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.identification.id).toBe('Apache-2.0');
    expect(report.identification.evidence[0]).toMatchObject({ source: 'gguf', file: 'q.gguf', field: 'general.license' });
    expect(report.chain).toMatchObject({ relation: 'quantized', relationInferred: true, baseFrom: 'gguf' });
    expect(report.chain.parents[0]).toMatchObject({ ref: 'ghost-org/ghost-base', via: 'unresolved' });
    const unresolved = report.findings.find((f: { ruleId: string }) => f.ruleId === 'license/unresolved-ancestor');
    expect(unresolved.severity).toBe('high');
    expect(unresolved.message).toMatch(/tried manifest, local hub cache, hub \(offline/);
    expect(r.code).toBe(1);
  });

  it('follows a manifest model to its base and shows the inherited obligations', async () => {
    const dir = await licenseProject({
      'modelgate.yaml': manifest(['base', 'chat']),
      'models/base/README.md': cardText({ license: 'cc-by-nc-4.0' }),
      'models/base/weights.bin': WEIGHTS,
      'models/chat/README.md': cardText({ license: 'apache-2.0', base_model: 'base', base_model_relation: 'finetune' }),
      'models/chat/weights.bin': WEIGHTS,
    });
    const r = await runCli(['license', 'chat'], dir);
    expect(r.stdout).toMatch(/^chat \(manifest model\)$/m);
    expect(r.stdout).toMatch(/own obligations:\n\s+commercial use: allowed/);
    expect(r.stdout).toMatch(/chain:\n\s+chat\s+\[manifest\]\s+Apache-2\.0 \(\d\.\d\d\)\s+finetune of:\n\s+└─ base\s+\[manifest\]\s+CC-BY-NC-4\.0/);
    expect(r.stdout).toMatch(/effective obligations \(own and inherited\):\n\s+commercial use: not-allowed/);
    expect(r.stdout).toMatch(/HIGH license\/derivative-relaxes-terms chat\/README\.md: chat declares Apache-2\.0 but derives from base \(CC-BY-NC-4\.0\)/);
    expect(r.code).toBe(1);
  });

  it('exits 2 for a target that is neither a model, a path nor a hub id', async () => {
    const dir = await licenseProject({ 'modelgate.yaml': manifest([]) });
    const r = await runCli(['license', 'no such thing'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a manifest model, a file or folder, or a hub id/);
  });

  it('resolves a hub base model from the local cache, offline', async () => {
    const dir = await licenseProject({ 'ft/README.md': cardText({ license: 'llama3.1', base_model: 'meta-test/Base-8B' }) });
    const cache = join(dir, '.hub-cache');
    const { seedCachedRepo } = await import('../support/license-cache.js');
    await seedCachedRepo(cache, 'meta-test/Base-8B', { 'README.md': cardText({ license: 'llama3.1' }) });
    const r = await runCli(['license', './ft', '--json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.chain.parents[0]).toMatchObject({ label: 'meta-test/Base-8B', via: 'cache', hubId: 'meta-test/Base-8B' });
    expect(report.chain.parents[0].identification.id).toBe('llama-3.1');
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('license/unresolved'))).toEqual([]);
  });
});
