import { ALNUM, B64URL, boundaryBefore, runOf } from '../../checks/chars.js';
import type { Hit } from '../../types.js';
import { defineDetector } from '../../define.js';

/**
 * `sk-` keys of OpenAI-compatible providers (DeepSeek and DashScope: sk- + 32 hex; Moonshot,
 * SiliconFlow and others: sk- + 32-64 alphanumerics). Real OpenAI keys win the overlap.
 */
export const skApiKey = defineDetector({
  id: 'secret/sk-api-key',
  title: 'sk- API key (OpenAI-compatible provider)',
  description: 'sk- followed by 32-64 alphanumerics with digits and letters (DeepSeek, DashScope, Moonshot, SiliconFlow…).',
  severity: 'high',
  kind: 'secret',
  confidence: 'medium',
  label: 'API_KEY',
  trigger: 'anchor',
  anchors: ['sk-'],
  matchAt(text, at): Hit | undefined {
    if (!boundaryBefore(text, at, B64URL)) return undefined;
    const start = at + 3;
    const n = runOf(text, start, ALNUM, 65);
    if (n < 32 || n > 64 || runOf(text, start + n, B64URL, 1) > 0) return undefined;
    const body = text.slice(start, start + n);
    return /\d/.test(body) && /[a-zA-Z]/.test(body) ? { start: at, end: start + n } : undefined;
  },
});
