import { describe, expect, it } from 'vitest';
import { writeNpy } from '../writers/npy-writer.js';
import { fuzzScanner } from '../zip/test-support/fuzz.js';
import { EVIL_PICKLE, randomBytes } from '../zip/test-support/fixtures.js';
import { numpyScanner } from './index.js';

const seeds = [
  writeNpy({ descr: '<f4', shape: [4, 4], data: randomBytes(64) }),
  writeNpy({ descr: "[(('t', 'a'), '<f8'), ('b', '|O', (2,))]", shape: [1], data: EVIL_PICKLE, version: 2 }),
  writeNpy({ descr: '<U3', shape: [2], data: randomBytes(24), version: 3 }),
];

describe('numpy scanner fuzzing', () => {
  it('never throws, hangs or exceeds its budget on 3,000 mutated files', async () => {
    const { findings } = await fuzzScanner({ scanner: numpyScanner, seeds, cases: 3000, seed: 0x9a, name: 'fuzz.npy', scanners: { numpy: numpyScanner } });
    expect(findings).toBeGreaterThan(0);
  }, 120_000);
});
