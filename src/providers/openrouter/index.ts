/** OpenRouter. Reasoning arrives as `reasoning`, which the mapping reads as reasoning_content. */
import { openAICompatible } from '../openai-compatible/index.js';

export const openrouterProvider = openAICompatible({
  id: 'openrouter',
  title: 'OpenRouter',
  baseURL: 'https://openrouter.ai/api/v1',
  apiKeyEnv: 'OPENROUTER_API_KEY',
  embeddings: false,
});
