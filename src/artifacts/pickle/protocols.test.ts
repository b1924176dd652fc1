import { describe, expect, it } from 'vitest';
import { PickleBuilder, maliciousPickle, torchLikeStateDict, writeTuple } from '../writers/pickle-writer.js';
import { scanBytes, summary } from './test-support/helpers.js';

const TENSORS = [
  { name: 'embed.weight', shape: [16, 8] },
  { name: 'layers.0.attn.q_proj.weight', shape: [8, 8], storage: 'BFloat16Storage' },
  { name: 'layers.0.attn.q_proj.bias', shape: [8] },
  { name: 'lm_head.weight', shape: [16, 8] },
];

// A dict of plain values plus a set and a complex number, as each protocol writes them.
function plainObject(protocol: number): Uint8Array {
  const p = new PickleBuilder({ protocol });
  const batched = protocol >= 1;
  (batched ? p.emptyDict() : p.mark().dict()).memo();
  if (batched) p.mark();
  const item = (key: string, value: () => void) => {
    p.str(key).memo();
    value();
    if (!batched) p.setitem();
  };
  item('name', () => p.str('model').memo());
  item('sizes', () => writeTuple(p, [1, 2, 300].map((n) => (q: PickleBuilder) => void q.int(n))));
  item('tags', () => {
    if (protocol >= 4) p.emptySet().memo().mark().str('a').memo().str('b').memo().additems();
    else p.import(protocol < 3 ? '__builtin__' : 'builtins', 'set').memo().mark().str('a').memo().str('b').memo().list().memo().tuple1().reduce().memo();
  });
  item('z', () => p.import('builtins', 'complex').memo().floatLine('1.5').floatLine('2.0').tuple2().reduce().memo());
  if (batched) p.setitems();
  return p.stop().toBytes();
}

describe('pickle protocols 0-5', () => {
  for (const protocol of [0, 1, 2, 3, 4, 5]) {
    it(`protocol ${protocol}: plain data is clean`, async () => {
      expect(summary(await scanBytes(plainObject(protocol)))).toEqual([]);
    });

    it(`protocol ${protocol}: os.system is critical at import and call`, async () => {
      const f = await scanBytes(maliciousPickle('id', { protocol }));
      expect(summary(f)).toEqual(['pickle/dangerous-import critical os.system', 'pickle/unsafe-call critical os.system']);
      const call = f.find((x) => x.ruleId === 'pickle/unsafe-call');
      expect(call?.message).toMatch(/calls os\.system via REDUCE/);
      expect(call?.message).toMatch(/runs shell commands/);
      expect(call?.location?.opcode).toBeGreaterThan(0);
    });

    if (protocol >= 1) {
      it(`protocol ${protocol}: a torch state dict is clean`, async () => {
        expect(await scanBytes(torchLikeStateDict(TENSORS, { protocol }))).toEqual([]);
      });
    }
  }

  it('plain-Python values as CPython writes them are clean (defaultdict(list), bytearray, empty bytes)', async () => {
    for (const protocol of [0, 2]) {
      const p = new PickleBuilder({ protocol }).mark();
      p.import('collections', 'defaultdict').memo();
      writeTuple(p, [(q) => void q.import('__builtin__', 'list').memo()]).reduce().memo();
      p.import('__builtin__', 'bytearray').memo();
      const encode = (q: PickleBuilder) => {
        q.import('_codecs', 'encode').memo();
        writeTuple(q, [(r) => void r.str('ab').memo(), (r) => void r.str('latin1').memo()]).reduce().memo();
      };
      writeTuple(p, [encode]).reduce().memo();
      p.import('__builtin__', 'bytes').memo().emptyTuple().reduce().memo();
      p.tuple().stop();
      expect(await scanBytes(p.toBytes()), `protocol ${protocol}`).toEqual([]);
    }
  });

  it('protocol 4 with one FRAME around the body is clean', async () => {
    const body = new PickleBuilder({ protocol: 4, header: false }).str('x').memo().stop().toBytes();
    const framed = new PickleBuilder({ protocol: 4 }).frame(body.length).raw(body).toBytes();
    expect(await scanBytes(framed)).toEqual([]);
  });

  it('protocol 5 out-of-band buffers are data, not calls', async () => {
    const b = new PickleBuilder({ protocol: 5 }).nextBuffer().readonlyBuffer().bytearray8(Uint8Array.of(1, 2)).tuple2().stop().toBytes();
    expect(await scanBytes(b)).toEqual([]);
  });

  it('reports the exact opcode index and byte offset of the import', async () => {
    const f = await scanBytes(maliciousPickle('id', { protocol: 2 }));
    expect(f.find((x) => x.ruleId === 'pickle/dangerous-import')?.location).toEqual({ opcode: 1, offset: 2 });
    expect(f[0]?.file).toBe('test.pkl');
  });
});
