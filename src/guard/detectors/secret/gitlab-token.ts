import { B64URL, tokenAt } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/** GitLab personal, deploy and runner tokens (`glpat-`, `gldt-`, `glrt-`) with 20+ base64url characters. */
export const gitlabToken = defineDetector({
  id: 'secret/gitlab-token',
  title: 'GitLab token',
  description: 'glpat-/gldt-/glrt- followed by 20-128 base64url characters.',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'GITLAB_TOKEN',
  trigger: 'anchor',
  anchors: ['glpat-', 'gldt-', 'glrt-'],
  matchAt: (text, at, anchor) => tokenAt(text, at, anchor.length, B64URL, 20, 128),
});
