/**
 * Helpers for pattern rules: regex matches over the comment-free view, the
 * "is this about a secret?" window, and string-literal lookups.
 */
import type { Severity } from '../../../core/findings.js';
import type { Source } from '../source/source.js';
import type { CodeHit } from '../types.js';

/** Which text a pattern runs on: comments blanked (`masked`) or comments and string contents blanked (`code`). */
export type View = 'masked' | 'code';

/** A hit for every match of `re` (global) in the chosen view. */
export function matchHits(src: Source, re: RegExp, message: string, view: View = 'masked', severity?: Severity): CodeHit[] {
  const text = src[view];
  const hits: CodeHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    hits.push(severity ? { offset: m.index, message, severity } : { offset: m.index, message });
    if (m[0].length === 0) re.lastIndex++;
  }
  return hits;
}

/** Words that make a hash, random number or literal security-relevant. */
export const SECURITY_WORDS = /pass(?:word|wd|phrase)?|pwd|\bpw\b|secret|token|api_?key|apikey|private_?key|\bkey\b|_key\b|nonce|salt|\botp\b|[a-z]otp\b|session|csrf|credential|signature|\bsign\b|signing|hmac|auth|reset|verify|verification|\biv\b|cookie/i;

/** The line holding `offset`, up to `before` lines above it and the line after (where the value is used), comment-free. */
export function windowAt(src: Source, offset: number, before = 2): string {
  let start = src.masked.lastIndexOf('\n', offset - 1);
  for (let i = 0; i < before && start > 0; i++) start = src.masked.lastIndexOf('\n', start - 1);
  const eol = src.masked.indexOf('\n', offset);
  const end = eol === -1 ? -1 : src.masked.indexOf('\n', eol + 1);
  return src.masked.slice(start + 1, end === -1 ? undefined : end);
}

/** Hits for matches of `re` whose surrounding lines mention a security word. */
export function securityHits(src: Source, re: RegExp, message: string, view: View = 'code', before = 2): CodeHit[] {
  return matchHits(src, re, message, view).filter((h) => SECURITY_WORDS.test(windowAt(src, h.offset, before)));
}
