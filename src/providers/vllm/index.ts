/** A vLLM server (`vllm serve`); a key only when started with --api-key. */
import { openAICompatible } from '../openai-compatible/index.js';

export const vllmProvider = openAICompatible({
  id: 'vllm',
  title: 'vLLM',
  baseURL: 'http://127.0.0.1:8000/v1',
  apiKeyEnv: 'VLLM_API_KEY',
  keyRequired: false,
});
