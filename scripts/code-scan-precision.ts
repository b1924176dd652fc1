/**
 * Print the code scanner's precision/recall table (markdown) for the README:
 * `npx vite-node scripts/code-scan-precision.ts`.
 */
import { fileURLToPath } from 'node:url';
import { codeRules, LANGUAGES } from '../src/guard/code/index.js';
import { runLabelledSet, score } from '../src/guard/code/labelled/evaluate.js';

const cases = await runLabelledSet(fileURLToPath(new URL('../src/guard/code/__fixtures__', import.meta.url)));
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const lines = ['| rule | CWE | languages | vulnerable | fixed | precision | recall |', '| --- | --- | --- | --- | --- | --- | --- |'];
for (const rule of codeRules) {
  const s = score(cases, rule.id);
  const mine = cases.filter((c) => c.rule === rule.id);
  lines.push(`| \`${rule.id}\` | ${rule.cwe.join(', ')} | ${rule.languages.join(', ')} | ${mine.filter((c) => c.vulnerable).length} | ${mine.filter((c) => !c.vulnerable).length} | ${pct(s.precision)} | ${pct(s.recall)} |`);
}
lines.push('', '| language | parser | precision | recall |', '| --- | --- | --- | --- |');
const PARSER: Record<(typeof LANGUAGES)[number], string> = {
  python: 'tree-sitter-python', javascript: 'tree-sitter-javascript', typescript: 'tree-sitter-typescript / tsx', java: 'tree-sitter-java',
  c: 'tree-sitter-cpp', go: 'tree-sitter-go', php: 'tree-sitter-php', sql: 'patterns only', shell: 'tree-sitter-bash',
};
for (const lang of LANGUAGES) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const rule of codeRules) {
    const s = score(cases, rule.id, lang);
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  lines.push(`| ${lang} | ${PARSER[lang]} | ${pct(tp / Math.max(1, tp + fp))} | ${pct(tp / Math.max(1, tp + fn))} |`);
}
console.log(lines.join('\n'));
