import { describe, expect, it } from 'vitest';
import { PickleBuilder, longBytes, maliciousPickle, rawUnicodeEscape, torchLikeStateDict, writeTuple } from './pickle-writer.js';

const ascii = (b: Uint8Array) => String.fromCharCode(...b);

describe('PickleBuilder', () => {
  it('writes the classic protocol-0 payload byte for byte', () => {
    expect(ascii(maliciousPickle('ls', { protocol: 0 }))).toBe("cos\nsystem\n(S'ls'\ntR.");
  });

  it('escapes quotes and backslashes in protocol-0 STRING bodies', () => {
    expect(ascii(maliciousPickle("a'b\\", { protocol: 0 }))).toBe("cos\nsystem\n(S'a\\'b\\\\'\ntR.");
  });

  it('emits PROTO and STACK_GLOBAL with memoized strings from protocol 4', () => {
    const b = maliciousPickle('id', { protocol: 4 });
    expect([...b.subarray(0, 4)]).toEqual([0x80, 4, 0x8c, 2]);
    expect(ascii(b)).toContain('\x8c\x02os\x94\x8c\x06system\x94\x93\x94');
    expect(b[b.length - 1]).toBe(0x2e);
  });

  it('chooses int opcodes like CPython', () => {
    const bytes = (p: number, v: number | bigint) => [...new PickleBuilder({ protocol: p, header: false }).int(v).toBytes()];
    expect(bytes(2, 5)).toEqual([0x4b, 5]);
    expect(bytes(2, 300)).toEqual([0x4d, 0x2c, 0x01]);
    expect(bytes(2, -1)).toEqual([0x4a, 0xff, 0xff, 0xff, 0xff]);
    expect(bytes(2, 2n ** 40n)).toEqual([0x8a, 6, 0, 0, 0, 0, 0, 1]);
    expect(ascii(Uint8Array.from(bytes(0, 7)))).toBe('I7\n');
  });

  it('encodes LONG bytes as little-endian two\'s complement', () => {
    expect([...longBytes(0n)]).toEqual([]);
    expect([...longBytes(255n)]).toEqual([0xff, 0]);
    expect([...longBytes(-1n)]).toEqual([0xff]);
    expect([...longBytes(-256n)]).toEqual([0, 0xff]);
  });

  it('writes UNICODE lines as raw-unicode-escape Latin-1', () => {
    expect(rawUnicodeEscape('h\u00e9\u1234\n\\\u{1f600}')).toBe('h\u00e9\\u1234\\u000a\\u005c\\U0001f600');
    const b = new PickleBuilder({ protocol: 0 }).str('\u00e9').toBytes();
    expect([...b]).toEqual([0x56, 0xe9, 0x0a]);
  });

  it('memoizes per protocol and reads back with the matching GET', () => {
    const p0 = new PickleBuilder({ protocol: 0 }).none().memo().get(0).toBytes();
    expect(ascii(p0)).toBe('Np0\ng0\n');
    const p2 = new PickleBuilder({ protocol: 2, header: false }).none().memo().get(0).toBytes();
    expect([...p2]).toEqual([0x4e, 0x71, 0, 0x68, 0]);
    const p4 = new PickleBuilder({ protocol: 4, header: false }).none().memo().get(0).toBytes();
    expect([...p4]).toEqual([0x4e, 0x94, 0x68, 0]);
  });

  it('writes short tuples with TUPLE1-3 from protocol 2 and MARK/TUPLE otherwise', () => {
    const one = (q: PickleBuilder) => void q.none();
    expect([...writeTuple(new PickleBuilder({ protocol: 2, header: false }), [one, one]).toBytes()]).toEqual([0x4e, 0x4e, 0x86, 0x71, 0]);
    expect(ascii(writeTuple(new PickleBuilder({ protocol: 1 }), [one]).toBytes())).toBe('(Ntq\x00');
  });

  it('reset keeps the memo count for streams written in pieces', () => {
    const p = new PickleBuilder({ protocol: 4, header: false }).none().memo();
    p.reset().none().memo((i) => expect(i).toBe(1));
  });
});

describe('torchLikeStateDict', () => {
  const pkl = torchLikeStateDict([
    { name: 'fc.weight', shape: [4, 8] },
    { name: 'fc.bias', shape: [4], storage: 'HalfStorage' },
  ]);
  const text = ascii(pkl);

  it('looks like torch.save protocol 2 output', () => {
    expect([...pkl.subarray(0, 2)]).toEqual([0x80, 2]);
    expect(text.startsWith('\x80\x02ccollections\nOrderedDict\nq\x00)R')).toBe(true);
    expect(text).toContain('ctorch._utils\n_rebuild_tensor_v2\n');
    expect(text).toContain('ctorch\nFloatStorage\n');
    expect(text).toContain('ctorch\nHalfStorage\n');
    expect(text).toContain('X\x07\x00\x00\x00storage');
    expect(text).toContain('Q'); // BINPERSID
    expect(text).toContain('X\x09\x00\x00\x00_metadata');
    expect(pkl[pkl.length - 1]).toBe(0x2e);
  });

  it('refuses protocol 0, which has no BINPERSID', () => {
    expect(() => torchLikeStateDict([], { protocol: 0 })).toThrow(/protocol 1/);
  });
});
