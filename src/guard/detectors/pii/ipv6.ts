import { ALNUM, UNDERSCORE, classAt } from '../../checks/chars.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

// Every IPv6 text form contains "::" or ":h:" (a group between two colons): a cheap literal-led prefilter.
const PREFILTER = /::|:[0-9A-Fa-f]{1,4}:/g;
const HEXCOLON = new Set([...'0123456789abcdefABCDEF:.'].map((c) => c.charCodeAt(0)));

/** IPv6 addresses (full, compressed, IPv4-mapped), not loopback `::1` or unspecified `::`. */
export const ipv6 = defineDetector({
  id: 'pii/ipv6',
  title: 'IPv6 address',
  description: 'Eight hex groups or a "::"-compressed form (optionally ending in dotted IPv4), parsed strictly; ::1 and :: skipped.',
  severity: 'low',
  kind: 'pii',
  confidence: 'high',
  label: 'IP',
  trigger: 'scan',
  scan(text, out) {
    PREFILTER.lastIndex = 0;
    let after = 0;
    for (let m = PREFILTER.exec(text); m !== null; m = PREFILTER.exec(text)) {
      if (m.index < after) continue;
      const hit = candidateAround(text, m.index);
      if (hit) {
        out.push(hit);
        after = hit.end;
      }
      // Skip the rest of this hex/colon run: its other colons belong to the same candidate.
      let j = m.index;
      while (j < text.length && HEXCOLON.has(text.charCodeAt(j))) j++;
      PREFILTER.lastIndex = Math.max(PREFILTER.lastIndex, j);
    }
  },
});

function candidateAround(text: string, at: number): Hit | undefined {
  let start = at;
  while (start > 0 && at - start < 45 && HEXCOLON.has(text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < text.length && end - start < 45 && HEXCOLON.has(text.charCodeAt(end))) end++;
  while (end > start && text[end - 1] === '.') end--;
  // Glued to an identifier (std::vector, Foo::bar) or a longer hex/colon run: not an address.
  const outside = ALNUM | UNDERSCORE;
  if ((classAt(text, start - 1) & outside) !== 0 || (classAt(text, end) & outside) !== 0) return undefined;
  if (text[end] === '.' && (classAt(text, end + 1) & ALNUM) !== 0) return undefined;
  const s = text.slice(start, end);
  return ipv6Valid(s) && s !== '::1' && s !== '::' ? { start, end } : undefined;
}

/** Strict IPv6 text-form check (RFC 4291 section 2.2). */
export function ipv6Valid(s: string): boolean {
  const double = s.indexOf('::');
  if (double !== -1 && s.indexOf('::', double + 1) !== -1) return false;
  let groups = s.split(':');
  let extra = 0;
  const last = groups[groups.length - 1] ?? '';
  if (last.includes('.')) {
    if (!/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(last)) return false;
    groups = groups.slice(0, -1);
    groups.push('0');
    extra = 1;
  }
  if (double === -1) return groups.length + extra === 8 && groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g));
  const nonEmpty = groups.filter((g) => g !== '');
  if (!nonEmpty.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return nonEmpty.length + extra <= 7 && (s.startsWith('::') || !s.startsWith(':')) && (s.endsWith('::') || !s.endsWith(':'));
}
