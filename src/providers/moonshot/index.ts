/** Moonshot AI (Kimi). Temperature is limited to [0, 1]; JSON mode is `json_object` only. */
import { jsonObjectOnly, openAICompatible } from '../openai-compatible/index.js';

export const moonshotProvider = openAICompatible({
  id: 'moonshot',
  title: 'Moonshot (Kimi)',
  // China accounts use https://api.moonshot.cn/v1.
  baseURL: 'https://api.moonshot.ai/v1',
  apiKeyEnv: 'MOONSHOT_API_KEY',
  drop: ['seed'],
  overrides: {
    temperature: { param: 'temperature', min: 0, max: 1 },
    response_format: { param: 'response_format', transform: jsonObjectOnly },
  },
  embeddings: false,
});
