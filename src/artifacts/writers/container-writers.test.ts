import { describe, expect, it } from 'vitest';
import { EVIL_PICKLE, randomBytes } from '../zip/test-support/fixtures.js';
import { writeNpy } from './npy-writer.js';
import { paxData, writeTar } from './tar-writer.js';
import { torchZipEntries, writeZip } from './zip-writer.js';

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);

describe('container fixture writers', () => {
  it('lays out torch entries like torch: flags 0x0808, FB padding, 64-byte aligned data', () => {
    const zip = writeZip(torchZipEntries({ dataPkl: EVIL_PICKLE, storages: [randomBytes(100)] }));
    expect([...zip.subarray(0, 8)]).toEqual([0x50, 0x4b, 3, 4, 20, 0, 0x08, 0x08]);
    const dataStart = 30 + u16(zip, 26) + u16(zip, 28);
    expect(dataStart % 64).toBe(0);
    expect(String.fromCharCode(...zip.subarray(30 + u16(zip, 26), 32 + u16(zip, 26)))).toBe('FB');
    expect([...zip.subarray(dataStart, dataStart + EVIL_PICKLE.length)]).toEqual([...EVIL_PICKLE]);
  });

  it('prepends bytes without shifting archive offsets, like `cat stub a.zip`', () => {
    const plain = writeZip([{ name: 'a', data: randomBytes(10) }]);
    const shifted = writeZip([{ name: 'a', data: randomBytes(10) }], { prepend: new Uint8Array(7) });
    expect(shifted.subarray(7)).toEqual(plain);
  });

  it('writes pax records whose length counts its own digits', () => {
    const text = new TextDecoder().decode(paxData({ path: 'x'.repeat(95), k: 'v' }));
    for (const record of text.split('\n').filter(Boolean)) {
      expect(Number(record.split(' ')[0])).toBe(new TextEncoder().encode(`${record}\n`).length);
    }
  });

  it('writes tar archives in whole blocks with the end marker', () => {
    const tar = writeTar([{ name: 'a', data: randomBytes(700) }]);
    expect(tar.length).toBe(512 + 1024 + 1024);
    expect(tar.subarray(tar.length - 1024).every((b) => b === 0)).toBe(true);
  });

  it.each([1, 2, 3] as const)('pads .npy v%i headers so data starts on 64 bytes, ending in a newline', (version) => {
    const npy = writeNpy({ descr: '<f4', shape: [2], data: randomBytes(8), version });
    const start = npy.length - 8;
    expect(start % 64).toBe(0);
    expect(npy[start - 1]).toBe(0x0a);
  });
});
