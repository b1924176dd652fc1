import { keyParts, readAssignment } from '../../checks/assignment.js';
import { defineDetector } from '../../define.js';

const VALUE = /^[A-Za-z0-9/+]{40}$/;

/** AWS secret access keys: 40 base64 characters assigned to a key naming an AWS secret key. */
export const awsSecretKey = defineDetector({
  id: 'secret/aws-secret-key',
  title: 'AWS secret access key',
  description: '40 base64 characters assigned to aws_secret_access_key, SecretAccessKey or similar.',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'AWS_SECRET',
  trigger: 'anchor',
  anchors: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret'],
  ignoreCase: true,
  matchAt(text, at, anchor) {
    const a = readAssignment(text, at, anchor.length);
    if (!a || a.valueEnd - a.valueStart !== 40) return undefined;
    const parts = keyParts(a.key);
    if (!parts.includes('secret') || !(parts.includes('aws') || parts.includes('access'))) return undefined;
    const value = text.slice(a.valueStart, a.valueEnd);
    return VALUE.test(value) && hasMix(value) ? { start: a.valueStart, end: a.valueEnd } : undefined;
  },
});

// A real key mixes cases and digits; a 40-letter identifier does not.
function hasMix(v: string): boolean {
  return /[a-z]/.test(v) && /[A-Z]/.test(v) && /[0-9/+]/.test(v);
}
