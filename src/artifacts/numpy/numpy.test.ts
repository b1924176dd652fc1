import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { writeNpy } from '../writers/npy-writer.js';
import { writeZip } from '../writers/zip-writer.js';
import { zipScanner } from '../zip/index.js';
import { fakeContext, ruleHits } from '../zip/test-support/fake-context.js';
import { EVIL_PICKLE, randomBytes } from '../zip/test-support/fixtures.js';
import { numpyScanner } from './index.js';
import { parsePyLiteral } from './py-literal.js';

const scan = (bytes: Uint8Array, name = 'a.npy', ctx = fakeContext()) => numpyScanner.scan(bufferSource(name, bytes), ctx);

describe('numpy scanner', () => {
  it.each([1, 2, 3] as const)('accepts a clean version %i.0 array without routing its data', async (version) => {
    const ctx = fakeContext();
    expect(await scan(writeNpy({ descr: '<f4', shape: [3, 4], data: randomBytes(48), version }), 'a.npy', ctx)).toEqual([]);
    expect(ctx.calls).toEqual([]);
  });

  it('reads structured dtypes with sub-array shapes and titles', async () => {
    const descr = "[(('title', 'a'), '<f8'), ('b', '<i4', (2, 3)), ('c', [('x', '|u1'), ('y', '<U2')])]";
    expect(await scan(writeNpy({ descr, shape: [2], data: randomBytes(2 * (8 + 24 + 9)) }))).toEqual([]);
  });

  it.each(['|O', '<O8'])('treats %s data as a pickle and scans it (medium)', async (descr) => {
    const ctx = fakeContext();
    expect(ruleHits(await scan(writeNpy({ descr, shape: [1], data: EVIL_PICKLE }), 'a.npy', ctx))).toEqual(['numpy/object-array:medium']);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual(['a.npy!object-data.pkl:pickle']);
  });

  it('finds object fields inside structured dtypes', async () => {
    const ctx = fakeContext();
    const npy = writeNpy({ descr: "[('w', '<f4'), ('meta', [('obj', '|O')])]", shape: [1], data: EVIL_PICKLE });
    expect(ruleHits(await scan(npy, 'a.npy', ctx))).toEqual(['numpy/object-array:medium']);
    expect(ctx.calls[0]?.format).toBe('pickle');
  });

  it('reports short data and scans extra bytes after the array (medium)', async () => {
    expect(ruleHits(await scan(writeNpy({ descr: '<f8', shape: [10], data: randomBytes(40) })))).toEqual(['numpy/size-mismatch:medium']);
    const ctx = fakeContext();
    const padded = writeNpy({ descr: '<f4', shape: [2], data: Uint8Array.from([...randomBytes(8), ...EVIL_PICKLE]) });
    expect(ruleHits(await scan(padded, 'a.npy', ctx))).toEqual(['numpy/size-mismatch:medium']);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual(['a.npy!trailing-data:pickle']);
  });

  it('routes array data only when it is in a known format', async () => {
    const ctx = fakeContext();
    await scan(writeNpy({ descr: '|u1', shape: [EVIL_PICKLE.length], data: EVIL_PICKLE }), 'a.npy', ctx);
    expect(ctx.calls.map((c) => `${c.name}:${c.format}`)).toEqual(['a.npy!array-data:pickle']);
  });

  it.each([
    ['unknown version', writeNpy({ descr: '<f4', shape: [0], version: 1 }).map((b, i) => (i === 6 ? 4 : b))],
    ['extra key', writeNpy({ descr: '', shape: [], header: "{'descr': '<f4', 'fortran_order': False, 'shape': (), 'x': 1}\n" })],
    ['missing key', writeNpy({ descr: '', shape: [], header: "{'descr': '<f4', 'shape': ()}\n" })],
    ['code', writeNpy({ descr: '', shape: [], header: "__import__('os').system('id')\n" })],
    ['non-bool order', writeNpy({ descr: '', shape: [], header: "{'descr': '<f4', 'fortran_order': 0, 'shape': ()}\n" })],
    ['negative shape', writeNpy({ descr: '', shape: [], header: "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,)}\n" })],
    ['bad dtype', writeNpy({ descr: '<z9', shape: [1] })],
    ['header past the end', writeNpy({ descr: '<f4', shape: [1] }).subarray(0, 30)],
  ])('reports a malformed header: %s (medium)', async (_what, bytes) => {
    expect(ruleHits(await scan(bytes))).toEqual(['numpy/malformed:medium']);
  });

  it('reports a header beyond numpy’s default size limit (low)', async () => {
    const descr = `[${Array.from({ length: 700 }, (_, i) => `('field_${i}', '<f4')`).join(', ')}]`;
    const npy = writeNpy({ descr, shape: [0], version: 2 });
    expect(ruleHits(await scan(npy))).toEqual(['numpy/malformed:low']);
  });

  it('scans .npz members through the zip scanner', async () => {
    const npz = writeZip([
      { name: 'weights.npy', data: writeNpy({ descr: '<f4', shape: [4], data: randomBytes(16) }), method: 'deflate' },
      { name: 'meta.npy', data: writeNpy({ descr: '|O', shape: [1], data: EVIL_PICKLE }), method: 'deflate' },
    ]);
    const ctx = fakeContext({ scanners: { zip: zipScanner, numpy: numpyScanner } });
    const findings = await zipScanner.scan(bufferSource('m.npz', npz), ctx);
    expect(findings.map((f) => `${f.file}:${f.ruleId}`)).toEqual(['m.npz!meta.npy:numpy/object-array']);
    expect(ctx.calls.map((c) => c.name)).toContain('m.npz!meta.npy!object-data.pkl');
  });
});

