import { describe, expect, it } from 'vitest';
import { ModelgateError } from '../../core/errors.js';
import { parseLock, serializeLock, type Lockfile } from './lockfile.js';

const LOCK: Lockfile = {
  lockfileVersion: 1,
  models: {
    b: { kind: 'hosted', provider: 'openai-compatible', model: 'deepseek-chat', version: '2025-05-28' },
    a: {
      kind: 'artifact',
      source: './m',
      revision: `sha256:${'0'.repeat(64)}`,
      files: [
        { path: 'z.bin', size: 3, sha256: 'a'.repeat(64), format: 'pickle' },
        { path: 'a.json', size: 2, sha256: 'b'.repeat(64), format: 'json' },
      ],
      card: { path: 'README.md', sha256: 'c'.repeat(64) },
    },
  },
};

describe('lockfile', () => {
  it('serializes sorted and stable, and round-trips', () => {
    const text = serializeLock(LOCK);
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(text.indexOf('a.json')).toBeLessThan(text.indexOf('z.bin'));
    expect(serializeLock(parseLock(text, 'modelgate.lock'))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('names the file and the path of every problem', () => {
    const bad = JSON.parse(serializeLock(LOCK));
    bad.models.a.files[0].sha256 = 'XYZ';
    expect(() => parseLock(JSON.stringify(bad), 'modelgate.lock')).toThrow(/models\.a\.files\.0\.sha256/);
  });

  it('never throws anything but a ModelgateError on mutated input', () => {
    const text = serializeLock(LOCK);
    let x = 99;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 3000; i++) {
      const chars = [...text];
      for (let e = 0; e < 3; e++) chars[Math.floor(rand() * chars.length)] = String.fromCharCode(Math.floor(rand() * 128));
      try {
        parseLock(chars.join(''), 'modelgate.lock');
      } catch (e) {
        expect(e).toBeInstanceOf(ModelgateError);
      }
    }
  });
});
