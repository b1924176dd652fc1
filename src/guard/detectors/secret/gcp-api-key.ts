import { B64URL, tokenAt } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/** Google Cloud / Firebase API keys: `AIza` and 35 base64url characters. */
export const gcpApiKey = defineDetector({
  id: 'secret/gcp-api-key',
  title: 'Google API key',
  description: 'AIza followed by 35 base64url characters (39 in all).',
  severity: 'high',
  kind: 'secret',
  confidence: 'high',
  label: 'GOOGLE_KEY',
  trigger: 'anchor',
  anchors: ['AIza'],
  matchAt: (text, at) => tokenAt(text, at, 4, B64URL, 35, 35),
});
