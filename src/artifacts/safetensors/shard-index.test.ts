import { describe, expect, it } from 'vitest';
import { checkShardIndex, isPlainFileName } from './shard-index.js';

const index = (map: Record<string, string>) => ({ metadata: { total_size: 8 }, weight_map: map });

describe('checkShardIndex', () => {
  it('accepts plain shard names present in the folder', () => {
    const map = { 'a.weight': 'model-00001-of-00002.safetensors', 'b.weight': 'model-00002-of-00002.safetensors' };
    expect(checkShardIndex('model.safetensors.index.json', index(map), new Set(Object.values(map)))).toEqual([]);
  });

  it('flags traversal, absolute and drive paths as safetensors/index-path (high)', () => {
    const fs = checkShardIndex('model.safetensors.index.json', index({ a: '../../etc/passwd', b: '/abs/x.safetensors', c: 'C:\\x.safetensors', d: 'sub/x.safetensors' }));
    expect(fs.map((f) => [f.ruleId, f.severity, f.location?.key])).toEqual([
      ['safetensors/index-path', 'high', 'weight_map.a'],
      ['safetensors/index-path', 'high', 'weight_map.b'],
      ['safetensors/index-path', 'high', 'weight_map.c'],
      ['safetensors/index-path', 'high', 'weight_map.d'],
    ]);
  });

  it('flags pickle shards in a safetensors index and missing shards as safetensors/index-shard (medium)', () => {
    const fs = checkShardIndex('model.safetensors.index.json', index({ a: 'pytorch_model.bin', b: 'gone.safetensors' }), new Set(['pytorch_model.bin']));
    expect(fs.map((f) => [f.ruleId, f.severity, f.evidence])).toEqual([
      ['safetensors/index-shard', 'medium', 'pytorch_model.bin'],
      ['safetensors/index-shard', 'medium', 'gone.safetensors'],
    ]);
  });

  it('knows plain names', () => {
    expect(['a.safetensors', '.hidden', 'x..y'].every(isPlainFileName)).toBe(true);
    expect(['', '.', '..', 'a/b', 'a\\b', 'c:x', '~x', 'a\0b'].some(isPlainFileName)).toBe(false);
  });
});
