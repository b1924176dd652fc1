import { ALNUM, boundaryBefore, runOf } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

const HEX32 = /^[0-9a-f]{32}$/;

/**
 * Twilio API key sids (`SK` + 32 lower-case hex). Account sids (`AC…`) identify rather than
 * authenticate and are not reported; auth tokens are bare hex, left to the context detectors.
 */
export const twilioKey = defineDetector({
  id: 'secret/twilio-key',
  title: 'Twilio API key',
  description: 'SK followed by exactly 32 lower-case hex digits.',
  severity: 'high',
  kind: 'secret',
  confidence: 'high',
  label: 'TWILIO_KEY',
  trigger: 'anchor',
  anchors: ['SK'],
  matchAt(text, at) {
    if (!boundaryBefore(text, at) || runOf(text, at + 2, ALNUM, 33) !== 32) return undefined;
    return HEX32.test(text.slice(at + 2, at + 34)) ? { start: at, end: at + 34 } : undefined;
  },
});
