import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { writeTar } from '../writers/tar-writer.js';
import { writeZip } from '../writers/zip-writer.js';
import { zipScanner } from '../zip/index.js';
import { fakeContext, ruleHits } from '../zip/test-support/fake-context.js';
import { BENIGN_PICKLE, EVIL_PICKLE, text } from '../zip/test-support/fixtures.js';
import { tarScanner } from './index.js';

const scan = (bytes: Uint8Array, name = 'x.tar', ctx = fakeContext()) => tarScanner.scan(bufferSource(name, bytes), ctx);

describe('tar scanner: structure', () => {
  it('routes regular members as windows and reports nothing for a clean archive', async () => {
    const ctx = fakeContext();
    const tar = writeTar([{ name: 'model/', type: '5' }, { name: 'model/a.pkl', data: BENIGN_PICKLE }, { name: 'model/readme.txt', data: text('hi') }]);
    expect(await scan(tar, 'x.tar', ctx)).toEqual([]);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}:${c.size}`)).toEqual(['x.tar!model/a.pkl:pickle:5', 'x.tar!model/readme.txt:text:2']);
  });

  it('applies GNU long names, pax paths and ustar prefixes', async () => {
    const long = `${'d'.repeat(90)}/${'e'.repeat(60)}/payload.pkl`;
    const ctx = fakeContext();
    const tar = writeTar([
      { name: `gnu/${long}`, data: EVIL_PICKLE, longName: 'gnu' },
      { name: `pax/${long}`, data: EVIL_PICKLE, longName: 'pax' },
      { name: `pre/${long}`, data: EVIL_PICKLE, longName: 'prefix' },
    ]);
    expect(await scan(tar, 'x.tar', ctx)).toEqual([]);
    expect(ctx.calls.map((c) => c.name)).toEqual([`x.tar!gnu/${long}`, `x.tar!pax/${long}`, `x.tar!pre/${long}`]);
  });

  it('reads base-256 size fields', async () => {
    const ctx = fakeContext();
    await scan(writeTar([{ name: 'a.pkl', data: EVIL_PICKLE, base256: true }]), 'x.tar', ctx);
    expect(ctx.calls.map((c) => c.size)).toEqual([EVIL_PICKLE.length]);
  });

  it('reports a size beyond the file (high) and a bad checksum (medium)', async () => {
    const truncated = writeTar([{ name: 'a.bin', data: text('abc'), sizeField: 1_000_000 }], { noEnd: true });
    expect(ruleHits(await scan(truncated))).toContain('tar/malformed:high');
    const bad = writeTar([{ name: 'a.bin', data: text('abc') }, { name: 'b.bin', data: text('abc'), checksum: 1 }]);
    expect(ruleHits(await scan(bad))).toEqual(['tar/malformed:medium']);
  });

  it('reports a pax size that contradicts the header size (high)', async () => {
    const tar = writeTar([{ name: 'a.pkl', data: EVIL_PICKLE, sizeField: 3, pax: { size: String(EVIL_PICKLE.length) } }]);
    const ctx = fakeContext();
    expect(ruleHits(await scan(tar, 'x.tar', ctx))).toEqual(['tar/header-mismatch:high']);
    expect(ctx.calls.map((c) => c.size)).toEqual([EVIL_PICKLE.length]);
  });

  it('reports and scans members after the end-of-archive marker', async () => {
    const hidden = writeTar([{ name: 'hidden.pkl', data: EVIL_PICKLE }]);
    const ctx = fakeContext();
    const tar = writeTar([{ name: 'a.txt', data: text('a') }], { trailing: hidden });
    expect(ruleHits(await scan(tar, 'x.tar', ctx))).toEqual(['tar/trailing-data:medium']);
    expect(ctx.calls.map((c) => c.name)).toContain('x.tar!hidden.pkl');
  });
});

describe('tar scanner: limits', () => {
  it('skips megabytes of zero padding in large reads and still finds a member after it', async () => {
    const tail = writeTar([{ name: 'late.pkl', data: EVIL_PICKLE }]);
    const padding = new Uint8Array(32 * 1024 * 1024 + tail.length);
    padding.set(tail, 32 * 1024 * 1024);
    const tar = writeTar([{ name: 'a.txt', data: text('a') }], { trailing: padding });
    const ctx = fakeContext();
    const started = Date.now();
    expect(ruleHits(await scan(tar, 'x.tar', ctx))).toEqual(['tar/trailing-data:medium']);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(ctx.calls.map((c) => c.name)).toContain('x.tar!late.pkl');
  });

  it('stops at the scan deadline and says so', async () => {
    const ctx = fakeContext({ budget: { deadline: Date.now() - 1 } });
    expect(ruleHits(await scan(writeTar([{ name: 'a.pkl', data: EVIL_PICKLE }]), 'x.tar', ctx))).toEqual(['scan/deadline:high']);
  });
});

describe('tar scanner: names and member types', () => {
  it.each([
    ['../evil.pkl', 'high'],
    ['/etc/evil', 'high'],
    ['a\\b.pkl', 'medium'],
  ])('reports %j as path traversal (%s)', async (name, severity) => {
    expect(ruleHits(await scan(writeTar([{ name, data: text('x') }])))).toContain(`tar/path-traversal:${severity}`);
  });

  it('reports links (medium, high when they leave the folder) and special files', async () => {
    const tar = writeTar([
      { name: 'model/pickle', type: '2', linkname: 'evil.pkl' },
      { name: 'model/passwd', type: '2', linkname: '../../etc/passwd' },
      { name: 'model/hard', type: '1', linkname: '/etc/shadow' },
      { name: 'model/dev', type: '3' },
      { name: 'model/fifo', type: '6' },
    ]);
    expect(ruleHits(await scan(tar))).toEqual([
      'tar/link:medium',
      'tar/link:high',
      'tar/link:high',
      'tar/special-file:medium',
      'tar/special-file:medium',
    ]);
  });

  it('reports duplicate names (high) and scans both copies', async () => {
    const ctx = fakeContext();
    const tar = writeTar([{ name: 'pickle', data: BENIGN_PICKLE }, { name: './pickle', data: EVIL_PICKLE }]);
    expect(ruleHits(await scan(tar, 'x.tar', ctx))).toEqual(['tar/duplicate-name:high']);
    expect(ctx.calls).toHaveLength(2);
  });
});

describe('tar scanner: nesting', () => {
  it('finds a pickle in a zip within a zip within a tar', async () => {
    const inner = writeZip([{ name: 'evil.pkl', data: EVIL_PICKLE, method: 'deflate' }]);
    const outer = writeZip([{ name: 'inner.zip', data: inner, method: 'deflate' }]);
    const tar = writeTar([{ name: 'outer.zip', data: outer }]);
    const ctx = fakeContext({ scanners: { zip: zipScanner, tar: tarScanner } });
    expect(await scan(tar, 'x.tar', ctx)).toEqual([]);
    const last = ctx.calls[ctx.calls.length - 1];
    expect(last).toMatchObject({ name: 'x.tar!outer.zip!inner.zip!evil.pkl', format: 'pickle', depth: 3 });
  });
});
