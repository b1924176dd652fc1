import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipScanner } from '../gzip/index.js';
import { numpyScanner } from '../numpy/index.js';
import { writeTar } from '../writers/tar-writer.js';
import { writeZip } from '../writers/zip-writer.js';
import { zipScanner } from '../zip/index.js';
import { fuzzScanner } from '../zip/test-support/fuzz.js';
import { BENIGN_PICKLE, EVIL_PICKLE } from '../zip/test-support/fixtures.js';
import { tarScanner } from './index.js';

const scanners = { zip: zipScanner, tar: tarScanner, gzip: gzipScanner, numpy: numpyScanner };

const seeds = [
  writeTar([{ name: 'd'.repeat(150), data: EVIL_PICKLE }, { name: 'p', data: BENIGN_PICKLE, pax: { path: 'x/y.pkl', size: String(BENIGN_PICKLE.length) } }], { globalPax: { comment: 'g' } }),
  writeTar([{ name: 'link', type: '2', linkname: '../x' }, { name: 'a.zip', data: writeZip([{ name: 'e.pkl', data: EVIL_PICKLE, method: 'deflate' }]) }]),
  writeTar([{ name: 'storages', data: Uint8Array.from([0x80, 2, 0x4b, 1, 0x2e, ...EVIL_PICKLE]) }, { name: 'g.gz', data: gzipSync(EVIL_PICKLE), base256: true }]),
];

describe('tar scanner fuzzing', () => {
  it('never throws, hangs or exceeds its budget on 2,000 mutated archives', async () => {
    const { findings } = await fuzzScanner({ scanner: tarScanner, seeds, cases: 2000, seed: 0x7a2, name: 'fuzz.tar', scanners });
    expect(findings).toBeGreaterThan(0);
  }, 120_000);
});
