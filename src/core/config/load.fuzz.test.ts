import { describe, expect, it } from 'vitest';
import { ModelgateError } from '../errors.js';
import { parseConfig } from './load.js';

// A tiny seeded PRNG so failures reproduce.
function prng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return x / 2 ** 32;
  };
}

const VALID = `version: 1
models:
  tiny:
    source: ./models/tiny.gguf
    include: ["*.gguf", README.md]
  hosted:
    provider: openai-compatible
    model: deepseek-chat
    version: "2025-05-28"
scan:
  fail_on: high
  allow_globals: [mylib.layers.Block]
`;
const ALPHABET = ['\n', ' ', ':', '-', '[', ']', '{', '}', '"', "'", '&a', '*a', '!!binary', '#', '\t', 'x', '1', '\u0000', '\uFFFF', '%YAML'];

describe('parseConfig under random and mutated input', () => {
  it('either parses or throws a ModelgateError (never another error), quickly', () => {
    const rand = prng(1234);
    const started = Date.now();
    for (let i = 0; i < 3000; i++) {
      let text = VALID;
      const edits = 1 + Math.floor(rand() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * text.length);
        const op = rand();
        const piece = ALPHABET[Math.floor(rand() * ALPHABET.length)] ?? '';
        if (op < 0.4) text = text.slice(0, at) + piece + text.slice(at);
        else if (op < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 8));
        else text = text.slice(0, at) + text.slice(at, at + 20).repeat(3) + text.slice(at + 20);
      }
      try {
        parseConfig(text, 'modelgate.yaml');
      } catch (e) {
        if (!(e instanceof ModelgateError)) throw new Error(`input #${i} threw ${String(e)}:\n${text}`);
        expect(e.exitCode).toBe(2);
        expect(e.file).toBe('modelgate.yaml');
      }
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['version: 1', 'a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`), 'models: {}'].join('\n');
    expect(() => parseConfig(bomb, 'modelgate.yaml')).toThrow(ModelgateError);
  });
});
