import { boundaryBefore } from '../../checks/chars.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

const BEARER = /[A-Za-z0-9._~+/-]{20,4096}=*/y;
const BASIC = /[A-Za-z0-9+/]{8,1024}={0,2}/y;

/** Credentials after `Bearer ` / `Basic ` in Authorization headers, curl commands and logs. */
export const authHeader = defineDetector({
  id: 'secret/auth-header',
  title: 'Authorization header credential',
  description: 'Bearer <20+ token chars with a digit>, or Basic <base64 of user:password>.',
  severity: 'high',
  kind: 'secret',
  confidence: 'medium',
  label: 'AUTH_TOKEN',
  trigger: 'anchor',
  anchors: ['Bearer ', 'bearer ', 'Basic '],
  matchAt(text, at, anchor): Hit | undefined {
    if (!boundaryBefore(text, at)) return undefined;
    const start = at + anchor.length;
    const re = anchor === 'Basic ' ? BASIC : BEARER;
    re.lastIndex = start;
    const m = re.exec(text);
    if (!m) return undefined;
    const value = m[0];
    if (anchor === 'Basic ') return isBasicCredential(value) ? { start, end: start + value.length } : undefined;
    // Placeholders such as YOUR_API_TOKEN_HERE have no digits.
    return /\d/.test(value) && /[a-z]/i.test(value) ? { start, end: start + value.length } : undefined;
  },
});

function isBasicCredential(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+:[\x20-\x7e]+$/.test(decoded);
}
