import { readAssignment } from '../../checks/assignment.js';
import { defineDetector } from '../../define.js';

const KEY_ID = /^[0-9a-f]{40}$/;

/**
 * Google service-account key files: the `private_key_id` (40 hex) of the JSON. The `private_key`
 * beside it is a PEM block, reported by `secret/private-key` even with JSON `\n` escapes.
 */
export const gcpServiceAccount = defineDetector({
  id: 'secret/gcp-service-account',
  title: 'Google service-account key id',
  description: '"private_key_id": "<40 hex>" as in a service-account key JSON.',
  severity: 'high',
  kind: 'secret',
  confidence: 'high',
  label: 'GCP_KEY_ID',
  trigger: 'anchor',
  anchors: ['private_key_id'],
  matchAt(text, at, anchor) {
    const a = readAssignment(text, at, anchor.length);
    if (!a || !a.quoted || a.key !== 'private_key_id') return undefined;
    return KEY_ID.test(text.slice(a.valueStart, a.valueEnd)) ? { start: a.valueStart, end: a.valueEnd } : undefined;
  },
});
