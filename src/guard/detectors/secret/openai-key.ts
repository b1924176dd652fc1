import { ALNUM, B64URL, boundaryBefore, runOf } from '../../checks/chars.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

// "T3BlbkFJ" is base64 of "OpenAI"; every OpenAI key format embeds it.
const MARKER = 'T3BlbkFJ';
const PROJECT = /^(?:proj|svcacct|admin)-/;

/** OpenAI API keys: `sk-proj-`/`sk-svcacct-`/`sk-admin-` keys and legacy `sk-` keys carrying the OpenAI marker. */
export const openaiKey = defineDetector({
  id: 'secret/openai-key',
  title: 'OpenAI API key',
  description: 'sk-proj-/sk-svcacct-/sk-admin- + 40+ base64url characters, or sk- + 48 alphanumerics containing T3BlbkFJ.',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'OPENAI_KEY',
  trigger: 'anchor',
  anchors: ['sk-'],
  matchAt(text, at): Hit | undefined {
    if (!boundaryBefore(text, at, B64URL)) return undefined;
    const start = at + 3;
    const head = text.slice(start, start + 8);
    if (PROJECT.test(head)) {
      const n = runOf(text, start, B64URL, 300);
      return n >= 50 && n < 300 ? { start: at, end: start + n } : undefined;
    }
    const n = runOf(text, start, ALNUM, 49);
    if (n !== 48 || runOf(text, start + n, B64URL, 1) > 0) return undefined;
    return text.slice(start, start + n).includes(MARKER) ? { start: at, end: start + n } : undefined;
  },
});

