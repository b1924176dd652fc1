import { ALPHA, tokenAt } from '../../checks/chars.js';
import { defineDetector } from '../../define.js';

/** Hugging Face user access tokens (`hf_` + 34 letters) and organisation tokens (`api_org_` + 34 letters). */
export const huggingfaceToken = defineDetector({
  id: 'secret/huggingface-token',
  title: 'Hugging Face token',
  description: 'hf_ or api_org_ followed by exactly 34 letters.',
  severity: 'high',
  kind: 'secret',
  confidence: 'high',
  label: 'HF_TOKEN',
  trigger: 'anchor',
  anchors: ['hf_', 'api_org_'],
  matchAt: (text, at, anchor) => tokenAt(text, at, anchor.length, ALPHA, 34, 34),
});
