import { afterEach, describe, expect, it } from 'vitest';
import { fakeCommitSha } from '../../../test/support/fake-hub-data.js';
import { SHA, startHubFixture, type HubFixture } from '../../../test/support/hub-fixture.js';
import { parseModelInfo } from './model-info.js';

let fx: HubFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe('resolveRevision', () => {
  it('resolves a branch to its commit sha and lists files with LFS metadata', async () => {
    fx = await startHubFixture();
    const resolved = await fx.client().resolveRevision('acme/tiny');
    expect(resolved.sha).toBe(SHA.main);
    expect(resolved.files.map((f) => f.path)).toEqual(['README.md', 'config.json', 'model.safetensors', 'onnx/model.onnx', 'tokenizer.json']);
    const weights = resolved.files.find((f) => f.path === 'model.safetensors');
    const served = fx.hub.file('acme/tiny', 'model.safetensors');
    expect(weights).toEqual({ path: 'model.safetensors', size: 256 * 1024, sha256: served.sha256, blobId: served.blobId, lfs: true });
    const config = fx.hub.file('acme/tiny', 'config.json');
    expect(resolved.files.find((f) => f.path === 'config.json')).toEqual({ path: 'config.json', size: config.data.byteLength, blobId: config.blobId, lfs: false });
    expect(fx.hub.requests.map((r) => r.url)).toEqual(['/api/models/acme/tiny/revision/main?blobs=true']);
  });

  it('resolves a tag, and escapes revisions that contain a slash', async () => {
    fx = await startHubFixture({ repos: { 'acme/tiny': { revisions: { 'v1.0': SHA.v1, 'refs/pr/1': SHA.main }, files: { 'a.txt': 'a' } } } });
    const client = fx.client();
    expect((await client.resolveRevision('acme/tiny', 'v1.0')).sha).toBe(SHA.v1);
    expect((await client.resolveRevision('acme/tiny', 'refs/pr/1')).sha).toBe(SHA.main);
    expect(fx.hub.requests[1]?.url).toBe('/api/models/acme/tiny/revision/refs%2Fpr%2F1?blobs=true');
  });

  it('answers a cached commit sha offline', async () => {
    fx = await startHubFixture();
    const client = fx.client();
    const online = await client.resolveRevision('acme/tiny', SHA.main);
    const before = fx.hub.requests.length;
    const offline = await client.resolveRevision('acme/tiny', SHA.main);
    expect(fx.hub.requests.length).toBe(before);
    expect(offline).toEqual(online);
  });

  it('maps an unknown revision and an unknown repo to MG_HUB_NOT_FOUND', async () => {
    fx = await startHubFixture();
    const client = fx.client();
    await expect(client.resolveRevision('acme/tiny', 'nope')).rejects.toMatchObject({ code: 'MG_HUB_NOT_FOUND', message: expect.stringContaining('revision "nope"') });
    await expect(client.resolveRevision('acme/missing')).rejects.toMatchObject({ code: 'MG_HUB_NOT_FOUND', message: expect.stringContaining('acme/missing') });
  });

  it('maps 401 to MG_HUB_UNAUTHORIZED with an HF_TOKEN hint and never echoes the token', async () => {
    fx = await startHubFixture({ token: 'hf_secret_token' });
    const anonymous = fx.client({ token: undefined });
    await expect(anonymous.resolveRevision('acme/tiny')).rejects.toMatchObject({ code: 'MG_HUB_UNAUTHORIZED', message: expect.stringContaining('set HF_TOKEN') });
    const wrong = fx.client({ token: 'hf_wrong_token' });
    const error = (await wrong.resolveRevision('acme/tiny').catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: 'MG_HUB_UNAUTHORIZED', message: expect.stringContaining('HF_TOKEN was sent but not accepted') });
    expect(`${error.message} ${String(error.stack)}`).not.toContain('hf_wrong_token');
    expect((await fx.client().resolveRevision('acme/tiny')).sha).toBe(SHA.main);
  });

  it('maps a gated repo (403 GatedRepo) to MG_HUB_UNAUTHORIZED with the accept-conditions hint', async () => {
    fx = await startHubFixture({ repos: { 'acme/gated': { revisions: { main: SHA.main }, files: { 'a.txt': 'a' }, gated: true } } });
    await expect(fx.client().resolveRevision('acme/gated')).rejects.toMatchObject({ code: 'MG_HUB_UNAUTHORIZED', message: expect.stringContaining('gated') });
  });

  it('retries a 500 and turns a non-JSON body into MG_HUB_BAD_RESPONSE', async () => {
    fx = await startHubFixture({ faults: { 'acme/tiny': [{ kind: 'status', status: 500, times: 1 }, { kind: 'garbage', times: 1 }] } });
    await expect(fx.client().resolveRevision('acme/tiny')).rejects.toMatchObject({ code: 'MG_HUB_BAD_RESPONSE', message: expect.stringContaining('not JSON') });
    expect(fx.hub.requests.map((r) => r.status)).toEqual([500, 200]);
  });

  it('rejects a malformed repo name before any request', async () => {
    fx = await startHubFixture();
    await expect(fx.client().resolveRevision('../etc')).rejects.toMatchObject({ code: 'MG_SOURCE_INVALID' });
    expect(fx.hub.requests).toHaveLength(0);
  });
});

describe('parseModelInfo', () => {
  const sha = fakeCommitSha('x');
  const blobId = 'a'.repeat(40);

  it('rejects a listing without a commit sha', () => {
    expect(() => parseModelInfo(JSON.stringify({ siblings: [] }), 'a/b', 'main')).toThrow(expect.objectContaining({ code: 'MG_HUB_BAD_RESPONSE' }));
  });

  it('rejects siblings without blob metadata (the ?blobs=true shape)', () => {
    expect(() => parseModelInfo(JSON.stringify({ sha, siblings: [{ rfilename: 'a' }] }), 'a/b', 'main')).toThrow(/siblings\.0/);
  });

  it('rejects paths that could escape a folder', () => {
    for (const rfilename of ['../x', '/etc/passwd', 'a/./b', 'a\\b']) {
      const text = JSON.stringify({ sha, siblings: [{ rfilename, size: 1, blobId }] });
      expect(() => parseModelInfo(text, 'a/b', 'main')).toThrow(/unsafe path/);
    }
  });
});
