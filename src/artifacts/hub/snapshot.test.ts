import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBytes, SHA, startHubFixture, type HubFixture } from '../../../test/support/hub-fixture.js';
import { manifestPath } from './cache.js';
import type { HubProgressEvent, SnapshotManifest } from './types.js';

let fx: HubFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe('snapshot', () => {
  it('downloads every file of a branch and writes the commit manifest', async () => {
    fx = await startHubFixture();
    const events: HubProgressEvent[] = [];
    const snap = await fx.client({ onProgress: (e) => events.push(e) }).snapshot('acme/tiny');
    expect(snap.sha).toBe(SHA.main);
    expect(snap.files.map((f) => f.path)).toEqual(['README.md', 'config.json', 'model.safetensors', 'onnx/model.onnx', 'tokenizer.json']);
    for (const f of snap.files) {
      expect(f.sha256).toBe(fx.hub.file('acme/tiny', f.path).sha256);
      expect((await readFile(f.blobPath)).byteLength).toBe(f.size);
    }
    const manifest = JSON.parse(await readFile(manifestPath(fx.cacheDir, 'acme/tiny', SHA.main), 'utf8')) as SnapshotManifest;
    expect(manifest).toMatchObject({ version: 1, repo: 'acme/tiny', sha: SHA.main });
    expect(manifest.files['config.json']).toEqual({ size: snap.files[1]?.size, blobId: fx.hub.file('acme/tiny', 'config.json').blobId, lfs: false, sha256: snap.files[1]?.sha256 });
    const total = snap.files.reduce((n, f) => n + f.size, 0);
    expect(events.at(-1)).toMatchObject({ done: total, total });
  });

  it('filters with include and exclude globs', async () => {
    fx = await startHubFixture();
    const client = fx.client();
    const jsonOnly = await client.snapshot('acme/tiny', 'main', { include: ['*.json'] });
    expect(jsonOnly.files.map((f) => f.path)).toEqual(['config.json', 'tokenizer.json']);
    const noOnnx = await client.snapshot('acme/tiny', 'main', { exclude: ['onnx/**', '*.md'] });
    expect(noOnnx.files.map((f) => f.path)).toEqual(['config.json', 'model.safetensors', 'tokenizer.json']);
    const braces = await client.snapshot('acme/tiny', 'v1.0', { include: ['{README,config}.*', 'model.safe?ensors'] });
    expect(braces.files.map((f) => f.path)).toEqual(['README.md', 'config.json', 'model.safetensors']);
    const downloaded = fx.hub.requests.filter((r) => r.url.includes('/resolve/')).map((r) => r.url.split('/').slice(5).join('/'));
    expect(downloaded).not.toContain('onnx/model.onnx');
    await expect(client.snapshot('acme/tiny', 'main', { include: ['*.gguf'] })).rejects.toMatchObject({ code: 'MG_HUB_NOT_FOUND' });
  });

  it('makes no request at all for a cached commit, and only the model-info request for a cached branch', async () => {
    fx = await startHubFixture();
    const first = await fx.client().snapshot('acme/tiny', 'main');
    const before = fx.hub.requests.length;
    const bySha = await fx.client().snapshot('acme/tiny', SHA.main);
    expect(fx.hub.requests.length).toBe(before);
    expect(bySha).toEqual(first);
    await fx.client().snapshot('acme/tiny', 'main');
    expect(fx.hub.requests.slice(before).map((r) => r.url)).toEqual(['/api/models/acme/tiny/revision/main?blobs=true']);
  });

  it('fetches identical content once, empty files not at all', async () => {
    const shared = fakeBytes(10_000, 3);
    fx = await startHubFixture({
      repos: {
        'acme/dup': {
          revisions: { main: SHA.main },
          files: { 'a.bin': shared, 'b/a-copy.bin': shared, 'c.txt': 'c', 'd.txt': 'c', 'pkg/__init__.py': '' },
          lfs: ['a.bin', 'b/a-copy.bin'],
        },
      },
    });
    const snap = await fx.client({ concurrency: 2 }).snapshot('acme/dup');
    const [a, aCopy, c, d, empty] = snap.files;
    expect([aCopy?.blobPath, d?.blobPath]).toEqual([a?.blobPath, c?.blobPath]);
    // The empty file needs no request at all.
    expect(empty).toMatchObject({ path: 'pkg/__init__.py', size: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    expect(fx.hub.requests.filter((r) => r.url.includes('/resolve/'))).toHaveLength(2);
  });

  it('records what it learnt even when another file fails', async () => {
    fx = await startHubFixture({ faults: { 'acme/tiny/model.safetensors': { kind: 'status', status: 404, errorCode: 'EntryNotFound' } } });
    await expect(fx.client({ concurrency: 1 }).snapshot('acme/tiny')).rejects.toMatchObject({ code: 'MG_HUB_NOT_FOUND', message: expect.stringContaining('model.safetensors') });
    const manifest = await fx.client().readSnapshot('acme/tiny', SHA.main);
    expect(manifest?.files['config.json']?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
