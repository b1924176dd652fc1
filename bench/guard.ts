/**
 * Guard throughput: secret/PII scanning and redaction over realistic mixed text (prose, JSON logs,
 * code, Chinese, config; ~2% of lines carry a secret or PII) on one core. Best of RUNS, in MB/s of
 * UTF-8 input. The target is >= 50 MB/s for the default detectors. Not a timed test.
 *   npx vite-node bench/guard.ts            (MB=32 RUNS=5 to change the size)
 */
import { redact, scanHits } from '../src/guard/index.js';
import { mixedText } from '../src/guard/test-support/mixed-text.js';

const MB = Number(process.env['MB'] ?? 32);
const RUNS = Number(process.env['RUNS'] ?? 5);
// Gateway-sized requests: the same text cut into 16 KB messages.
const MESSAGE = 16 * 1024;

const text = mixedText(MB * 1024 * 1024);
const bytes = Buffer.byteLength(text);
const messages: string[] = [];
for (let i = 0; i < text.length; i += MESSAGE) messages.push(text.slice(i, i + MESSAGE));

function best(label: string, fn: () => number): void {
  let bestMs = Infinity;
  let count = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    count = fn();
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  const mbs = bytes / 1e6 / (bestMs / 1000);
  console.log(`${label.padEnd(44)} ${mbs.toFixed(1).padStart(7)} MB/s  (${count} hits, ${bestMs.toFixed(0)} ms)`);
}

console.log(`input: ${(bytes / 1e6).toFixed(1)} MB of mixed text, ${messages.length} messages of 16 KB; best of ${RUNS}`);
best('scan, default detectors, one text', () => scanHits(text).length);
best('scan, default detectors, 16 KB messages', () => messages.reduce((n, m) => n + scanHits(m).length, 0));
best('scan, secrets only', () => scanHits(text, { kinds: ['secret'] }).length);
best('scan, PII only (default)', () => scanHits(text, { kinds: ['pii'] }).length);
best('redact, default detectors, 16 KB messages', () => messages.reduce((n, m) => n + redact(m, { nonce: 'bench000' }).replacements.size, 0));
if (process.argv.includes('--ner')) {
  const small = text.slice(0, 512 * 1024);
  const t0 = performance.now();
  const n = scanHits(small, { detectors: ['pii/person-name'] }).length;
  console.log(`person-name (NER, opt-in) on 0.5 MB: ${(Buffer.byteLength(small) / 1e6 / ((performance.now() - t0) / 1000)).toFixed(2)} MB/s (${n} hits)`);
}
