import { describe, it, expect } from 'vitest';
import { gzipScanner } from '../gzip/index.js';
import { numpyScanner } from '../numpy/index.js';
import { tarScanner } from '../tar/index.js';
import { writeNpy } from '../writers/npy-writer.js';
import { torchZipEntries, writeZip } from '../writers/zip-writer.js';
import { zipScanner } from './index.js';
import { fuzzScanner } from './test-support/fuzz.js';
import { BENIGN_PICKLE, EVIL_PICKLE, randomBytes, text } from './test-support/fixtures.js';

const scanners = { zip: zipScanner, tar: tarScanner, gzip: gzipScanner, numpy: numpyScanner };

const seeds = [
  writeZip(torchZipEntries({ dataPkl: EVIL_PICKLE, storages: [randomBytes(300), randomBytes(64)] })),
  writeZip([{ name: 'a.pkl', data: EVIL_PICKLE, method: 'deflate', descriptor: true }, { name: 'b.txt', data: text('hello '.repeat(50)), method: 'deflate' }]),
  writeZip([{ name: 'big/data.pkl', data: BENIGN_PICKLE, zip64: true }, { name: 'z.bin', data: new Uint8Array(20_000), method: 'deflate', zip64: true }], { zip64: true, comment: 'c' }),
  writeZip([{ name: 'inner.zip', data: writeZip([{ name: 'x.pkl', data: EVIL_PICKLE, method: 'deflate' }]), method: 'deflate' }], { prepend: text('#!/bin/sh\n') }),
  writeZip([{ name: 'w.npy', data: writeNpy({ descr: '|O', shape: [1], data: EVIL_PICKLE }), method: 'deflate' }]),
];

describe('zip scanner fuzzing', () => {
  it('never throws, hangs or exceeds its budget on 3,000 mutated archives', async () => {
    const { findings } = await fuzzScanner({ scanner: zipScanner, seeds, cases: 3000, seed: 0x5eed, name: 'fuzz.pt', scanners });
    expect(findings).toBeGreaterThan(0);
  }, 120_000);
});
