import { describe, expect, it } from 'vitest';
import { tarScanner } from '../tar/index.js';
import { bufferSource } from '../io/byte-source.js';
import { writeTar } from '../writers/tar-writer.js';
import { fakeContext, ruleHits } from '../zip/test-support/fake-context.js';
import { BENIGN_PICKLE, text } from '../zip/test-support/fixtures.js';
import { pickleEnd, pickledCount } from './pickle-extent.js';

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])));
const u64 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff, 0, 0, 0, 0];
const str = (s: string) => bytes('X', [s.length, 0, 0, 0], s);

const COUNT2 = bytes([0x80, 2], 'K', [2], '.');
const RECORD = bytes([0x80, 2], str('0'), str('cpu'), 'ctorch\nFloatStorage\n', [0x87], '.');
// Calls os.system('FloatStorage'): the walk still finds the element size in it.
const EVIL_RECORD = bytes([0x80, 2], 'cos\nsystem\n', str('FloatStorage'), [0x85], 'R.');
const VIEWS = bytes([0x80, 2], ']', '.');

function storages(second = EVIL_RECORD): Uint8Array {
  return bytes(COUNT2, RECORD, u64(3), new Uint8Array(12), second, u64(1), new Uint8Array(4), VIEWS);
}

describe('pickle extent', () => {
  it('steps over every argument kind and stops after STOP', () => {
    expect(pickleEnd(RECORD)).toBe(RECORD.length);
    expect(pickleEnd(bytes(EVIL_RECORD, 'trailing raw bytes'))).toBe(EVIL_RECORD.length);
    expect(pickleEnd(bytes('I12\n.'))).toBe(5);
    expect(pickleEnd(bytes('(dp0\nS\'a\'\np1\nI1\ns.'))).toBe(18);
    expect(pickleEnd(bytes([0x80, 4, 0x95], u64(3), [0x8c, 1], 'a.'))).toBe(15);
    expect(pickleEnd(bytes([0x80, 2], 'X', [0xff, 0xff, 0xff, 0x7f]))).toBeUndefined();
    expect(pickleEnd(bytes([0xff]))).toBeUndefined();
  });

  it('reads the small counts torch pickles', () => {
    expect(pickledCount(COUNT2)).toBe(2);
    expect(pickledCount(bytes([0x80, 2], 'M', [1, 1], '.'))).toBe(257);
    expect(pickledCount(bytes('I7\n.'))).toBe(7);
    expect(pickledCount(RECORD)).toBeUndefined();
  });
});

describe('legacy torch tar', () => {
  it('scans every pickle inside storages and tensors, not just the first', async () => {
    const tensors = bytes([0x80, 2], 'K', [1], '.', RECORD, [2, 0, 0, 0, 0, 0, 0, 0], new Uint8Array(40));
    const tar = writeTar([
      { name: 'sys_info', data: BENIGN_PICKLE },
      { name: 'storages', data: storages() },
      { name: 'tensors', data: tensors },
      { name: 'pickle', data: BENIGN_PICKLE },
    ]);
    const ctx = fakeContext();
    expect(await tarScanner.scan(bufferSource('old.pt', tar), ctx)).toEqual([]);
    const evilAt = COUNT2.length + RECORD.length + 8 + 12;
    expect(ctx.calls.map((c) => c.name)).toEqual([
      'old.pt!sys_info',
      'old.pt!storages@0',
      `old.pt!storages@${COUNT2.length}`,
      `old.pt!storages@${evilAt}`,
      `old.pt!storages@${evilAt + EVIL_RECORD.length + 12}`,
      'old.pt!tensors@0',
      'old.pt!tensors@5',
      'old.pt!pickle',
    ]);
    expect(ctx.calls.every((c) => c.format === 'pickle')).toBe(true);
  });

  it('reports a walk it cannot finish (medium) and still checks the rest', async () => {
    const broken = bytes([0x80, 2], 'cos\nsystem\n', str('id'), [0x85], 'R.');
    const tar = writeTar([{ name: 'storages', data: storages(broken) }]);
    const ctx = fakeContext();
    expect(ruleHits(await tarScanner.scan(bufferSource('old.pt', tar), ctx))).toEqual(['torch/legacy-unparsed:medium']);
    expect(ctx.calls.filter((c) => c.format === 'pickle')).toHaveLength(3);
  });

  it('scans a member named storages that is not a legacy record as a whole', async () => {
    const ctx = fakeContext();
    await tarScanner.scan(bufferSource('x.tar', writeTar([{ name: 'storages', data: text('just text') }])), ctx);
    expect(ctx.calls.map((c) => c.name)).toEqual(['x.tar!storages']);
  });
});
