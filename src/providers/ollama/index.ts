/** Ollama's OpenAI-compatible endpoint. Model names may contain a colon (`qwen2.5:7b`). */
import { openAICompatible } from '../openai-compatible/index.js';

export const ollamaProvider = openAICompatible({
  id: 'ollama',
  title: 'Ollama',
  baseURL: 'http://127.0.0.1:11434/v1',
  keyRequired: false,
});
