import { B64URL, tokenAt } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/** Anthropic API and admin keys: `sk-ant-api03-…`, `sk-ant-admin01-…`, `sk-ant-oat01-…`. */
export const anthropicKey = defineDetector({
  id: 'secret/anthropic-key',
  title: 'Anthropic API key',
  description: 'sk-ant- followed by a kind and version (api03-, admin01-, oat01-) and 80-128 base64url characters.',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'ANTHROPIC_KEY',
  trigger: 'anchor',
  anchors: ['sk-ant-'],
  matchAt(text, at) {
    const kind = /^(?:api|admin|oat)\d\d-/.exec(text.slice(at + 7, at + 16));
    if (!kind) return undefined;
    const hit = tokenAt(text, at, 7 + kind[0].length, B64URL, 80, 128);
    return hit && hit.end - at - 7 - kind[0].length >= 80 ? hit : undefined;
  },
});
