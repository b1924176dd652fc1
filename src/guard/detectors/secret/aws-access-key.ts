import { UPPER, DIGIT, tokenAt } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/** AWS access key ids: a four-letter resource prefix and 16 more upper-case letters or digits. */
export const awsAccessKey = defineDetector({
  id: 'secret/aws-access-key',
  title: 'AWS access key id',
  description: 'AKIA/ASIA/AGPA/AIDA/AROA/AIPA/ANPA/ANVA/A3T… followed by 16 upper-case alphanumerics (20 in all).',
  severity: 'high',
  kind: 'secret',
  confidence: 'high',
  label: 'AWS_KEY',
  trigger: 'anchor',
  anchors: ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'A3T'],
  matchAt: (text, at) => tokenAt(text, at, 4, UPPER | DIGIT, 16, 16),
});
