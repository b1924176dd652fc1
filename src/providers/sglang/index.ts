/** An SGLang server (`python -m sglang.launch_server`). */
import { openAICompatible } from '../openai-compatible/index.js';

export const sglangProvider = openAICompatible({
  id: 'sglang',
  title: 'SGLang',
  baseURL: 'http://127.0.0.1:30000/v1',
  apiKeyEnv: 'SGLANG_API_KEY',
  keyRequired: false,
});
