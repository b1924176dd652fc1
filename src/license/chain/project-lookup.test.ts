import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/load.js';
import { UpstreamError } from '../../core/errors.js';
import { card, fakeIdentifier, licenseText } from '../../../test/support/license-fixtures.js';
import { seedCachedRepo } from '../../../test/support/license-cache.js';
import { createTempDir } from '../../../test/support/temp-dir.js';
import { normalizeRef } from './base-models.js';
import { createProjectLookup, manifestNameFor } from './project-lookup.js';

const identifier = fakeIdentifier();
const config = parseConfig(
  'version: 1\nmodels:\n  llama-base:\n    source: hf:Meta-Test/Llama-Base\n  local-ft:\n    source: ./models/ft\n  api:\n    provider: openai\n    model: gpt-x\n    version: "1"\n',
  'modelgate.yaml',
);

describe('project lookup', () => {
  it('maps names and hub ids (any case, URLs, hf: prefixes) to manifest models', () => {
    expect(manifestNameFor('local-ft', config)).toBe('local-ft');
    expect(manifestNameFor('meta-test/llama-base', config)).toBe('llama-base');
    expect(manifestNameFor(normalizeRef('https://huggingface.co/Meta-Test/Llama-Base'), config)).toBe('llama-base');
    expect(manifestNameFor(normalizeRef('hf:Meta-Test/Llama-Base@main'), config)).toBe('llama-base');
    expect(manifestNameFor('other/model', config)).toBeUndefined();
  });

  it('reads an unlocked local manifest model from disk and a hub model from the cache, keeping its manifest name', async () => {
    const dir = (await createTempDir('mg-lookup-')).path;
    await mkdir(join(dir, 'models/ft'), { recursive: true });
    await writeFile(join(dir, 'models/ft/README.md'), card({ license: 'test-permissive' }));
    const cacheDir = join(dir, 'cache');
    const sha = await seedCachedRepo(cacheDir, 'Meta-Test/Llama-Base', { 'README.md': card({ license: 'test-community' }), LICENSE: licenseText('test-community') });
    const lookup = createProjectLookup({ config, baseDir: dir, cacheDir, identifier });
    const ft = await lookup.lookup('local-ft');
    expect(ft.ok && ft.model).toMatchObject({ key: 'model:local-ft', via: 'manifest', model: 'local-ft' });
    const base = await lookup.lookup('meta-test/LLAMA-base');
    expect(base.ok && base.model).toMatchObject({ key: 'model:llama-base', label: 'llama-base', via: 'manifest', hubId: 'Meta-Test/Llama-Base', revision: sha });
    expect(base.ok && base.model.docs.licenses.map((d) => d.path)).toEqual(['LICENSE']);
    const outside = await lookup.lookup('Other/Thing');
    expect(outside).toEqual({ ok: false, tried: ['manifest', 'local hub cache', 'hub (offline; allow network access to fetch it)'] });
    const hosted = await lookup.lookup('api');
    expect(hosted.ok ? '' : hosted.reason).toMatch(/hosted API model/);
  });

  it('asks the hub only when network access is allowed, and reports its refusal', async () => {
    const dir = (await createTempDir('mg-lookup-')).path;
    const asked: string[] = [];
    const hub = {
      snapshot: async (repo: string) => {
        asked.push(repo);
        if (repo === 'gated/model') throw new UpstreamError('MG_HUB_UNAUTHORIZED', 'gated/model: 403 gated repository');
        await writeFile(join(dir, 'blob'), card({ license: 'test-research' }));
        return { repo, sha: 'd'.repeat(40), files: [{ path: 'README.md', size: 1, sha256: 'x', blobPath: join(dir, 'blob') }] };
      },
    };
    const lookup = createProjectLookup({ baseDir: dir, identifier, hub });
    const found = await lookup.lookup('org/open');
    expect(found.ok && found.model).toMatchObject({ via: 'hub', hubId: 'org/open', revision: 'd'.repeat(40) });
    const refused = await lookup.lookup('gated/model');
    expect(refused).toMatchObject({ ok: false, tried: ['manifest', 'hub'], reason: 'hub: gated/model: 403 gated repository' });
    await lookup.lookup('org/open');
    expect(asked).toEqual(['org/open', 'gated/model']);
  });
});
