/** Together AI. */
import { openAICompatible } from '../openai-compatible/index.js';

export const togetherProvider = openAICompatible({
  id: 'together',
  title: 'Together AI',
  baseURL: 'https://api.together.xyz/v1',
  apiKeyEnv: 'TOGETHER_API_KEY',
});
