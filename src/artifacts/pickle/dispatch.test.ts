import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { defaultBudget } from '../scanner.js';
import { scanSource } from '../scan-source.js';
import { maliciousPickle, torchLikeStateDict } from '../writers/pickle-writer.js';
import { summary } from './test-support/helpers.js';

const scan = (name: string, bytes: Uint8Array) => scanSource(bufferSource(name, bytes), 0, defaultBudget(), { allowGlobals: new Set() });

describe('pickle scanner through the dispatcher', () => {
  it('finds a protocol-0 payload hiding in a .txt file', async () => {
    const r = await scan('notes.txt', maliciousPickle('ls', { protocol: 0 }));
    expect(r.format).toBe('pickle');
    expect(summary(r.findings)).toEqual([
      'format/name-mismatch high notes.txt',
      'pickle/dangerous-import critical os.system',
      'pickle/unsafe-call critical os.system',
    ]);
  });

  it('passes a clean state dict saved as .pkl', async () => {
    const r = await scan('weights.pkl', torchLikeStateDict([{ name: 'w', shape: [2, 2] }]));
    expect(r).toEqual({ format: 'pickle', findings: [] });
  });

  it('leaves ordinary text alone', async () => {
    const r = await scan('README.md', new TextEncoder().encode('cats\ndogs\nbirds\n'));
    expect(r.format).toBe('text');
    expect(r.findings.filter((f) => f.ruleId.startsWith('pickle/'))).toEqual([]);
  });
});
