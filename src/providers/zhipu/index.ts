/** Zhipu GLM (BigModel open platform). Temperature in [0, 1]; `sensitive` finish means a content filter hit. */
import { jsonObjectOnly, openAICompatible } from '../openai-compatible/index.js';

export const zhipuProvider = openAICompatible({
  id: 'zhipu',
  title: 'Zhipu GLM',
  // International accounts (Z.ai) use https://api.z.ai/api/paas/v4.
  baseURL: 'https://open.bigmodel.cn/api/paas/v4',
  apiKeyEnv: 'ZHIPU_API_KEY',
  drop: ['seed', 'stream_options'],
  overrides: {
    temperature: { param: 'temperature', min: 0, max: 1 },
    response_format: { param: 'response_format', transform: jsonObjectOnly },
    user: { param: 'user_id' },
  },
});
