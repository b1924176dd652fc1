import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../core/findings.js';
import { bufferSource } from '../io/byte-source.js';
import { PickleBuilder, maliciousPickle, torchLikeStateDict } from '../writers/pickle-writer.js';
import { PICKLE_RULES, scanPickleAt, scanPickleFile, sniffPickle } from './index.js';
import { joblibDump, legacyTorchSave } from './test-support/fixtures.js';
import { pickleContext } from './test-support/helpers.js';
import { mulberry32 } from '../../core/seeded-random.js';


const CORPUS: Uint8Array[] = [
  torchLikeStateDict([{ name: 'a', shape: [2, 2] }, { name: 'b', shape: [3] }]),
  torchLikeStateDict([{ name: 'a', shape: [2] }], { protocol: 4 }),
  maliciousPickle('id', { protocol: 0 }),
  maliciousPickle('id', { protocol: 4 }),
  legacyTorchSave([{ name: 'w', shape: [2, 2] }]),
  joblibDump([{ shape: [2], typestr: 'f8', payload: new Uint8Array(16) }]),
  new PickleBuilder({ protocol: 0 }).mark().dict().str('k').memo().intLine('12').setitem().unicode('\\u0041').string('\\x41').tuple2().stop().toBytes(),
  new PickleBuilder({ protocol: 5 }).nextBuffer().readonlyBuffer().ext1(3).frame(3).emptySet().mark().none().additems().stop().toBytes(),
];

// Opcode bytes are the interesting ones to inject; ~1/3 of injected bytes are random.
const OPCODE_BYTES = [...'(.012FIJKLMNPQRSTVXabcd}eghijl]opqrst)uG'].map((c) => c.charCodeAt(0)).concat(Array.from({ length: 25 }, (_, i) => 0x80 + i));

function mutate(rand: () => number, input: Uint8Array): Uint8Array {
  const b = [...input];
  const edits = 1 + Math.floor(rand() * 6);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (b.length + 1));
    const pick = rand();
    const byte = rand() < 0.66 ? (OPCODE_BYTES[Math.floor(rand() * OPCODE_BYTES.length)] ?? 0) : Math.floor(rand() * 256);
    if (pick < 0.3) b[at] = byte;
    else if (pick < 0.55) b.splice(at, 0, byte);
    else if (pick < 0.7) b.splice(at, 1 + Math.floor(rand() * 8));
    else if (pick < 0.8) b.length = Math.min(b.length, at);
    else if (pick < 0.9) b.splice(at, 0, ...b.slice(Math.floor(rand() * b.length)).slice(0, 1 + Math.floor(rand() * 32)));
    else b.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rand() * 9) }, () => (rand() < 0.5 ? 0xff : 0)));
  }
  return Uint8Array.from(b);
}

const RULE_IDS = new Set<string>(PICKLE_RULES.map((r) => r.id));

describe('fuzz', () => {
  it('scanPickleAt and scanPickleFile never throw and always terminate on random and mutated input', async () => {
    const rand = mulberry32(20240917);
    const started = Date.now();
    for (let i = 0; i < 3000; i++) {
      const base = CORPUS[i % CORPUS.length] ?? new Uint8Array(0);
      const input =
        i % 5 === 0
          ? Uint8Array.from({ length: Math.floor(rand() * 300) }, () => (rand() < 0.5 ? (OPCODE_BYTES[Math.floor(rand() * OPCODE_BYTES.length)] ?? 0) : Math.floor(rand() * 256)))
          : mutate(rand, base);
      const src = bufferSource(`fuzz-${i}.pkl`, input);
      const at = await scanPickleAt(src, 0, pickleContext());
      const all = await scanPickleFile(src, pickleContext());
      sniffPickle(input);
      for (const f of [...at.findings, ...all]) {
        if (!f.ruleId.startsWith('pickle/')) continue;
        expect(RULE_IDS.has(f.ruleId), f.ruleId).toBe(true);
        expect(SEVERITIES).toContain(f.severity);
      }
      if (at.end !== undefined) expect(at.end).toBeLessThanOrEqual(input.length);
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
