import { luhnValid } from '../../checks/luhn.js';
import { digitsOf, freeStanding, gEnd, gLen, gStart, groupCount, uniformSeparator } from '../../checks/groups.js';
import type { Hit, NumberSpan } from '../../types.js';
import { defineDetector } from '../../define.js';

/** Payment card numbers: 13-19 digits, contiguous or grouped, with a known IIN range and a valid Luhn digit. */
export const creditCard = defineDetector({
  id: 'pii/credit-card',
  title: 'Payment card number',
  description: '13-19 digits (grouped 4-4-4-4, 4-6-5, …) with a known issuer prefix and length, and a valid Luhn check digit.',
  severity: 'high',
  kind: 'pii',
  confidence: 'high',
  label: 'CARD',
  trigger: 'number',
  matchNumber(text, span, out) {
    if (span.digits < 13) return;
    const n = groupCount(span);
    for (let k = 0; k < n; k++) {
      const hit = cardFrom(text, span, k, n);
      if (hit) {
        out.push(hit);
        return;
      }
    }
  },
});

// Longest grouped window starting at group k that forms a card number.
function cardFrom(text: string, span: NumberSpan, k: number, n: number): Hit | undefined {
  let digits = 0;
  for (let m = k; m < n && m < k + 5; m++) {
    digits += gLen(span, m);
    if (digits > 19) return undefined;
    if (digits < 13 || !groupingOk(span, k, m) || !uniformSeparator(text, span, k, m, ' -')) continue;
    const start = gStart(span, k);
    const end = gEnd(span, m);
    if (!freeStanding(text, start, end)) continue;
    const number = digitsOf(text, span, k, m);
    if (issuerAccepts(number) && luhnValid(number)) return { start, end };
  }
  return undefined;
}

// Cards are printed as one block, in fours (the last group shorter), or Amex/Diners 4-6-5 / 4-6-4.
function groupingOk(span: NumberSpan, k: number, m: number): boolean {
  if (k === m) return true;
  if (m - k === 2 && gLen(span, k) === 4 && gLen(span, k + 1) === 6) return gLen(span, m) === 5 || gLen(span, m) === 4;
  for (let i = k; i < m; i++) if (gLen(span, i) !== 4) return false;
  return gLen(span, m) >= 1 && gLen(span, m) <= 4;
}

/** True when the number's prefix belongs to a card network that issues numbers of its length. */
export function issuerAccepts(number: string): boolean {
  const len = number.length;
  const p2 = Number(number.slice(0, 2));
  const p4 = Number(number.slice(0, 4));
  const p3 = Number(number.slice(0, 3));
  if (number[0] === '4') return len === 13 || len === 16 || len === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return len === 15; // American Express
  if (p4 >= 2200 && p4 <= 2204) return len >= 16; // Mir
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) return len >= 16; // Discover
  if (p2 === 62) return len >= 16; // UnionPay
  if (p4 >= 3528 && p4 <= 3589) return len >= 16; // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return len >= 14; // Diners Club
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p2 === 67) return len >= 12; // Maestro
  return false;
}
