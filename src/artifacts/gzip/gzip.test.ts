import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { tarScanner } from '../tar/index.js';
import { writeTar } from '../writers/tar-writer.js';
import { fakeContext, ruleHits } from '../zip/test-support/fake-context.js';
import { EVIL_PICKLE, text } from '../zip/test-support/fixtures.js';
import { gzipScanner, sniffCompressedStream } from './index.js';
import { innerName } from './scan-stream.js';

const MiB = 1024 * 1024;
const scan = (bytes: Uint8Array, name = 'model.pkl.gz', ctx = fakeContext()) => gzipScanner.scan(bufferSource(name, bytes), ctx);
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('gzip scanner', () => {
  it('scans the content of a clean gzip under the outer name without .gz', async () => {
    const ctx = fakeContext();
    expect(await scan(gzipSync(EVIL_PICKLE), 'model.pkl.gz', ctx)).toEqual([]);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual(['model.pkl.gz!model.pkl:pickle']);
  });

  it('joins multi-member gzip content so a pickle split across members is seen whole', async () => {
    const ctx = fakeContext();
    const gz = cat(gzipSync(EVIL_PICKLE.subarray(0, 6)), gzipSync(EVIL_PICKLE.subarray(6)), new Uint8Array(512));
    expect(await scan(gz, 'x.gz', ctx)).toEqual([]);
    expect(ctx.calls).toHaveLength(1);
    expect(ctx.calls[0]).toMatchObject({ size: EVIL_PICKLE.length, format: 'pickle' });
  });

  it('reports a truncated stream (medium) and scans what was inflated', async () => {
    const gz = gzipSync(cat(EVIL_PICKLE, new Uint8Array(100_000).fill(7)));
    const ctx = fakeContext();
    expect(ruleHits(await scan(gz.subarray(0, gz.length - 40), 'x.gz', ctx))).toEqual(['gzip/truncated:medium']);
    expect(ctx.calls[0]?.format).toBe('pickle');
    expect(ruleHits(await scan(gz.subarray(0, gz.length - 4)))).toEqual(['gzip/truncated:medium']);
  });

  it('reports garbage after the last member and a CRC mismatch (medium)', async () => {
    expect(ruleHits(await scan(cat(gzipSync(text('hello')), text('garbage'))))).toEqual(['gzip/malformed:medium']);
    const gz = gzipSync(text('hello'));
    gz[gz.length - 8] = (gz[gz.length - 8] ?? 0) ^ 0xff;
    expect(ruleHits(await scan(gz))).toEqual(['gzip/crc-mismatch:medium']);
  });

  it('stops a bomb at the member limit, quickly (high)', async () => {
    const ctx = fakeContext({ budget: { maxMemberBytes: 4 * MiB } });
    const started = Date.now();
    const hits = ruleHits(await scan(gzipSync(new Uint8Array(64 * MiB)), 'bomb.gz', ctx));
    expect(hits).toEqual(['gzip/bomb:high']);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(ctx.calls[0]?.size).toBe(4 * MiB);
  });

  it('reads joblib ZF files and bare zlib streams', async () => {
    const zf = cat(text(`ZF${'0x' + EVIL_PICKLE.length.toString(16)}`.padEnd(21, ' ')), deflateSync(EVIL_PICKLE));
    const ctx = fakeContext();
    expect(await scan(zf, 'model.joblib', ctx)).toEqual([]);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual(['model.joblib!model.joblib.content:pickle']);
    const lying = cat(text('ZF0x5'.padEnd(21, ' ')), deflateSync(EVIL_PICKLE));
    expect(ruleHits(await scan(lying, 'm.joblib'))).toContain('gzip/bomb:high');
    const ctx2 = fakeContext();
    expect(await scan(deflateSync(EVIL_PICKLE), 'model.joblib', ctx2)).toEqual([]);
    expect(ctx2.calls[0]?.format).toBe('pickle');
  });

  it('sends a .tgz on to the tar scanner as .tar', async () => {
    const ctx = fakeContext({ scanners: { gzip: gzipScanner, tar: tarScanner } });
    await scan(gzipSync(writeTar([{ name: 'evil.pkl', data: EVIL_PICKLE }])), 'model.tgz', ctx);
    expect(ctx.calls.map((c) => c.name)).toEqual(['model.tgz!model.tar', 'model.tgz!model.tar!evil.pkl']);
  });

  it('names content from a long FNAME header when the outer name has no .gz', async () => {
    const name = `${'n'.repeat(5000)}.pkl`;
    const body = gzipSync(EVIL_PICKLE);
    const gz = cat(Uint8Array.from([0x1f, 0x8b, 8, 8, 0, 0, 0, 0, 0, 3]), text(name), Uint8Array.from([0]), body.subarray(10));
    const ctx = fakeContext();
    expect(await scan(gz, 'blob', ctx)).toEqual([]);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual([`blob!${name}:pickle`]);
  });

  it('sniffs gzip, ZF and zlib headers', () => {
    expect(sniffCompressedStream(gzipSync(text('a')))).toBe('gzip');
    expect(sniffCompressedStream(cat(text('ZF0x10'.padEnd(21, ' ')), deflateSync(text('a'))))).toBe('joblib-zfile');
    expect(sniffCompressedStream(deflateSync(text('a')))).toBe('zlib');
    expect(sniffCompressedStream(text('hello'))).toBeUndefined();
    expect(innerName('a.zip!w.pkl.gz', undefined)).toBe('w.pkl');
    expect(innerName('blob', '../../x.pkl')).toBe('x.pkl');
  });
});
