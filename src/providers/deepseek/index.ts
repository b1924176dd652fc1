/** DeepSeek (deepseek-chat, deepseek-reasoner). JSON mode is `json_object` only; no `seed`. */
import { jsonObjectOnly, openAICompatible } from '../openai-compatible/index.js';

export const deepseekProvider = openAICompatible({
  id: 'deepseek',
  title: 'DeepSeek',
  baseURL: 'https://api.deepseek.com/v1',
  apiKeyEnv: 'DEEPSEEK_API_KEY',
  drop: ['seed', 'user'],
  overrides: { response_format: { param: 'response_format', transform: jsonObjectOnly } },
  embeddings: false,
});
