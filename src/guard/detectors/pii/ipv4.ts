import { freeStanding, gEnd, gLen, gStart, groupCount, sepAfter } from '../../checks/groups.js';
import type { NumberSpan } from '../../types.js';
import { defineDetector } from '../../define.js';

const VERSION_CONTEXT = /\b(?:version|ver|release|build|firmware)\b/i;

/**
 * IPv4 addresses: four dot-separated octets 0-255 without leading zeros. Skipped: longer dotted
 * runs (OIDs, versions), a `v`/`version` just before, and 0.0.0.0, 127.x, 255.255.255.x masks.
 */
export const ipv4 = defineDetector({
  id: 'pii/ipv4',
  title: 'IPv4 address',
  description: 'a.b.c.d with octets 0-255, not part of a longer dotted run or a version string; loopback/any/netmasks skipped.',
  severity: 'low',
  kind: 'pii',
  confidence: 'high',
  label: 'IP',
  trigger: 'number',
  matchNumber(text, span, out) {
    if (span.digits < 4) return;
    const n = groupCount(span);
    let k = 0;
    while (k < n) {
      // The run of groups joined by single dots starting at k.
      let m = k;
      while (m + 1 < n && sepAfter(text, span, m) === '.') m++;
      if (m - k === 3) check(text, span, k, out);
      k = m + 1;
    }
  },
});

function check(text: string, span: NumberSpan, k: number, out: { start: number; end: number }[]): void {
  const start = gStart(span, k);
  const end = gEnd(span, k + 3);
  if (!freeStanding(text, start, end) || text[start - 1] === '.' || (text[end] === '.' && /\d/.test(text[end + 1] ?? ''))) return;
  const octets: number[] = [];
  for (let i = k; i <= k + 3; i++) {
    const s = text.slice(gStart(span, i), gEnd(span, i));
    if (gLen(span, i) > 3 || (s.length > 1 && s[0] === '0')) return;
    octets.push(Number(s));
  }
  const [a, b, c] = octets;
  if (octets.some((o) => o > 255) || a === 0 || a === 127 || (a === 255 && b === 255 && c === 255)) return;
  if (text[start - 1] === 'v' || text[start - 1] === 'V' || VERSION_CONTEXT.test(text.slice(Math.max(0, start - 24), start))) return;
  out.push({ start, end });
}
