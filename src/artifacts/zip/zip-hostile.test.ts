import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { torchZipEntries, writeZip, type ZipWriterEntry } from '../writers/zip-writer.js';
import { zipScanner } from './index.js';
import { fakeContext, ruleHits } from './test-support/fake-context.js';
import { BENIGN_PICKLE, EVIL_PICKLE, randomBytes, text } from './test-support/fixtures.js';

const MiB = 1024 * 1024;
const scan = (bytes: Uint8Array, name = 'model.zip', ctx = fakeContext()) => zipScanner.scan(bufferSource(name, bytes), ctx);
const recursive = (budget = {}) => fakeContext({ budget, scanners: { zip: zipScanner } });

describe('zip scanner: uninspectable members', () => {
  it('reports encrypted members (high)', async () => {
    const zip = writeZip([{ name: 'secret.pkl', data: randomBytes(64), flags: 0x1 }]);
    expect(ruleHits(await scan(zip))).toEqual(['zip/encrypted:high']);
  });

  it('reports AES (method 99) as encrypted and bzip2 as unsupported, without reading them', async () => {
    const zip = writeZip([
      { name: 'aes.pkl', data: randomBytes(64), method: 99, flags: 0x1 },
      { name: 'bz.pkl', data: randomBytes(64), method: 12 },
    ]);
    const ctx = fakeContext();
    const hits = ruleHits(await scan(zip, 'm.zip', ctx));
    expect(hits).toContain('zip/encrypted:high');
    expect(hits).toContain('zip/unsupported-method:high');
    expect(ctx.calls).toEqual([]);
  });
});

describe('zip scanner: layout', () => {
  it('reports entries that share bytes (high)', async () => {
    const zip = writeZip([
      { name: 'a.pkl', data: EVIL_PICKLE },
      { name: 'a.pkl.copy', data: EVIL_PICKLE, centralOnly: true, central: { localOffset: 0 } },
    ]);
    expect(ruleHits(await scan(zip))).toContain('zip/overlap:high');
  });

  it('reports an entry whose data runs into the central directory or past the file', async () => {
    const zip = writeZip([{ name: 'a.bin', data: text('abc'), central: { compressedSize: 60, uncompressedSize: 60 } }]);
    expect(ruleHits(await scan(zip))).toContain('zip/overlap:high');
    const past = writeZip([{ name: 'a.bin', data: text('abc'), central: { compressedSize: 100_000, uncompressedSize: 100_000 } }]);
    expect(ruleHits(await scan(past))).toContain('zip/malformed:high');
  });

  it('opens archives with prepended bytes like Python zipfile, and scans the prefix', async () => {
    const ctx = fakeContext();
    const zip = writeZip([{ name: 'a.pkl', data: BENIGN_PICKLE }], { prepend: EVIL_PICKLE });
    expect(ruleHits(await scan(zip, 'poly.zip', ctx))).toEqual(['zip/prepended-data:medium']);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual(['poly.zip!<prepended>:pickle', 'poly.zip!a.pkl:pickle']);
  });

  it('finds and scans local entries the central directory hides (high)', async () => {
    const ctx = fakeContext();
    const zip = writeZip([
      { name: 'evil.pkl', data: EVIL_PICKLE, method: 'deflate', hidden: true },
      { name: 'ok.txt', data: text('fine') },
    ]);
    expect(ruleHits(await scan(zip, 'h.zip', ctx))).toContain('zip/hidden-entry:high');
    expect(ctx.calls.map((c) => c.name)).toContain('h.zip!evil.pkl');
  });

  it('still scans local entries of a zip without a central directory', async () => {
    const ctx = fakeContext();
    const zip = writeZip([{ name: 'evil.pkl', data: EVIL_PICKLE, descriptor: true, method: 'deflate' }, { name: 'b.txt', data: text('b') }], { noDirectory: true });
    expect(ruleHits(await scan(zip, 'n.zip', ctx))).toContain('zip/malformed:high');
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual(['n.zip!evil.pkl:pickle', 'n.zip!b.txt:text']);
  });
});

