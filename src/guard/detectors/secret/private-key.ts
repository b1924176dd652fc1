import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

const HEADER = /^-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/;
// Base64 body characters, whitespace, the `\n` escapes of a key pasted into JSON, and PGP armor
// headers (`Version: …`). Keys are a few KB; longer bodies are cut at 16 KB.
const BODY = /[A-Za-z0-9+/=\s\\:]{0,16384}/y;

/** PEM private-key blocks (PKCS#1/#8, EC, DSA, OpenSSH, PGP), also inside JSON strings. */
export const privateKey = defineDetector({
  id: 'secret/private-key',
  title: 'Private key',
  description: 'A -----BEGIN … PRIVATE KEY----- block through its END line (or its body when truncated).',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'PRIVATE_KEY',
  trigger: 'anchor',
  anchors: ['-----BEGIN '],
  matchAt(text, at): Hit | undefined {
    const header = HEADER.exec(text.slice(at, at + 48));
    if (!header) return undefined;
    const bodyStart = at + header[0].length;
    // The END line must follow the body directly: no unbounded search for it (a text of many
    // BEGIN lines would otherwise be scanned to its end once per line).
    BODY.lastIndex = bodyStart;
    BODY.exec(text);
    const bodyEnd = BODY.lastIndex;
    if (text.startsWith('-----END ', bodyEnd)) {
      const close = text.slice(bodyEnd + 9, bodyEnd + 48).indexOf('-----');
      if (close !== -1) return { start: at, end: bodyEnd + 9 + close + 5 };
    }
    let end = bodyEnd;
    while (end > bodyStart) {
      if (/\s/.test(text[end - 1] ?? '')) end--;
      else if (text.startsWith('\\n', end - 2)) end -= 2;
      else break;
    }
    return end - bodyStart >= 64 ? { start: at, end } : undefined;
  },
});
