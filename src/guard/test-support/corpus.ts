/**
 * The labelled corpus under `__fixtures__/`: cases separated by `---` lines; a positive is written
 * `⟦rule/id|value⟧`. Values may use generators such as `${alnum:36}` (seeded, so runs are stable),
 * which keeps realistic-looking secrets out of the repository (and out of push-protection scanners).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../core/seeded-random.js';

/** One expected finding. */
export interface Label {
  detector: string;
  start: number;
  end: number;
}

/** One labelled text. */
export interface Case {
  /** `file:line` of the case in the fixtures. */
  where: string;
  text: string;
  labels: Label[];
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');
const MARK = /⟦([a-z0-9-]+\/[a-z0-9-]+)\|([\s\S]*?)⟧/g;
const GEN = /\$\{(\w+):(\d+)\}/g;
const ALPHABETS: Readonly<Record<string, string>> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  hex: '0123456789abcdef',
  digits: '0123456789',
  b64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  b64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};

/** Every case of every `*.txt` fixture (or of the named files). */
export function loadCorpus(files?: readonly string[]): Case[] {
  const names = files ?? readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
  return names.flatMap((f) => parseCases(readFileSync(join(FIXTURES, f), 'utf8'), f));
}

/** Split a fixture into cases and resolve their markup. */
export function parseCases(source: string, file: string): Case[] {
  const cases: Case[] = [];
  let line = 1;
  for (const block of source.split(/^---$/m)) {
    const raw = block.replace(/^\n/, '').replace(/\n$/, '');
    const at = line + (block.startsWith('\n') ? 1 : 0);
    line += block.split('\n').length - 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#!')) continue;
    cases.push(parseCase(raw, `${file}:${at}`, at));
  }
  return cases;
}

function parseCase(raw: string, where: string, seed: number): Case {
  const rand = mulberry32(seed);
  const expand = (s: string) => s.replace(GEN, (_m, kind: string, n: string) => generate(kind, Number(n), rand));
  const labels: Label[] = [];
  let text = '';
  let last = 0;
  for (const m of raw.matchAll(MARK)) {
    text += expand(raw.slice(last, m.index));
    const value = expand(m[2] ?? '');
    labels.push({ detector: m[1] ?? '', start: text.length, end: text.length + value.length });
    text += value;
    last = m.index + m[0].length;
  }
  text += expand(raw.slice(last));
  return { where, text, labels };
}

function generate(kind: string, n: number, rand: () => number): string {
  const alphabet = ALPHABETS[kind];
  if (!alphabet) throw new Error(`unknown generator \${${kind}:…}`);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

