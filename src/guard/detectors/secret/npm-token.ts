import { ALNUM, tokenAt } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/** npm access tokens: `npm_` + 36 alphanumerics. */
export const npmToken = defineDetector({
  id: 'secret/npm-token',
  title: 'npm access token',
  description: 'npm_ followed by exactly 36 alphanumerics.',
  severity: 'high',
  kind: 'secret',
  confidence: 'high',
  label: 'NPM_TOKEN',
  trigger: 'anchor',
  anchors: ['npm_'],
  matchAt: (text, at) => tokenAt(text, at, 4, ALNUM, 36, 36),
});
