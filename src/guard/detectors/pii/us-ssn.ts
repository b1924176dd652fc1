import { keywordBefore } from '../../checks/context.js';
import { digitsOf, freeStanding, gEnd, gLen, gStart, groupCount, uniformSeparator } from '../../checks/groups.js';
import { defineDetector } from '../../define.js';

const CONTEXT = ['ssn', 'social security', 'social sec', 'tax id'];

/**
 * US Social Security numbers: `AAA-GG-SSSS` (dashes or spaces), or 9 bare digits after an SSN
 * keyword. Area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
 */
export const usSsn = defineDetector({
  id: 'pii/us-ssn',
  title: 'US Social Security number',
  description: 'AAA-GG-SSSS with issuable area/group/serial; 9 bare digits only after "SSN"/"social security".',
  severity: 'high',
  kind: 'pii',
  confidence: 'high',
  label: 'SSN',
  trigger: 'number',
  matchNumber(text, span, out) {
    if (span.digits < 9) return;
    const n = groupCount(span);
    for (let k = 0; k < n; k++) {
      const start = gStart(span, k);
      if (gLen(span, k) === 9) {
        const end = gEnd(span, k);
        if (freeStanding(text, start, end) && ssnValid(text.slice(start, end)) && keywordBefore(text, start, CONTEXT, 24)) out.push({ start, end });
        continue;
      }
      if (k + 2 >= n || gLen(span, k) !== 3 || gLen(span, k + 1) !== 2 || gLen(span, k + 2) !== 4) continue;
      const end = gEnd(span, k + 2);
      if (!uniformSeparator(text, span, k, k + 2, '- ') || !freeStanding(text, start, end)) continue;
      // A longer run of same-separated groups is some other code (a part number, a date-time).
      if (k > 0 && text[start - 1] === text[gEnd(span, k)]) continue;
      if (k + 3 < n && text[end] === text[gEnd(span, k)]) continue;
      if (ssnValid(digitsOf(text, span, k, k + 2))) out.push({ start, end });
    }
  },
});

/** True for nine digits that could be an issued SSN. */
export function ssnValid(d: string): boolean {
  const area = Number(d.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}
