/** OpenAI itself. Newer models take `max_completion_tokens`; it also works on older ones. */
import { openAICompatible } from '../openai-compatible/index.js';

export const openaiProvider = openAICompatible({
  id: 'openai',
  title: 'OpenAI',
  baseURL: 'https://api.openai.com/v1',
  apiKeyEnv: 'OPENAI_API_KEY',
  overrides: { max_tokens: { param: 'max_completion_tokens', min: 1 } },
});
