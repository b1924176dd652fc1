import { B64, B64URL, EQUALS, runOf } from '../../checks/chars.js';
import { shannonEntropy } from '../../checks/entropy.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';
import { SECRET_KEYWORDS } from './keywords.js';

// Base64, base64url and hex characters (padding included).
const TOKEN = B64 | B64URL | EQUALS;
// How far after a keyword a token may start (same line), and how many tokens are examined.
const WINDOW = 64;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Random-looking base64 or hex tokens (20+ chars) within a few words after a secret keyword:
 * "my key is 9f8e…", `token => 'Zm9v…'`. Shannon entropy keeps words and paths out.
 */
export const highEntropy = defineDetector({
  id: 'secret/high-entropy',
  title: 'High-entropy string near a secret keyword',
  description: 'A base64/hex token of 20+ characters with high Shannon entropy, after key/secret/token/password on the same line.',
  severity: 'medium',
  kind: 'secret',
  confidence: 'low',
  label: 'SECRET',
  trigger: 'anchor',
  anchors: SECRET_KEYWORDS,
  ignoreCase: true,
  matchAt(text, at, anchor): Hit | undefined {
    let i = at + anchor.length;
    i += runOf(text, i, B64URL, 64);
    const stop = Math.min(text.length, i + WINDOW);
    while (i < stop) {
      if (text.charCodeAt(i) === 10) return undefined;
      const n = runOf(text, i, TOKEN, 512);
      if (n >= 20 && isRandomToken(text.slice(i, i + n))) return { start: i, end: i + n };
      i += n === 0 ? 1 : n;
    }
    return undefined;
  },
});

/** True for a token that looks random: mixed letters and digits, high entropy, not a UUID or path. */
export function isRandomToken(raw: string): boolean {
  const token = raw.replace(/=+$/, '');
  if (token.length < 20 || UUID.test(token)) return false;
  if (!/\d/.test(token) || !/[a-z]/i.test(token)) return false;
  if ((token.match(/\//g)?.length ?? 0) >= 3 && /\/[a-z]{3,}\//.test(token)) return false;
  const h = shannonEntropy(token);
  if (/^[0-9a-f]+$/i.test(token)) return h >= 3.0;
  return h >= Math.min(4.0, 0.8 * Math.log2(token.length));
}
