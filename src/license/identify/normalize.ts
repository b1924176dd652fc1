/**
 * License text normalisation in the spirit of the SPDX matching guidelines:
 * case, quotes, dashes, whitespace, bullets and numbering, markdown, copyright
 * lines and spelling variants do not change which license a text is. Both the
 * texts being identified and the catalog facts go through the same function,
 * so a fact written once matches every formatting of it.
 */

/** A normalised text: space-separated tokens, with and without copyright lines. */
export interface NormalizedLicense {
  /** Every line, copyright lines included (they name the licensor). */
  full: string;
  /** Without copyright and "all rights reserved" lines, for SPDX text comparison. */
  body: string;
}

// Spelling variants treated as one word (SPDX guideline 8, plus a few the model licenses use).
const EQUIVALENT_WORDS = new Map<string, string>(Object.entries({
  licence: 'license', licences: 'licenses', licenced: 'licensed', licencing: 'licensing', licencee: 'licensee',
  acknowledgment: 'acknowledgement', analogue: 'analog', analyse: 'analyze',
  artefact: 'artifact', authorisation: 'authorization', authorised: 'authorized', authorise: 'authorize',
  catalogue: 'catalog', centre: 'center', favour: 'favor', fulfil: 'fulfill', fulfilment: 'fulfillment',
  judgment: 'judgement', labelling: 'labeling', labour: 'labor', modelled: 'modeled', modelling: 'modeling',
  offence: 'offense', organisation: 'organization', organisations: 'organizations', organise: 'organize',
  programme: 'program', recognise: 'recognize', recognised: 'recognized', utilisation: 'utilization',
  whilst: 'while', wilful: 'willful', behaviour: 'behavior', defence: 'defense', colour: 'color',
  characterise: 'characterize', summarise: 'summarize', optimise: 'optimize', maximise: 'maximize',
}));

// Multi-word variants, applied on the token string with spaces around.
// Each starts with a literal word so a cheap `includes` skips the regex on most texts.
const EQUIVALENT_PHRASES: [string, RegExp, string][] = [
  [' non commercial ', / non commercial /g, ' noncommercial '],
  [' sub license', / sub license/g, ' sublicense'],
  [' per cent ', / per cent /g, ' percent '],
  [' e mail ', / e mail /g, ' email '],
  [' web site ', / web site /g, ' website '],
  [' copyright holder', / copyright holders? /g, ' copyright owner '],
  [' open rail', / open rail(pp)? /g, ' openrail$1 '],
];

