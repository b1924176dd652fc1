import { describe, expect, it } from 'vitest';
import { hubOptionsFromEnv } from './env.js';

describe('hubOptionsFromEnv', () => {
  it('defaults to the public hub and no token', () => {
    expect(hubOptionsFromEnv({})).toEqual({ endpoint: 'https://huggingface.co', token: undefined });
  });

  it('reads HF_ENDPOINT (without trailing slash) and HF_TOKEN, ignoring blanks', () => {
    expect(hubOptionsFromEnv({ HF_ENDPOINT: 'https://hf-mirror.example/', HF_TOKEN: ' hf_abc ' })).toEqual({ endpoint: 'https://hf-mirror.example', token: 'hf_abc' });
    expect(hubOptionsFromEnv({ HF_ENDPOINT: '  ', HF_TOKEN: '' })).toEqual({ endpoint: 'https://huggingface.co', token: undefined });
  });

  it('falls back to the older HUGGING_FACE_HUB_TOKEN', () => {
    expect(hubOptionsFromEnv({ HUGGING_FACE_HUB_TOKEN: 'hf_old' }).token).toBe('hf_old');
    expect(hubOptionsFromEnv({ HF_TOKEN: 'hf_new', HUGGING_FACE_HUB_TOKEN: 'hf_old' }).token).toBe('hf_new');
  });
});
