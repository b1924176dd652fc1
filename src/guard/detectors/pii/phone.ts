import { isDigitCode } from '../../checks/chars.js';
import { keywordBefore } from '../../checks/context.js';
import { digitsOf, freeStanding, gEnd, gLen, gStart, groupCount, sepAfter } from '../../checks/groups.js';
import type { Hit, NumberSpan } from '../../types.js';
import { defineDetector } from '../../define.js';

const CONTEXT = ['phone', 'tel', 'mobile', 'cell', 'call', 'fax', 'whatsapp', 'sms', 'contact', '手机', '电话', '联系', '致电', '拨打', '号码', '热线'];
const SEPARATORS = new Set([' ', '-', '.', ') ', ')', '-(', ' (', '(']);

/**
 * Phone numbers, conservatively: international `+CC …` (8-15 digits); North American
 * `(AAA) EEE-NNNN` / `AAA-EEE-NNNN`; anything else (Chinese mobiles `1[3-9]…`, national numbers with
 * a trunk 0, bare 10-digit numbers) only after a phone keyword such as "tel", "call" or 电话.
 */
export const phone = defineDetector({
  id: 'pii/phone',
  title: 'Phone number',
  description: 'E.164 (+CC, 8-15 digits), NANP 3-3-4 with separators, or 9-12 digits after a phone keyword (Chinese mobiles included).',
  severity: 'medium',
  kind: 'pii',
  confidence: 'medium',
  label: 'PHONE',
  trigger: 'number',
  matchNumber(text, span, out) {
    if (span.digits < 8) return;
    const hit = international(text, span) ?? northAmerican(text, span) ?? withContext(text, span);
    if (hit) out.push(hit);
  },
});

// Groups k..m joined by phone-style separators.
function phoneLike(text: string, span: NumberSpan, k: number, m: number): boolean {
  for (let i = k; i < m; i++) if (!SEPARATORS.has(sepAfter(text, span, i))) return false;
  return true;
}

// The longest prefix of groups holding at most `max` digits, ending on a group boundary.
function takeDigits(span: NumberSpan, k: number, max: number): { m: number; digits: number } {
  let digits = 0;
  let m = k - 1;
  while (m + 1 < groupCount(span) && digits + gLen(span, m + 1) <= max) digits += gLen(span, ++m);
  return { m, digits };
}

function international(text: string, span: NumberSpan): Hit | undefined {
  if (text[span.start] !== '+' || gStart(span, 0) !== span.start + 1 || gLen(span, 0) > 4) return undefined;
  const { m, digits } = takeDigits(span, 0, 15);
  if (m < 0 || digits < 8 || text[gStart(span, 0)] === '0' || !phoneLike(text, span, 0, m)) return undefined;
  const end = gEnd(span, m);
  return freeStanding(text, span.start + 1, end) ? { start: span.start, end } : undefined;
}

function northAmerican(text: string, span: NumberSpan): Hit | undefined {
  const n = groupCount(span);
  for (let k = 0; k + 2 < n; k++) {
    if (gLen(span, k) !== 3 || gLen(span, k + 1) !== 3 || gLen(span, k + 2) !== 4 || !phoneLike(text, span, k, k + 2)) continue;
    const d = digitsOf(text, span, k, k + 2);
    if (!/^[2-9]\d\d[2-9]\d{6}$/.test(d)) continue;
    // A leading "1 " / "1-" trunk prefix and an opening parenthesis belong to the number.
    let start = gStart(span, k);
    if (text[start - 1] === '(') start--;
    if (k > 0 && gLen(span, k - 1) === 1 && text[gStart(span, k - 1)] === '1') start = gStart(span, k - 1);
    const end = gEnd(span, k + 2);
    if (freeStanding(text, start, end) && (k + 3 >= n || sepAfter(text, span, k + 2).startsWith(' '))) return { start, end };
  }
  return undefined;
}

function withContext(text: string, span: NumberSpan): Hit | undefined {
  const { m, digits } = takeDigits(span, 0, 12);
  if (m < 0 || digits < 9 || !phoneLike(text, span, 0, m)) return undefined;
  let start = gStart(span, 0);
  if (text[start - 1] === '(') start--;
  const end = gEnd(span, m);
  if (!freeStanding(text, start, end) || (m + 1 < groupCount(span) && !sepAfter(text, span, m).startsWith(' '))) return undefined;
  const d = digitsOf(text, span, 0, m);
  // Chinese mobiles are exactly 11 digits 1[3-9]…; other national numbers start with a trunk 0 or 2-9.
  if (d.length === 11 && d[0] === '1' && !/^1[3-9]/.test(d)) return undefined;
  return phoneContext(text, span.start) ? { start, end } : undefined;
}

// A keyword shortly before the number, with no other number in between ("手机：138… 订单号 2024…"
// must not lend the phone context to the order number).
function phoneContext(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && at - from < 24 && !isDigitCode(text.charCodeAt(from - 1))) from--;
  return keywordBefore(text, at, CONTEXT, at - from);
}
