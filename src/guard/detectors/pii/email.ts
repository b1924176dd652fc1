import { ALNUM, DASH, classAt } from '../../checks/chars.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

// Local part: the dot-atom characters people use (RFC 5322 allows more; they do not occur in practice).
const LOCAL_EXTRA = new Set([37, 43, 45, 46, 95]); // % + - . _
const LABEL = ALNUM | DASH;
// Asset names such as icon@2x.png look like addresses; these TLDs are file extensions in practice.
const FILE_TLDS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'js', 'ts', 'css', 'json', 'map', 'txt']);

/** Email addresses, found from each `@` by walking outwards (bounded, no regex backtracking). */
export const email = defineDetector({
  id: 'pii/email',
  title: 'Email address',
  description: 'local@domain.tld with a dot-atom local part (≤64) and a domain of 2+ labels ending in an alphabetic TLD.',
  severity: 'medium',
  kind: 'pii',
  confidence: 'high',
  label: 'EMAIL',
  trigger: 'anchor',
  anchors: ['@'],
  matchAt(text, at): Hit | undefined {
    const start = localStart(text, at);
    if (start === undefined || insideUrlUserinfo(text, start)) return undefined;
    const end = domainEnd(text, at + 1);
    return end === undefined ? undefined : { start, end };
  },
});

function localStart(text: string, at: number): number | undefined {
  let i = at;
  while (i > 0 && at - i < 64) {
    const c = text.charCodeAt(i - 1);
    if ((classAt(text, i - 1) & ALNUM) === 0 && !LOCAL_EXTRA.has(c)) break;
    i--;
  }
  while (i < at && text[i] === '.') i++;
  if (i === at || text[at - 1] === '.') return undefined;
  return i;
}

function domainEnd(text: string, from: number): number | undefined {
  let i = from;
  let labels = 0;
  let lastLabel = from;
  let end = from;
  for (;;) {
    const n = countLabel(text, i);
    if (n === 0 || n > 63 || text[i] === '-' || text[i + n - 1] === '-') break;
    labels++;
    lastLabel = i;
    end = i + n;
    if (text[end] !== '.' || (classAt(text, end + 1) & ALNUM) === 0 || end - from > 253) break;
    i = end + 1;
  }
  if (labels < 2) return undefined;
  const tld = text.slice(lastLabel, end).toLowerCase();
  if (!/^(?:[a-z]{2,24}|xn--[a-z0-9-]{2,20})$/.test(tld) || FILE_TLDS.has(tld)) return undefined;
  return end;
}

function countLabel(text: string, s: number): number {
  let n = 0;
  while (n < 64 && (classAt(text, s + n) & LABEL) !== 0) n++;
  return n;
}

// In scheme://user@host and scheme://user:pass@host the part before '@' is URL userinfo (a login or a
// password, the latter reported by secret/url-credentials), not a mailbox.
function insideUrlUserinfo(text: string, start: number): boolean {
  if (text.startsWith('://', start - 3)) return true;
  if (text[start - 1] !== ':') return false;
  const before = text.slice(Math.max(0, start - 200), start);
  const scheme = before.lastIndexOf('://');
  return scheme !== -1 && !/[\s@/]/.test(before.slice(scheme + 3));
}
