import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHA, startHubFixture, type HubFixture } from '../../../test/support/hub-fixture.js';
import type { ExpectedFile, HubProgressEvent } from './types.js';

let fx: HubFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

/** What the hub's listing says about a file of the standard repo. */
function expectedOf(f: HubFixture, path: string): ExpectedFile {
  const file = f.hub.file('acme/tiny', path);
  return file.lfs ? { size: file.data.byteLength, sha256: file.sha256, blobId: file.blobId, lfs: true } : { size: file.data.byteLength, blobId: file.blobId, lfs: false };
}

async function blobsIn(cacheDir: string): Promise<string[]> {
  return readdir(join(cacheDir, 'blobs', 'sha256')).catch(() => []);
}

describe('downloadFile', () => {
  it('downloads an LFS file through the CDN redirect, reporting progress', async () => {
    fx = await startHubFixture();
    const events: HubProgressEvent[] = [];
    const client = fx.client({ onProgress: (e) => events.push(e) });
    const got = await client.downloadFile('acme/tiny', SHA.main, 'model.safetensors', expectedOf(fx, 'model.safetensors'));
    const served = fx.hub.file('acme/tiny', 'model.safetensors');
    expect(got).toMatchObject({ sha256: served.sha256, size: served.data.byteLength, cached: false });
    expect(got.blobPath).toBe(join(fx.cacheDir, 'blobs', 'sha256', served.sha256));
    expect(createHash('sha256').update(await readFile(got.blobPath)).digest('hex')).toBe(served.sha256);
    expect(fx.hub.requests.map((r) => [r.server, r.status])).toEqual([['hub', 302], ['cdn', 200]]);
    const downloading = events.filter((e) => e.state === 'downloading');
    expect(downloading.length).toBeGreaterThan(1);
    expect(downloading.every((e, i) => i === 0 || e.fileDone >= (downloading[i - 1] as HubProgressEvent).fileDone)).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'done', fileDone: served.data.byteLength, done: served.data.byteLength, total: served.data.byteLength });
  });

  it('checks a regular file against its git blob id', async () => {
    fx = await startHubFixture();
    const got = await fx.client().downloadFile('acme/tiny', SHA.main, 'config.json', expectedOf(fx, 'config.json'));
    expect(await readFile(got.blobPath, 'utf8')).toBe('{"model_type":"tiny","hidden_size":8}\n');
    expect(fx.hub.requests.map((r) => r.url)).toEqual([`/acme/tiny/resolve/${SHA.main}/config.json`]);
  });

  it('resumes with a Range request after a truncated first attempt', async () => {
    fx = await startHubFixture({ faults: { 'acme/tiny/model.safetensors': { kind: 'truncate', after: 100_000, times: 1 } } });
    const got = await fx.client().downloadFile('acme/tiny', SHA.main, 'model.safetensors', expectedOf(fx, 'model.safetensors'));
    const cdn = fx.hub.requests.filter((r) => r.server === 'cdn');
    expect(cdn.map((r) => r.range)).toEqual([undefined, 'bytes=100000-']);
    expect(cdn[1]?.status).toBe(206);
    expect(got.sha256).toBe(fx.hub.file('acme/tiny', 'model.safetensors').sha256);
    expect(await readdir(join(fx.cacheDir, 'tmp'))).toEqual([]);
  });

  it('starts over when the server ignores Range', async () => {
    fx = await startHubFixture({
      faults: { 'acme/tiny/model.safetensors': [{ kind: 'truncate', after: 50_000, times: 1 }, { kind: 'ignore-range', times: 1 }] },
    });
    const got = await fx.client().downloadFile('acme/tiny', SHA.main, 'model.safetensors', expectedOf(fx, 'model.safetensors'));
    const cdn = fx.hub.requests.filter((r) => r.server === 'cdn');
    expect(cdn.map((r) => [r.range, r.status])).toEqual([[undefined, 200], ['bytes=50000-', 200]]);
    expect(got.sha256).toBe(fx.hub.file('acme/tiny', 'model.safetensors').sha256);
  });

  it('gives up with MG_DOWNLOAD_TRUNCATED, keeps the partial file, and a later call resumes it', async () => {
    fx = await startHubFixture({ faults: { 'acme/tiny/model.safetensors': { kind: 'truncate', after: 1000, times: 4 } } });
    const expected = expectedOf(fx, 'model.safetensors');
    const client = fx.client({ retries: 3 });
    await expect(client.downloadFile('acme/tiny', SHA.main, 'model.safetensors', expected)).rejects.toMatchObject({
      code: 'MG_DOWNLOAD_TRUNCATED',
      message: expect.stringContaining('stopped at 4000 of 262144 bytes'),
    });
    expect(await readdir(join(fx.cacheDir, 'tmp'))).toEqual([`${expected.sha256}.part`]);
    expect(await blobsIn(fx.cacheDir)).toEqual([]);
    const got = await client.downloadFile('acme/tiny', SHA.main, 'model.safetensors', expected);
    expect(fx.hub.requests.filter((r) => r.server === 'cdn').at(-1)?.range).toBe('bytes=4000-');
    expect(got.sha256).toBe(expected.sha256);
  });

  it('rejects wrong bytes with MG_DOWNLOAD_INTEGRITY and stores nothing', async () => {
    fx = await startHubFixture({ faults: { 'acme/tiny/model.safetensors': { kind: 'corrupt' }, 'acme/tiny/config.json': { kind: 'corrupt' } } });
    const client = fx.client();
    const lfs = expectedOf(fx, 'model.safetensors');
    const error = await client.downloadFile('acme/tiny', SHA.main, 'model.safetensors', lfs).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MG_DOWNLOAD_INTEGRITY', message: expect.stringMatching(new RegExp(`expected sha256 ${lfs.sha256}, got [0-9a-f]{64}`)) });
    await expect(client.downloadFile('acme/tiny', SHA.main, 'config.json', expectedOf(fx, 'config.json'))).rejects.toMatchObject({
      code: 'MG_DOWNLOAD_INTEGRITY',
      message: expect.stringContaining('expected git blob id'),
    });
    expect(await blobsIn(fx.cacheDir)).toEqual([]);
    expect(await readdir(join(fx.cacheDir, 'tmp'))).toEqual([]);
  });

  it('fails fast with MG_DOWNLOAD_INTEGRITY when the server sends another size than listed', async () => {
    fx = await startHubFixture();
    const expected = { ...expectedOf(fx, 'config.json'), size: 5 };
    await expect(fx.client().downloadFile('acme/tiny', SHA.main, 'config.json', expected)).rejects.toMatchObject({
      code: 'MG_DOWNLOAD_INTEGRITY',
      message: expect.stringContaining(`expected 5 bytes, the server sends ${fx.hub.file('acme/tiny', 'config.json').data.byteLength}`),
    });
    expect(fx.hub.requests).toHaveLength(1);
  });

  it('refetches from the start once when a stale partial file from an earlier run is wrong', async () => {
    fx = await startHubFixture();
    const expected = expectedOf(fx, 'model.safetensors');
    await mkdir(join(fx.cacheDir, 'tmp'), { recursive: true });
    await writeFile(join(fx.cacheDir, 'tmp', `${expected.sha256}.part`), new Uint8Array(1000).fill(7));
    const got = await fx.client().downloadFile('acme/tiny', SHA.main, 'model.safetensors', expected);
    expect(got.sha256).toBe(expected.sha256);
    expect(fx.hub.requests.filter((r) => r.server === 'cdn').map((r) => r.range)).toEqual(['bytes=1000-', undefined]);
  });

  it('retries a 500 once, and honours Retry-After on a 429', async () => {
    fx = await startHubFixture({
      faults: {
        'acme/tiny/config.json': { kind: 'status', status: 500, times: 1 },
        'acme/tiny/tokenizer.json': { kind: 'status', status: 429, retryAfter: '7', times: 1 },
      },
    });
    const waits: number[] = [];
    const client = fx.client({ sleep: async (ms) => void waits.push(ms) });
    await client.downloadFile('acme/tiny', SHA.main, 'config.json', expectedOf(fx, 'config.json'));
    await client.downloadFile('acme/tiny', SHA.main, 'tokenizer.json', expectedOf(fx, 'tokenizer.json'));
    expect(fx.hub.requests.map((r) => r.status)).toEqual([500, 200, 429, 200]);
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBe(7000);
  });

  it('times out a stalled body and resumes where it stopped', async () => {
    fx = await startHubFixture({ faults: { 'acme/tiny/model.safetensors': { kind: 'stall', after: 20_000, times: 1 } } });
    const got = await fx.client({ timeoutMs: 300 }).downloadFile('acme/tiny', SHA.main, 'model.safetensors', expectedOf(fx, 'model.safetensors'));
    expect(got.sha256).toBe(fx.hub.file('acme/tiny', 'model.safetensors').sha256);
    const ranges = fx.hub.requests.filter((r) => r.server === 'cdn').map((r) => r.range);
    expect(ranges).toHaveLength(2);
    expect(ranges[1]).toMatch(/^bytes=\d+-$/);
  });

  it('maps a missing file to MG_HUB_NOT_FOUND naming it', async () => {
    fx = await startHubFixture();
    await expect(fx.client().downloadFile('acme/tiny', SHA.main, 'nope.bin', { size: 1, blobId: 'b'.repeat(40), lfs: false })).rejects.toMatchObject({
      code: 'MG_HUB_NOT_FOUND',
      message: expect.stringContaining('file "nope.bin" was not found in acme/tiny@'),
    });
  });

  it('makes no request for a blob already in the store', async () => {
    fx = await startHubFixture();
    const client = fx.client();
    for (const path of ['model.safetensors', 'config.json']) await client.downloadFile('acme/tiny', SHA.main, path, expectedOf(fx, path));
    const before = fx.hub.requests.length;
    const again = await client.downloadFile('acme/tiny', SHA.main, 'config.json', expectedOf(fx, 'config.json'));
    const weights = await client.downloadFile('acme/tiny', SHA.main, 'model.safetensors', expectedOf(fx, 'model.safetensors'));
    expect([again.cached, weights.cached]).toEqual([true, true]);
    expect(fx.hub.requests.length).toBe(before);
  });
});