const COPYRIGHT_LINE = /^(?:copyright\b|©|\(c\)\s*(?:\d|[a-z])|all rights reserved)/i;
// Bullets, list numbers and section markers at the start of a line ("1.", "a)", "(iv)", "2.1", "-", "•", "#").
const LINE_MARKER =
  /^(?:[-*•·▪◦‣+>#|]+|\(?(?:\d{1,2}|[a-z]|[ivxlc]{1,6})[.)](?=\s)|\(\s*(?:\d{1,2}|[a-z]|[ivxlc]{1,6})\s*\)|\d{1,2}(?:\.\d{1,2})+\.?(?=\s)|section\s+[ivx\d]+[:.]?)\s*/i;
// A URL, with or without scheme: kept as one token so its path can be matched as a fact.
const URL_TOKEN = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?$/;
const PATH_TOKEN = /^(?=[^/]*[\d._-][^/]*\/|.*\/[^/]*[\d._-])[a-z0-9._~%-]+(?:\/[a-z0-9._~%-]+)+\/?$/;
const PLAIN_WORD = /^["'(]?([a-z]+)[.,;:)"'!?]*$/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;

/** Normalise a license text; see the module comment for what is ignored. */
export function normalizeLicense(raw: string): NormalizedLicense {
  const full: string[] = [];
  const body: string[] = [];
  for (const line of cleanLines(raw)) {
    const words = lineWords(line);
    full.push(words);
    if (!COPYRIGHT_LINE.test(line)) body.push(words);
  }
  return { full: equivalentPhrases(full.join(' ')), body: equivalentPhrases(body.join(' ')) };
}

/** Normalise a short string (a fact, a title, a license name) the same way as a text. */
export function normalizePhrase(raw: string): string {
  return equivalentPhrases(cleanLines(raw).map(lineWords).join(' '));
}

/** The tokens of an already normalised string. */
export function tokensOf(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(' ');
}

/** Whether a normalised token is a URL kept whole (its path is matched by substring). */
export function isUrlToken(token: string): boolean {
  return token.includes('/') || (URL_TOKEN.test(token) && /[a-z]/.test(token));
}

function cleanLines(raw: string): string[] {
  const text = raw
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, '$1') // markdown escapes such as "1\."
    .replace(/\[([^\]\n]*)\]\(([^)\s]*)\)/g, '$1 $2') // [text](url) keeps both
    .replace(/<[^>\n]{1,80}>/g, ' '); // stray HTML tags
  const lines: string[] = [];
  for (let line of text.split(/\r?\n|\r/)) {
    line = line.replace(/[*_`~]{2,}/g, '').replace(/^\s*[*_`]+|[*_`]+\s*$/g, '').trim();
    // Two passes: "1. a. text" and "## 3. Title" carry two markers.
    for (let i = 0; i < 2; i++) line = line.replace(LINE_MARKER, '');
    if (line.length > 0) lines.push(line);
  }
  return lines;
}

// One line's words, normalised and space-separated (no multi-word equivalents yet).
function lineWords(text: string): string {
  const lowered = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\((?:[a-z]|[ivx]{1,5}|\d{1,2})\)/g, ' '); // inline enumerators "(a)", "(iii)"
  const out: string[] = [];
  for (const chunk of lowered.split(/\s+/)) {
    if (chunk.length === 0) continue;
    // Fast path: most chunks are plain words, possibly with trailing punctuation.
    const plain = PLAIN_WORD.exec(chunk);
    if (plain) {
      out.push(canonicalWord(plain[1] ?? ''));
      continue;
    }
    const url = /[./]/.test(chunk) ? asUrl(chunk) : undefined;
    if (url !== undefined) {
      out.push(url);
      continue;
    }
    for (const word of splitWord(chunk)) out.push(canonicalWord(word));
  }
  return out.join(' ');
}

// Spelling variants, then a light plural fold ("Mistral Models" states the fact "Mistral Model"):
// a trailing "s" goes from words of five letters or more, except -ss, -us and -is endings.
function canonicalWord(word: string): string {
  const w = EQUIVALENT_WORDS.get(word) ?? word;
  return w.length >= 5 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && /^[a-z]+$/.test(w) ? w.slice(0, -1) : w;
}

function equivalentPhrases(words: string): string {
  let joined = ` ${words.replace(/ {2,}/g, ' ')} `;
  for (const [probe, re, to] of EQUIVALENT_PHRASES) if (joined.includes(probe)) joined = joined.replace(re, to);
  return joined.trim();
}

function asUrl(chunk: string): string | undefined {
  const trimmed = chunk.replace(/^["'(<[]+/, '').replace(/[)"'>\].,;:]+$/, '');
  // A bare path such as "llama3_2/use-policy" (a fact naming part of a URL) is a URL token too;
  // "and/or" is not: a path needs a digit, dot, dash or underscore.
  if (PATH_TOKEN.test(trimmed)) return trimmed.replace(/^www\./, '').replace(/\/+$/, '');
  if (!URL_TOKEN.test(trimmed) || /^\d+(?:\.\d+)+$/.test(trimmed)) return undefined;
  // "e.g", "u.s", "inc." are not URLs: demand a known-looking host or a path.
  if (!trimmed.includes('/') && !/^(?:https?:\/\/|www\.)/.test(trimmed) && !/\.(?:com|org|net|ai|dev|cn|io|co|edu|gov)$/.test(trimmed)) return undefined;
  return trimmed.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
}

function splitWord(chunk: string): string[] {
  const cleaned = chunk
    .replace(/\+\+/g, 'pp') // RAIL++ stays distinct from RAIL
    .replace(/(\d),(?=\d{3}\b)/g, '$1') // 100,000,000 → 100000000
    .replace(HAN, (c) => ` ${c} `) // one token per Han character
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' '); // keep dots only inside numbers (3.1)
  return cleaned.split(/\s+/).filter((w) => w.length > 0);
}
