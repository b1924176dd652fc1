import { cnIdValid } from '../../checks/cn-id.js';
import { freeStanding, gEnd, gLen, gStart, groupCount } from '../../checks/groups.js';
import { defineDetector } from '../../define.js';

/** Chinese resident identity card numbers (18 characters), validated by region, birth date and checksum. */
export const cnResidentId = defineDetector({
  id: 'pii/cn-resident-id',
  title: 'Chinese resident ID number',
  description: '17 digits + digit/X: a province code, a real birth date (YYYYMMDD) and a valid ISO 7064 MOD 11-2 check character.',
  severity: 'high',
  kind: 'pii',
  confidence: 'high',
  label: 'CN_ID',
  trigger: 'number',
  matchNumber(text, span, out) {
    if (span.digits < 17) return;
    const n = groupCount(span);
    for (let k = 0; k < n; k++) {
      const len = gLen(span, k);
      const start = gStart(span, k);
      let end = gEnd(span, k);
      if (len === 17 && (text[end] === 'X' || text[end] === 'x')) end++;
      else if (len !== 18) continue;
      if (!freeStanding(text, start, end)) continue;
      if (cnIdValid(text.slice(start, end).toUpperCase())) out.push({ start, end });
    }
  },
});
