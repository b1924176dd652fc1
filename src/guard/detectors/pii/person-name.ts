import type nlpModule from 'compromise';
import { createRequire } from 'node:module';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

type Nlp = typeof nlpModule;
interface OffsetTerm {
  text: string;
  offset: { start: number; length: number };
}

// compromise is pure JavaScript with its lexicon bundled (no model download), but slow (~0.2 MB/s)
// and superlinear on long documents: it is loaded on first use and fed paragraph-sized chunks.
const CHUNK = 4000;
let nlp: Nlp | undefined;

function load(): Nlp {
  nlp ??= createRequire(import.meta.url)('compromise') as Nlp;
  return nlp;
}

/**
 * English person names via the compromise NLP library (opt-in: slow, heuristic). Only names of two
 * or more capitalised words are kept; single first names are too ambiguous. No Chinese support:
 * there is no offline Chinese NER for Node that works without downloading a model.
 */
export const personName = defineDetector({
  id: 'pii/person-name',
  title: 'Person name (English, NER)',
  description: 'Two or more capitalised words that compromise tags as a person. Opt-in: ~0.2 MB/s.',
  severity: 'low',
  kind: 'pii',
  confidence: 'low',
  label: 'NAME',
  enabledByDefault: false,
  trigger: 'scan',
  scan(text, out) {
    for (let start = 0; start < text.length; ) {
      const end = chunkEnd(text, start);
      namesIn(text.slice(start, end), start, out);
      start = end;
    }
  },
});

function chunkEnd(text: string, start: number): number {
  if (text.length - start <= CHUNK) return text.length;
  const cut = text.lastIndexOf('\n', start + CHUNK);
  if (cut > start + CHUNK / 2) return cut + 1;
  const sentence = text.lastIndexOf('. ', start + CHUNK);
  return sentence > start + CHUNK / 2 ? sentence + 2 : start + CHUNK;
}

function namesIn(chunk: string, base: number, out: Hit[]): void {
  const people = load()(chunk).people().json({ offset: true }) as OffsetTerm[];
  for (const p of people) {
    let s = p.offset.start;
    let e = s + p.offset.length;
    while (e > s && /[\s.,;:!?'")]/.test(chunk[e - 1] ?? '')) e--;
    const name = chunk.slice(s, e);
    const words = name.split(/\s+/).filter((w) => /^[A-Z][a-z'’-]+\.?$/.test(w));
    if (words.length < 2) continue;
    if (/^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s/.test(name)) s += name.indexOf(' ') + 1;
    out.push({ start: base + s, end: base + e });
  }
}
