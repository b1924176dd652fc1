import { ALNUM, WORD, tokenAt } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/**
 * GitHub tokens: classic (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` + 36 base62) and fine-grained
 * (`github_pat_` + 82 word characters). The CRC32 tail is not verified (see README).
 */
export const githubToken = defineDetector({
  id: 'secret/github-token',
  title: 'GitHub token',
  description: 'ghp_/gho_/ghu_/ghs_/ghr_ + 36 alphanumerics, or github_pat_ + 82 word characters.',
  severity: 'critical',
  kind: 'secret',
  confidence: 'high',
  label: 'GITHUB_TOKEN',
  trigger: 'anchor',
  anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  matchAt: (text, at, anchor) =>
    anchor === 'github_pat_' ? tokenAt(text, at, anchor.length, WORD, 82, 82) : tokenAt(text, at, 4, ALNUM, 36, 36),
});
