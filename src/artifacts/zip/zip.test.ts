import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { torchZipEntries, writeZip } from '../writers/zip-writer.js';
import { zipScanner } from './index.js';
import { fakeContext, ruleHits } from './test-support/fake-context.js';
import { BENIGN_PICKLE, EVIL_PICKLE, countingSource, randomBytes, text } from './test-support/fixtures.js';

const scan = (bytes: Uint8Array, name = 'model.zip', ctx = fakeContext()) => zipScanner.scan(bufferSource(name, bytes), ctx);

describe('zip scanner: clean archives', () => {
  it('reports nothing for a clean torch-like save and routes its pickle and text members', async () => {
    const zip = writeZip(torchZipEntries({ dataPkl: BENIGN_PICKLE, storages: [randomBytes(4096, 1), randomBytes(512, 2)] }));
    const ctx = fakeContext();
    expect(await scan(zip, 'model.pt', ctx)).toEqual([]);
    const routed = ctx.calls.map((c) => `${c.name}:${c.format}`);
    expect(routed).toContain('model.pt!archive/data.pkl:pickle');
    expect(routed).toContain('model.pt!archive/version:text');
    expect(routed.some((r) => r.includes('/data/'))).toBe(false);
  });

  it('does not copy or inflate a stored multi-MB storage', async () => {
    const big = randomBytes(24 * 1024 * 1024, 3);
    const zip = writeZip(torchZipEntries({ dataPkl: BENIGN_PICKLE, storages: [big] }));
    const src = countingSource(bufferSource('big.pt', zip));
    const ctx = fakeContext();
    const started = Date.now();
    expect(await zipScanner.scan(src, ctx)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(ctx.budget.expandedBytes).toBe(0);
    // Only headers, the storage's head and tail window (format detection) are read.
    expect(src.bytesRead).toBeLessThan(512 * 1024);
  });

  it('reads deflated members, data descriptors and charges the budget', async () => {
    const payload = text('x'.repeat(10_000));
    const zip = writeZip([
      { name: 'a.txt', data: payload, method: 'deflate' },
      { name: 'b.txt', data: payload, method: 'deflate', descriptor: true },
      { name: 'c.txt', data: payload, descriptor: { signature: false } },
    ]);
    const ctx = fakeContext();
    expect(await scan(zip, 'x.zip', ctx)).toEqual([]);
    expect(ctx.calls.map((c) => c.size)).toEqual([10_000, 10_000, 10_000]);
    expect(ctx.budget.expandedBytes).toBe(20_000);
  });

  it('parses ZIP64 end records and extra fields', async () => {
    const zip = writeZip([{ name: 'archive/data.pkl', data: EVIL_PICKLE, zip64: true, method: 'deflate' }], { zip64: true });
    const ctx = fakeContext();
    expect(await scan(zip, 'big.pt', ctx)).toEqual([]);
    expect(ctx.calls).toHaveLength(1);
    expect(ctx.calls[0]?.format).toBe('pickle');
  });

  it('parses a ZIP64 archive with bytes prepended, as Python zipfile does', async () => {
    const zip = writeZip([{ name: 'a.pkl', data: EVIL_PICKLE, zip64: true }], { zip64: true, prepend: text('MZ stub') });
    const ctx = fakeContext();
    expect(ruleHits(await scan(zip, 'p.zip', ctx))).toEqual(['zip/prepended-data:medium']);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual(['p.zip!a.pkl:pickle']);
  });

  it('finds members of an archive with a comment', async () => {
    const zip = writeZip([{ name: 'a.pkl', data: BENIGN_PICKLE }], { comment: 'saved by a tool' });
    const ctx = fakeContext();
    expect(await scan(zip, 'c.zip', ctx)).toEqual([]);
    expect(ctx.calls.map((c) => c.name)).toEqual(['c.zip!a.pkl']);
  });

  it('falls back past a fake end record hidden in the comment', async () => {
    const fake = 'PK\x05\x06' + '\x00'.repeat(18);
    const zip = writeZip([{ name: 'a.pkl', data: EVIL_PICKLE }], { comment: `junk ${fake}` });
    const ctx = fakeContext();
    // Python zipfile takes the fake (empty) record; the real entry is then only visible to other readers.
    const hits = ruleHits(await scan(zip, 'c.zip', ctx));
    expect(hits).toContain('zip/header-mismatch:high');
    expect(hits).toContain('zip/hidden-entry:high');
    expect(ctx.calls.map((c) => c.name)).toContain('c.zip!a.pkl');
  });
});

describe('zip scanner: record disagreements', () => {
  it('reports a local name that differs from the central one', async () => {
    const zip = writeZip([{ name: 'archive/data.pkl', data: EVIL_PICKLE, local: { name: 'archive/other.pkl' } }]);
    const findings = await scan(zip);
    expect(ruleHits(findings)).toContain('zip/header-mismatch:high');
  });

  it('reports flags set in one record only (the picklescan flag-bit bypass)', async () => {
    const zip = writeZip([{ name: 'data.pkl', data: EVIL_PICKLE, local: { flags: 0x1 } }]);
    const ctx = fakeContext();
    const hits = ruleHits(await scan(zip, 'm.zip', ctx));
    expect(hits).toContain('zip/header-mismatch:high');
    expect(hits).toContain('zip/encrypted:high');
    // Plain bytes under an encryption flag are still inspected.
    expect(ctx.calls.map((c) => c.format)).toEqual(['pickle']);
  });

  it('reports method and size disagreements', async () => {
    const zip = writeZip([{ name: 'a.bin', data: randomBytes(100), local: { method: 8, compressedSize: 7 } }]);
    const findings = await scan(zip);
    const f = findings.find((x) => x.ruleId === 'zip/header-mismatch');
    expect(f?.message).toMatch(/method 0 vs 8; .*compressed size 100 vs 7/);
  });

  it('reports a data descriptor that disagrees with the central record', async () => {
    const zip = writeZip([{ name: 'a.txt', data: text('hello'), descriptor: true, central: { crc: 1234 } }]);
    expect(ruleHits(await scan(zip))).toContain('zip/header-mismatch:high');
  });

  it('reports an end record whose entry count differs from the directory', async () => {
    const zip = writeZip([{ name: 'a.txt', data: text('a') }], { declaredEntries: 3 });
    const hits = ruleHits(await scan(zip));
    expect(hits).toContain('zip/header-mismatch:high');
    expect(hits).toContain('zip/malformed:medium');
  });

  it('reports a Unicode Path field that renames a member', async () => {
    const zip = writeZip([{ name: 'safe.txt', data: text('a'), unicodePath: '../../etc/evil' }]);
    const hits = ruleHits(await scan(zip));
    expect(hits).toContain('zip/header-mismatch:high');
    expect(hits).toContain('zip/path-traversal:high');
  });

  it('reports CRC mismatches on stored and deflated members but still scans them', async () => {
    const zip = writeZip([
      { name: 's.pkl', data: EVIL_PICKLE, central: { crc: 0xdeadbeef }, local: { crc: 0xdeadbeef } },
      { name: 'd.pkl', data: EVIL_PICKLE, method: 'deflate', central: { crc: 0xdeadbeef }, local: { crc: 0xdeadbeef } },
    ]);
    const ctx = fakeContext();
    const hits = ruleHits(await scan(zip, 'm.zip', ctx));
    expect(hits.filter((h) => h === 'zip/crc-mismatch:medium')).toHaveLength(2);
    expect(ctx.calls.map((c) => c.format)).toEqual(['pickle', 'pickle']);
  });
});

describe('zip scanner: names', () => {
  it.each([
    ['../evil.pkl', 'high'],
    ['/etc/cron.d/evil', 'high'],
    ['C:/Windows/evil.dll', 'high'],
    ['a/b/../../../evil', 'high'],
    ['..\\evil.pkl', 'high'],
    ['data.pkl\0.txt', 'high'],
    ['dir\\evil.pkl', 'medium'],
  ])('reports %j as path traversal (%s)', async (name, severity) => {
    const findings = await scan(writeZip([{ name, data: text('x') }]));
    expect(ruleHits(findings)).toContain(`zip/path-traversal:${severity}`);
  });

  it('reports duplicate names (high) and case-only duplicates (medium), scanning every copy', async () => {
    const zip = writeZip([
      { name: 'archive/data.pkl', data: BENIGN_PICKLE },
      { name: 'archive/data.pkl', data: EVIL_PICKLE },
      { name: 'archive/DATA.pkl', data: EVIL_PICKLE },
    ]);
    const ctx = fakeContext();
    const hits = ruleHits(await scan(zip, 'm.pt', ctx));
    expect(hits).toContain('zip/duplicate-name:high');
    expect(hits).toContain('zip/duplicate-name:medium');
    expect(ctx.calls).toHaveLength(3);
  });
});
