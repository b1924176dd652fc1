/** Fireworks AI. */
import { openAICompatible } from '../openai-compatible/index.js';

export const fireworksProvider = openAICompatible({
  id: 'fireworks',
  title: 'Fireworks AI',
  baseURL: 'https://api.fireworks.ai/inference/v1',
  apiKeyEnv: 'FIREWORKS_API_KEY',
});
