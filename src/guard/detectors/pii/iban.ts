import { ibanLength, ibanValid } from '../../checks/iban.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

// Country code and check digits; the body follows in groups of four, with or without spaces.
const PREFILTER = /[A-Z]{2}\d\d/g;
const BODY = /(?:[ -]?[A-Z0-9]){8,30}/y;

/** International bank account numbers: the country's registered length and a mod-97 check. */
export const iban = defineDetector({
  id: 'pii/iban',
  title: 'IBAN',
  description: 'CCkk + BBAN, compact or in groups of four, with the registered length for the country and ISO 7064 mod-97 = 1.',
  severity: 'high',
  kind: 'pii',
  confidence: 'high',
  label: 'IBAN',
  trigger: 'scan',
  scan(text, out) {
    PREFILTER.lastIndex = 0;
    for (let m = PREFILTER.exec(text); m !== null; m = PREFILTER.exec(text)) {
      const hit = ibanAt(text, m.index, m[0]);
      if (hit) {
        out.push(hit);
        PREFILTER.lastIndex = hit.end;
      }
    }
  },
});

function ibanAt(text: string, at: number, head: string): Hit | undefined {
  const want = ibanLength(head.slice(0, 2));
  if (want === undefined || (at > 0 && /[A-Za-z0-9_]/.test(text[at - 1] ?? ''))) return undefined;
  BODY.lastIndex = at + 4;
  const body = BODY.exec(text);
  if (!body) return undefined;
  // Walk the raw text until the country's length of alphanumerics is collected.
  let compact = head;
  let i = at + 4;
  while (compact.length < want && i < at + 4 + body[0].length) {
    const c = text[i] ?? '';
    if (c !== ' ' && c !== '-') compact += c;
    i++;
  }
  if (compact.length !== want || /[A-Za-z0-9]/.test(text[i] ?? '')) return undefined;
  return ibanValid(compact) ? { start: at, end: i } : undefined;
}
