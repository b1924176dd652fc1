/**
 * XML escaping for the JUnit report. Model outputs are arbitrary text, and
 * XML 1.0 forbids most control characters even when escaped (`&#7;` is not
 * well-formed), so those are written as visible `\u0007` text instead of
 * being dropped: a reader of a failing test still sees that they were there.
 */

// Characters XML 1.0 does not allow at all, plus lone surrogate halves (not characters of any encoding).
// Matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

function visible(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/** Escape text for element content. `>` is escaped too so `]]>` can never appear. */
export function xmlText(s: string): string {
  return s.replace(FORBIDDEN, visible).replace(/[&<>]/g, (c) => TEXT_ENTITIES[c] ?? c);
}

/** Escape text for a double-quoted attribute; newlines and tabs survive attribute normalisation as references. */
export function xmlAttr(s: string): string {
  return s.replace(FORBIDDEN, visible).replace(/[&<>"'\n\r\t]/g, (c) => ATTR_ENTITIES[c] ?? c);
}
