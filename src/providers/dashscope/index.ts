/** Qwen on Alibaba Cloud Model Studio (DashScope), OpenAI-compatible mode, international endpoint. */
import { openAICompatible } from '../openai-compatible/index.js';

export const dashscopeProvider = openAICompatible({
  id: 'dashscope',
  title: 'Qwen (DashScope compatible mode)',
  // Mainland China accounts use https://dashscope.aliyuncs.com/compatible-mode/v1 (set base_url).
  baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  apiKeyEnv: 'DASHSCOPE_API_KEY',
  drop: ['user'],
});
