/**
 * Prints the guard detectors' precision/recall table (markdown) on the labelled corpus in
 * src/guard/__fixtures__/, for src/guard/README.md. Add `--errors` to list every miss and false alarm.
 * Run: `npx vite-node scripts/guard-precision.ts`
 */
import { loadCorpus } from '../src/guard/test-support/corpus.js';
import { precisionTable, scoreCorpus } from '../src/guard/test-support/precision.js';

const cases = loadCorpus();
const scores = scoreCorpus(cases);
console.log(`${cases.length} cases, ${cases.reduce((n, c) => n + c.labels.length, 0)} labelled positives\n`);
console.log(precisionTable(scores));
if (process.argv.includes('--errors')) for (const s of scores) for (const e of s.errors) console.log(`${s.detector.id} ${e}`);
