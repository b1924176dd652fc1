import { describe, expect, it } from 'vitest';
import { bufferSource } from '../io/byte-source.js';
import { maliciousPickle, torchLikeStateDict } from '../writers/pickle-writer.js';
import { scanPickleAt } from './index.js';
import { legacyTorchSave } from './test-support/fixtures.js';
import { ofRule, pickleContext, scanBytes, summary } from './test-support/helpers.js';

const TENSORS = [
  { name: 'w', shape: [3, 4] },
  { name: 'b', shape: [3] },
];

describe('legacy torch saves (five pickles, then storages)', () => {
  it('a clean legacy save has no findings, storage bytes included', async () => {
    const nested: string[] = [];
    expect(await scanBytes(legacyTorchSave(TENSORS), { name: 'model.pt', nested })).toEqual([]);
    expect(nested).toEqual([]);
  });

  it('a malicious object pickle inside the sequence is flagged with its real offset', async () => {
    const file = legacyTorchSave(TENSORS, { object: maliciousPickle('id', { protocol: 2 }) });
    const f = await scanBytes(file, { name: 'model.pt' });
    expect(summary(f)).toEqual(['pickle/dangerous-import critical os.system', 'pickle/unsafe-call critical os.system']);
    const offset = ofRule(f, 'pickle/dangerous-import')[0]?.location?.offset ?? 0;
    expect(String.fromCharCode(...file.subarray(offset, offset + 11))).toBe('cos\nsystem\n');
  });

  it('a payload in the storage-keys pickle is found too', async () => {
    const withEvil = legacyTorchSave(TENSORS, { keys: maliciousPickle('id') });
    expect(summary(await scanBytes(withEvil))).toEqual(['pickle/dangerous-import critical os.system', 'pickle/unsafe-call critical os.system']);
  });

  it('a truncated sequence reports the break', async () => {
    const file = legacyTorchSave(TENSORS);
    const cut = file.subarray(0, 40);
    expect(summary(await scanBytes(cut))).toEqual(['pickle/malformed high -']);
  });
});

describe('scanPickleAt', () => {
  it('scans one stream at an offset and returns where it ends and what it imports', async () => {
    const pkl = torchLikeStateDict(TENSORS);
    const file = Uint8Array.from([1, 2, 3, ...pkl, 9, 9]);
    const r = await scanPickleAt(bufferSource('x.bin', file), 3, pickleContext());
    expect(r.findings).toEqual([]);
    expect(r.end).toBe(3 + pkl.length);
    expect(r.globals.sort()).toEqual(['collections.OrderedDict', 'torch.FloatStorage', 'torch._utils._rebuild_tensor_v2']);
  });

  it('returns no end for a broken stream', async () => {
    const r = await scanPickleAt(bufferSource('x.pkl', Uint8Array.of(0x80, 2, 0x4e)), 0, pickleContext());
    expect(r.end).toBeUndefined();
    expect(summary(r.findings)).toEqual(['pickle/malformed high -']);
  });
});
