import { B64URL, DOT, boundaryBefore, runOf } from '../../checks/chars.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

/** JSON Web Tokens: three base64url parts whose first decodes to a JSON header with `alg` or `typ`. */
export const jwt = defineDetector({
  id: 'secret/jwt',
  title: 'JSON Web Token',
  description: 'eyJ….eyJ….<signature>: a base64url JSON header with "alg"/"typ", a JSON payload and a signature.',
  severity: 'high',
  kind: 'secret',
  confidence: 'high',
  label: 'JWT',
  trigger: 'anchor',
  anchors: ['eyJ'],
  matchAt(text, at): Hit | undefined {
    if (!boundaryBefore(text, at, B64URL | DOT)) return undefined;
    const h = runOf(text, at, B64URL, 2048);
    if (h < 10 || text[at + h] !== '.') return undefined;
    const p0 = at + h + 1;
    if (!text.startsWith('eyJ', p0)) return undefined;
    const p = runOf(text, p0, B64URL, 16_384);
    if (p < 10 || text[p0 + p] !== '.') return undefined;
    const s0 = p0 + p + 1;
    const s = runOf(text, s0, B64URL, 2048);
    if (!headerIsJson(text.slice(at, at + h))) return undefined;
    return { start: at, end: s0 + s };
  },
});

function headerIsJson(part: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && ('alg' in header || 'typ' in header);
  } catch {
    return false;
  }
}
