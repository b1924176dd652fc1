import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

const SUFFIX = 'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Parkway|Pkwy|Place|Pl|Square|Sq|Terrace|Highway|Hwy|Circle|Cir';
// House number, 1-4 capitalised words, a street suffix. Bounded repetitions: no catastrophic backtracking.
const STREET = new RegExp(`\\b\\d{1,5}[A-Z]?(?: [A-Z][a-z]{1,20}){1,4} (?:${SUFFIX})\\b\\.?`, 'g');
// Optional unit, city, and state + ZIP or UK postcode that follow the street line.
const TAIL = /(?:,? (?:Apt|Suite|Unit|Floor|#) ?[\w-]{1,8})?(?:, [A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,2})?(?:,? [A-Z]{2} \d{5}(?:-\d{4})?|,? [A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})?/y;
// Chinese: …路/街/道/巷/弄 + number + 号, walked back over the place names before it.
const CN = /(?:路|街|道|巷|弄)\d{1,5}号/g;
const CN_LEAD = /^(?:.*?(?:住在|住址|地址|位于|寄到|送到|在|于|是|为|：|:))/;

/**
 * Postal addresses by pattern (no NER): English street lines ("221B Baker Street, London NW1 6XE",
 * "1600 Amphitheatre Parkway, Mountain View, CA 94043") and Chinese road + house number addresses.
 */
export const postalAddress = defineDetector({
  id: 'pii/postal-address',
  title: 'Postal address',
  description: 'House number + capitalised street name + street suffix (+ city, state/ZIP or UK postcode), or Chinese …路12号 addresses.',
  severity: 'medium',
  kind: 'pii',
  confidence: 'low',
  label: 'ADDRESS',
  enabledByDefault: false,
  trigger: 'scan',
  scan(text, out) {
    STREET.lastIndex = 0;
    for (let m = STREET.exec(text); m !== null; m = STREET.exec(text)) {
      TAIL.lastIndex = m.index + m[0].length;
      const tail = TAIL.exec(text);
      const end = TAIL.lastIndex > 0 && tail ? m.index + m[0].length + tail[0].length : m.index + m[0].length;
      out.push({ start: m.index, end });
      STREET.lastIndex = end;
    }
    CN.lastIndex = 0;
    for (let m = CN.exec(text); m !== null; m = CN.exec(text)) out.push(chineseAddress(text, m.index, m.index + m[0].length));
  },
});

function chineseAddress(text: string, road: number, end: number): Hit {
  let start = road;
  while (start > 0 && road - start < 24 && /[\u4e00-\u9fa5\d]/.test(text[start - 1] ?? '')) start--;
  const lead = CN_LEAD.exec(text.slice(start, road));
  if (lead) start += lead[0].length;
  let e = end;
  const unit = /^[\d\u4e00-\u9fa5]{0,8}?(?:室|楼|单元|栋|层)/.exec(text.slice(e, e + 12));
  if (unit) e += unit[0].length;
  return { start, end: e };
}