describe('zip scanner: torch layout', () => {
  it('reports a .pt zip without data.pkl (low)', async () => {
    const zip = writeZip([{ name: 'weights/tensor.bin', data: randomBytes(32) }]);
    expect(ruleHits(await scan(zip, 'model.pt'))).toContain('torch/no-data-pkl:low');
    expect(ruleHits(await scan(zip, 'model.zip'))).not.toContain('torch/no-data-pkl:low');
  });

  it('reports pickles where torch reads none, including inside storages, and still routes them', async () => {
    const entries: ZipWriterEntry[] = [
      ...torchZipEntries({ dataPkl: BENIGN_PICKLE, storages: [EVIL_PICKLE, randomBytes(256)] }),
      { name: 'archive/extra/hook.pkl', data: EVIL_PICKLE },
      { name: 'other/data.pkl', data: EVIL_PICKLE },
    ];
    const ctx = fakeContext();
    const findings = await scan(writeZip(entries), 'model.pt', ctx);
    const unexpected = findings.filter((f) => f.ruleId === 'torch/unexpected-pickle');
    expect(unexpected.map((f) => `${f.evidence}:${f.severity}`)).toEqual([
      'archive/data/0:medium',
      'archive/extra/hook.pkl:medium',
      'other/data.pkl:medium',
    ]);
    expect(ctx.calls.filter((c) => c.format === 'pickle')).toHaveLength(4);
  });

  it('recognises names case-insensitively, as miniz does', async () => {
    const zip = writeZip([{ name: 'Archive/DATA.PKL', data: BENIGN_PICKLE }, { name: 'Archive/data/0', data: randomBytes(100) }]);
    expect(await scan(zip, 'model.pth')).toEqual([]);
  });
});

describe('zip scanner: time', () => {
  it('stops at the scan deadline and says so', async () => {
    const zip = writeZip([{ name: 'a.pkl', data: EVIL_PICKLE }]);
    const ctx = fakeContext({ budget: { deadline: Date.now() - 1 } });
    expect(ruleHits(await scan(zip, 'late.zip', ctx))).toEqual(['scan/deadline:high']);
    expect(ctx.calls).toEqual([]);
  });
});

