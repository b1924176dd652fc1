/** LM Studio's local server. */
import { openAICompatible } from '../openai-compatible/index.js';

export const lmStudioProvider = openAICompatible({
  id: 'lm-studio',
  title: 'LM Studio',
  baseURL: 'http://127.0.0.1:1234/v1',
  keyRequired: false,
});
