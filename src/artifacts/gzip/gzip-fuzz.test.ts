import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { numpyScanner } from '../numpy/index.js';
import { tarScanner } from '../tar/index.js';
import { writeTar } from '../writers/tar-writer.js';
import { zipScanner } from '../zip/index.js';
import { fuzzScanner } from '../zip/test-support/fuzz.js';
import { EVIL_PICKLE, text } from '../zip/test-support/fixtures.js';
import { gzipScanner } from './index.js';

const scanners = { zip: zipScanner, tar: tarScanner, gzip: gzipScanner, numpy: numpyScanner };

const seeds = [
  Uint8Array.from([...gzipSync(EVIL_PICKLE), ...gzipSync(text('more'))]),
  gzipSync(writeTar([{ name: 'a.pkl', data: EVIL_PICKLE }])),
  Uint8Array.from([...text(`ZF0x${EVIL_PICKLE.length.toString(16)}`.padEnd(21, ' ')), ...deflateSync(EVIL_PICKLE)]),
  gzipSync(new Uint8Array(100_000)),
];

describe('gzip scanner fuzzing', () => {
  it('never throws, hangs or exceeds its budget on 2,000 mutated streams', async () => {
    const { findings } = await fuzzScanner({ scanner: gzipScanner, seeds, cases: 2000, seed: 0x62, name: 'fuzz.pkl.gz', scanners });
    expect(findings).toBeGreaterThan(0);
  }, 120_000);
});
