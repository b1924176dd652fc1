import { describe, expect, it } from 'vitest';
import { mapParams, stopList } from './map-params.js';
import { estimatePromptTokens, estimateTokens } from './tokens.js';

describe('token estimates', () => {
  it('counts ~4 Latin characters per token and one token per CJK character', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('hello world')).toBe(3);
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('こんにちは')).toBe(5);
    expect(estimateTokens('你好 world')).toBe(2 + 2);
  });

  it('adds per-message overhead and tool definitions to prompt estimates', () => {
    const base = estimatePromptTokens([{ role: 'user', content: 'hello world' }]);
    expect(base).toBe(3 + 4 + 3);
    const withTools = estimatePromptTokens([{ role: 'user', content: 'hello world' }], [{ type: 'function', function: { name: 'f' } }]);
    expect(withTools).toBeGreaterThan(base);
  });
});

describe('mapParams', () => {
  it('renames, clamps, defaults, transforms and drops as declared', () => {
    const map = {
      temperature: { param: 'temperature', min: 0, max: 1 },
      max_tokens: { param: 'max_completion_tokens', default: 100 },
      stop: { param: 'stop_sequences', transform: stopList },
      seed: { param: 'seed' },
    };
    expect(mapParams(map, { messages: [], temperature: 1.5, stop: 'END', seed: 3 }, { drop: ['seed'] })).toEqual({
      temperature: 1,
      max_completion_tokens: 100,
      stop_sequences: ['END'],
    });
    expect(mapParams(map, { messages: [], temperature: -1 }, { overrides: { temperature: { param: 'temp', min: 0 } } })).toMatchObject({ temp: 0 });
  });
});
