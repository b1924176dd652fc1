// Prints the markdown table of artifact scanner rules for the README: npx vite-node scripts/rules-table.ts
import { scanRules } from '../src/artifacts/index.js';
import { formatScanners } from '../src/artifacts/formats/index.js';

const lines = ['| rule | severity | what it means |', '|---|---|---|'];
for (const r of scanRules()) lines.push(`| \`${r.id}\` | ${r.severity} | ${r.title}${r.cwe?.length ? ` (CWE-${r.cwe.join(', CWE-')})` : ''} |`);
process.stdout.write(`${lines.join('\n')}\n\nformats: ${Object.keys(formatScanners).sort().join(', ')}\n`);
