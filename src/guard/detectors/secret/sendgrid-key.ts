import { B64URL, boundaryBefore, runOf } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/** SendGrid API keys: `SG.` + 22 base64url + `.` + 43 base64url. */
export const sendgridKey = defineDetector({
  id: 'secret/sendgrid-key',
  title: 'SendGrid API key',
  description: 'SG.<22 base64url>.<43 base64url>.',
  severity: 'high',
  kind: 'secret',
  confidence: 'high',
  label: 'SENDGRID_KEY',
  trigger: 'anchor',
  anchors: ['SG.'],
  matchAt(text, at) {
    if (!boundaryBefore(text, at, B64URL)) return undefined;
    const a = runOf(text, at + 3, B64URL, 23);
    if (a !== 22 || text[at + 25] !== '.') return undefined;
    const b = runOf(text, at + 26, B64URL, 44);
    return b === 43 ? { start: at, end: at + 69 } : undefined;
  },
});