describe('numpy arrays too large to inflate', () => {
  it('accepts a plain-dtype .npz member over the member limit from its header alone', async () => {
    const big = writeNpy({ descr: '<f4', shape: [512 * 1024], data: randomBytes(2 * 1024 * 1024) });
    const npz = writeZip([{ name: 'emb.npy', data: big, method: 'deflate' }]);
    const ctx = fakeContext({ budget: { maxMemberBytes: 1024 * 1024 } });
    expect(await zipScanner.scan(bufferSource('emb.npz', npz), ctx)).toEqual([]);
  });

  it('still reports an object array over the member limit (medium)', async () => {
    const big = writeNpy({ descr: '|O', shape: [1], data: Uint8Array.from([...EVIL_PICKLE, ...randomBytes(2 * 1024 * 1024)]) });
    const npz = writeZip([{ name: 'obj.npy', data: big, method: 'deflate' }]);
    const ctx = fakeContext({ budget: { maxMemberBytes: 1024 * 1024 } });
    expect(ruleHits(await zipScanner.scan(bufferSource('o.npz', npz), ctx))).toEqual(['zip/bomb:medium']);
  });
});

describe('python literal parser', () => {
  it('parses the header subset', () => {
    const r = parsePyLiteral("{'a': (3,), \"b\": (3), 'c': [1, -2, 3L], 'd': None, 'e': 'it\\'s', 'f': ()}");
    expect(r.ok && r.value.kind === 'dict' ? r.value.entries.map(([, v]) => v.kind) : r).toEqual(['tuple', 'int', 'list', 'none', 'str', 'tuple']);
  });

  it('rejects what is not a literal, and deep nesting', () => {
    expect(parsePyLiteral('os.system("id")').ok).toBe(false);
    expect(parsePyLiteral('1.5').ok).toBe(false);
    expect(parsePyLiteral("{'a': 1").ok).toBe(false);
    expect(parsePyLiteral(`${'['.repeat(100)}${']'.repeat(100)}`).ok).toBe(false);
    expect(parsePyLiteral(`${'['.repeat(20)}${']'.repeat(20)}`).ok).toBe(true);
  });
});