describe('zip scanner: bombs', () => {
  it('refuses a member whose declared size passes the member limit at a bomb ratio (high)', async () => {
    const zip = writeZip([{ name: 'zeros.bin', data: new Uint8Array(20 * MiB), method: 'deflate' }]);
    const ctx = fakeContext({ budget: { maxMemberBytes: 4 * MiB } });
    expect(ruleHits(await scan(zip, 'b.zip', ctx))).toEqual(['zip/bomb:high']);
    expect(ctx.budget.expandedBytes).toBe(ctx.budget.maxExpandedBytes);
  });

  it('reports a member too large at an ordinary ratio (medium) and keeps scanning', async () => {
    const zip = writeZip([
      { name: 'noise.bin', data: randomBytes(2 * MiB), method: 'deflate' },
      { name: 'evil.pkl', data: EVIL_PICKLE, method: 'deflate' },
    ]);
    const ctx = fakeContext({ budget: { maxMemberBytes: MiB } });
    expect(ruleHits(await scan(zip, 'b.zip', ctx))).toEqual(['zip/bomb:medium']);
    expect(ctx.calls.map((c) => c.format)).toEqual(['pickle']);
  });

  it('stops a member that inflates beyond its declared size', async () => {
    const kernel = deflateRawSync(new Uint8Array(50 * MiB));
    const zip = writeZip([{ name: 'liar.bin', data: new Uint8Array(10), raw: kernel, method: 8, central: { crc: 0 }, local: { crc: 0 } }]);
    const ctx = fakeContext();
    const started = Date.now();
    expect(ruleHits(await scan(zip, 'b.zip', ctx))).toContain('zip/bomb:high');
    expect(ctx.budget.expandedBytes).toBeGreaterThanOrEqual(ctx.budget.maxExpandedBytes);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('stops an overlapping-entries bomb within the archive cap, quickly', async () => {
    const kernel = deflateRawSync(new Uint8Array(10 * MiB));
    const size = 10 * MiB;
    const entries: ZipWriterEntry[] = [{ name: 'k0', data: new Uint8Array(0), raw: kernel, method: 8, local: { uncompressedSize: size }, central: { uncompressedSize: size } }];
    for (let i = 1; i < 2000; i++) {
      entries.push({ name: 'k0', data: new Uint8Array(0), raw: kernel, method: 8, centralOnly: true, central: { localOffset: 0, uncompressedSize: size, name: `k${i}` } });
    }
    const zip = writeZip(entries);
    const ctx = fakeContext();
    const started = Date.now();
    const hits = ruleHits(await scan(zip, 'overlap.zip', ctx));
    expect(hits).toContain('zip/overlap:high');
    expect(hits).toContain('zip/bomb:high');
    expect(Date.now() - started).toBeLessThan(3000);
    // Nothing past what deflate could produce from this many bytes was inflated (then the budget was spent).
    expect(ctx.calls.reduce((n, c) => n + c.size, 0)).toBeLessThanOrEqual(zip.length * 1100 + MiB);
  });

  it('stops a 42.zip-style nested bomb within the budget, quickly', async () => {
    let level = writeZip([{ name: 'leaf.bin', data: new Uint8Array(8 * MiB), method: 'deflate' }]);
    for (let depth = 0; depth < 3; depth++) {
      const copies = Array.from({ length: 16 }, (_, i) => ({ name: `${depth}-${i}.zip`, data: level, method: 'deflate' as const }));
      level = writeZip(copies);
    }
    const ctx = recursive({ maxExpandedBytes: 64 * MiB, maxMemberBytes: 16 * MiB });
    const started = Date.now();
    const findings = await scan(level, '42.zip', ctx);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ctx.budget.expandedBytes).toBeLessThanOrEqual(64 * MiB);
    expect(ruleHits(findings)).toContain('zip/bomb:high');
    expect(ruleHits(findings)).toContain('zip/budget-exhausted:medium');
    expect(findings.length).toBeLessThan(20);
  });

  it('stops a 42.zip whose leaves declare petabyte-scale sizes at the default budget', async () => {
    const leafData = new Uint8Array(MiB);
    const huge = 4.3 * 1024 ** 3;
    let level = writeZip([{ name: 'leaf.bin', data: leafData, method: 'deflate', central: { uncompressedSize: huge }, local: { uncompressedSize: huge } }]);
    for (let depth = 0; depth < 4; depth++) {
      level = writeZip(Array.from({ length: 16 }, (_, i) => ({ name: `${i}.zip`, data: level, method: 'deflate' as const })));
    }
    const ctx = recursive();
    const started = Date.now();
    const findings = await scan(level, '42.zip', ctx);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(ruleHits(findings)).toContain('zip/bomb:high');
    expect(findings.length).toBeLessThan(20);
  });
});

describe('zip scanner: chance end-record signatures', () => {
  it('stays quiet on bytes that only contain an end-record signature by chance', async () => {
    const bytes = randomBytes(4096, 5);
    bytes.set([0x50, 0x4b, 5, 6, 9, 9, 9, 9, 1, 0, 1, 0, 0x10, 0, 0, 0, 0x20, 0, 0, 0, 0, 0], 3000);
    expect(await scan(bytes, 'archive/data/7')).toEqual([]);
  });
});

describe('zip scanner: chance pickle starts in storages', () => {
  it('does not route a storage that only starts like a pickle', async () => {
    const storage = randomBytes(4096, 11);
    storage.set([0x80, 0x02, 0xff, 0xfe], 0);
    const ctx = fakeContext();
    expect(await scan(writeZip(torchZipEntries({ dataPkl: BENIGN_PICKLE, storages: [storage] })), 'model.pt', ctx)).toEqual([]);
    expect(ctx.calls.map((c) => c.name)).not.toContain('model.pt!archive/data/0');
  });
});
