/**
 * Prints the license identification precision table (markdown) for the README.
 * Run: `npx vite-node scripts/license-precision.ts` (add `--cases` to list every case).
 */
import { loadCorpus } from '../src/license/identify/test-support/corpus.js';
import { precisionTable, runCorpus } from '../src/license/identify/test-support/precision.js';

const { cases, skipped } = loadCorpus();
const results = runCorpus(cases);
if (skipped) console.error(`note: ${skipped}`);
console.log(precisionTable(results));
if (process.argv.includes('--cases')) {
  for (const r of results) {
    const mark = r.correct ? 'ok ' : 'BAD';
    console.log(`${mark} ${r.case.name.padEnd(48)} ${String(r.predictedId).padEnd(26)} ${r.confidence.toFixed(2)} ${r.unseenVersion ? `unseen ${r.unseenVersion}` : ''} ${r.ms.toFixed(1)}ms`);
  }
}
