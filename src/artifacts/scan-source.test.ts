import { describe, expect, it } from 'vitest';
import { bufferSource } from './io/byte-source.js';
import { defaultBudget } from './scanner.js';
import { scanSource } from './scan-source.js';
import { writeTar } from './writers/tar-writer.js';
import { maliciousPickle } from './writers/pickle-writer.js';
import { writeZip } from './writers/zip-writer.js';

const settings = { allowGlobals: new Set<string>() };
const scan = (name: string, bytes: Uint8Array, budget = defaultBudget()) => scanSource(bufferSource(name, bytes), 0, budget, settings);
const enc = (s: string) => new TextEncoder().encode(s);

describe('scanSource dispatcher', () => {
  it('scans a tar whose header is also a protocol-0 pickle as both', async () => {
    // The first member's name is a complete pickle that runs posix.system: unpickling the file would run it.
    const polyglot = writeTar([{ name: "cposix\nsystem\n(S'id'\ntR.", data: enc('x') }]);
    const res = await scan('weights.tar', polyglot);
    expect(res.format).toBe('tar');
    const ids = res.findings.map((f) => `${f.ruleId}:${f.severity}`);
    expect(ids).toContain('format/pickle-polyglot:high');
    expect(res.findings.some((f) => f.ruleId === 'pickle/dangerous-import' && f.evidence?.includes('posix.system'))).toBe(true);
  });

  it('does not call ordinary archives polyglots', async () => {
    const res = await scan('ok.tar', writeTar([{ name: 'config.json', data: enc('{}') }]));
    expect(res.findings.filter((f) => f.ruleId === 'format/pickle-polyglot')).toEqual([]);
  });

  it('flags a pickle hidden under a model extension and still scans it', async () => {
    const res = await scan('model.safetensors', maliciousPickle('id'));
    expect(res.format).toBe('pickle');
    expect(res.findings.find((f) => f.ruleId === 'format/name-mismatch')?.severity).toBe('high');
    expect(res.findings.some((f) => f.ruleId === 'pickle/dangerous-import' && f.severity === 'critical')).toBe(true);
  });

  it('stops at the nesting limit with a finding', async () => {
    let inner: Uint8Array = maliciousPickle('id');
    for (let i = 0; i < 4; i++) inner = writeZip([{ name: `level${i}.zip`, data: inner }]);
    const res = await scan('deep.zip', inner, { ...defaultBudget(), maxDepth: 2 });
    expect(res.findings.some((f) => f.ruleId === 'archive/too-deep' && f.severity === 'high')).toBe(true);
  });

  it('reports binary noise under a model name through that format\'s scanner', async () => {
    const res = await scan('model.safetensors', Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256));
    expect(res.findings.some((f) => f.ruleId.startsWith('safetensors/'))).toBe(true);
  });
});
