// Writes the bench suite both tools run: a promptfoo config (which modelgate
// also reads) with two models on the fake upstream and CASES rows in a CSV.
//   node bench/eval-suite.mjs DIR URL CASES
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, url, cases = '2000'] = process.argv.slice(2);
const n = Number(cases);
const rows = ['question,__expected'];
for (let i = 0; i < n; i++) rows.push(`"What is the answer to question #${i}?",contains: answer-${i}`);
writeFileSync(join(dir, 'cases.csv'), `${rows.join('\n')}\n`);
writeFileSync(
  join(dir, 'promptfooconfig.yaml'),
  [
    'description: modelgate vs promptfoo eval bench',
    'prompts:',
    '  - "Answer briefly. {{question}}"',
    'providers:',
    ...['bench-a', 'bench-b'].flatMap((m) => [`  - id: openai:chat:${m}`, `    config: { apiBaseUrl: "${url}/v1", temperature: 0 }`]),
    'tests: file://cases.csv',
    '',
  ].join('\n'),
);
