import { describe, expect, it } from 'vitest';
import { matchesGlob, selectedByGlobs } from './glob.js';

describe('matchesGlob', () => {
  it.each([
    ['model.safetensors', '*.safetensors', true],
    ['sub/model.safetensors', '*.safetensors', true],
    ['sub/model.safetensors', 'sub/*.safetensors', true],
    ['a/b/c/model.bin', 'a/**/model.bin', true],
    ['a/model.bin', 'a/**/model.bin', true],
    ['a/b/model.bin', 'a/*.bin', false],
    ['tokenizer.json', '{config,tokenizer}.json', true],
    ['vocab.json', '{config,tokenizer}.json', false],
    ['model-00001-of-00002.safetensors', 'model-0000?-of-*.safetensors', true],
    ['x.py', '[xy].py', true],
    ['z.py', '[xy].py', false],
    ['a.b', 'a?b', true],
    ['a+b.json', 'a+b.json', true],
    ['aab.json', 'a+b.json', false],
  ])('%s ~ %s = %s', (path, glob, expected) => {
    expect(matchesGlob(path, glob)).toBe(expected);
  });

  it('applies include then exclude', () => {
    expect(selectedByGlobs('x/onnx/model.onnx', undefined, ['onnx/**', '**/onnx/**'])).toBe(false);
    expect(selectedByGlobs('model.safetensors', ['*.safetensors'], ['*.bin'])).toBe(true);
    expect(selectedByGlobs('pytorch_model.bin', ['*.safetensors'], undefined)).toBe(false);
  });
});
