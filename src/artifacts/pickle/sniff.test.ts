import { describe, expect, it } from 'vitest';
import { PickleBuilder, maliciousPickle, torchLikeStateDict } from '../writers/pickle-writer.js';
import { sniffPickle } from './sniff.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffPickle', () => {
  it('recognises protocol 2+ by PROTO', () => {
    expect(sniffPickle(torchLikeStateDict([{ name: 'w', shape: [2] }]))).toBe(true);
    expect(sniffPickle(Uint8Array.of(0x80, 5))).toBe(true);
    expect(sniffPickle(Uint8Array.of(0x80, 6, 0x2e))).toBe(false);
    expect(sniffPickle(Uint8Array.of(0x80))).toBe(false);
  });

  it('recognises protocol 0 and 1 streams by trial parse', () => {
    expect(sniffPickle(text("cos\nsystem\n(S'ls'\ntR."))).toBe(true);
    expect(sniffPickle(maliciousPickle('id', { protocol: 1, }))).toBe(true);
    expect(sniffPickle(text('(dp0\nVkey\np1\nI42\ns.'))).toBe(true);
    expect(sniffPickle(new PickleBuilder({ protocol: 1 }).emptyDict().binput(0).mark().binunicode('a').int(1).setitems().stop().toBytes())).toBe(true);
    expect(sniffPickle(text('N.'))).toBe(true);
  });

  it('recognises a payload that breaks after it has run', () => {
    expect(sniffPickle(text("cos\nsystem\n(S'ls'\ntR\xff garbage"))).toBe(true);
    expect(sniffPickle(text("(S'ls'\nios\nsystem\n"))).toBe(true);
  });

  it('recognises a long protocol-0 stream cut by the prefix window', () => {
    const p = new PickleBuilder({ protocol: 0 }).mark().dict().memo();
    for (let i = 0; i < 200; i++) p.str(`key${i}`).memo().int(i).setitem();
    expect(sniffPickle(p.toBytes().subarray(0, 4096))).toBe(true);
  });

  it('does not call ordinary text a pickle', () => {
    const samples = [
      'hello world\n',
      'cats\ndogs\nbirds\nfish\n',
      'config:\n  value: 1\n',
      '# README\n\nSome text.\n',
      '{"a": 1}',
      'import os\nos.system("ls")\n',
      'I think therefore I am.\n',
      'Version 1.0\nChanges: none\n',
      '(this is a note)\n',
      'N',
      'Note.',
      'lorem ipsum '.repeat(400),
      'a\nb\nc\n'.repeat(600),
      '',
    ];
    for (const s of samples) expect(sniffPickle(text(s)), JSON.stringify(s.slice(0, 30))).toBe(false);
  });

  it('does not call random binary a pickle', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    let hits = 0;
    for (let i = 0; i < 2000; i++) {
      const b = Uint8Array.from({ length: 256 }, rnd);
      if (b[0] === 0x80) b[0] = 0;
      if (sniffPickle(b)) hits++;
    }
    expect(hits).toBe(0);
  });
});
