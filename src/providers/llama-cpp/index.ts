/** llama.cpp's `llama-server`. */
import { openAICompatible } from '../openai-compatible/index.js';

export const llamaCppProvider = openAICompatible({
  id: 'llama-cpp',
  title: 'llama.cpp server',
  baseURL: 'http://127.0.0.1:8080/v1',
  apiKeyEnv: 'LLAMA_API_KEY',
  keyRequired: false,
});
