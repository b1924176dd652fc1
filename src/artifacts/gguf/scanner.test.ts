import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/findings.js';
import { findingOf, scanBytes, scanWith } from '../safetensors/__fixtures__/scan-helpers.js';
import { gv, writeGguf, type GgufWriteSpec, type GgufWriteTensor } from '../writers/gguf-writer.js';
import { tinyLlamaGguf, tinyLlamaSpec } from '../writers/tiny-llama.js';
import { ggufScanner } from './scanner.js';

const f32 = (name: string, n: number, extra: Partial<GgufWriteTensor> = {}): GgufWriteTensor => ({ name, type: 'F32', dims: [n], data: new Float32Array(n), ...extra });
const scan = (spec: GgufWriteSpec | Uint8Array) => scanWith(ggufScanner, 'm.gguf', spec instanceof Uint8Array ? spec : writeGguf(spec));
const only = (fs: Finding[], ruleId: string) => {
  const f = findingOf(fs, ruleId);
  return [f.ruleId, f.severity];
};

describe('ggufScanner', () => {
  it('finds nothing in the clean tiny llama, through the dispatcher too', async () => {
    expect(await scan(tinyLlamaGguf())).toEqual([]);
    expect(await scanBytes('tiny.gguf', tinyLlamaGguf({ seed: 3 }))).toEqual([]);
  });

  it('gguf/malformed (high): dims overflowing int64', async () => {
    const fs = await scan({ kv: {}, tensors: [{ name: 'x', type: 'F32', dims: [1n << 40n, 1n << 40n], data: new Uint8Array(0) }] });
    expect(only(fs, 'gguf/malformed')).toEqual(['gguf/malformed', 'high']);
    expect(findingOf(fs, 'gguf/malformed').location?.tensor).toBe('x');
  });

  it('gguf/out-of-bounds (high): tensor past the end of the file', async () => {
    const bytes = writeGguf({ kv: {}, tensors: [f32('w', 64)] });
    const fs = await scan(bytes.subarray(0, bytes.length - 64));
    expect(only(fs, 'gguf/out-of-bounds')).toEqual(['gguf/out-of-bounds', 'high']);
  });

  it('gguf/unknown-type (medium for unknown ids, low for retired ones)', async () => {
    const unknown = await scan({ kv: {}, tensors: [f32('w', 8, { type: 77 })] });
    expect(only(unknown, 'gguf/unknown-type')).toEqual(['gguf/unknown-type', 'medium']);
    const retired = await scan({ kv: {}, tensors: [{ name: 'w', type: 31, dims: [32], data: new Uint8Array(18) }] });
    expect(only(retired, 'gguf/unknown-type')).toEqual(['gguf/unknown-type', 'low']);
  });

  it('gguf/misaligned (medium)', async () => {
    const fs = await scan({ kv: {}, tensors: [f32('a', 8), f32('b', 8, { offset: 36n })] });
    expect(only(fs, 'gguf/misaligned')).toEqual(['gguf/misaligned', 'medium']);
  });

  it('gguf/overlap (high) and gguf/gap (low)', async () => {
    const overlap = await scan({ kv: {}, tensors: [f32('a', 8), f32('b', 8), f32('c', 8, { offset: 32n })] });
    expect(only(overlap, 'gguf/overlap')).toEqual(['gguf/overlap', 'high']);
    expect(findingOf(overlap, 'gguf/overlap').location?.tensor).toBe('c');
    const gap = await scan({ kv: {}, tensors: [f32('a', 8, { offset: 64n }), f32('b', 8)], trailing: new Uint8Array(64) });
    expect(only(gap, 'gguf/gap')).toEqual(['gguf/gap', 'low']);
  });

  it('gguf/trailing-data (low), with the tail scanned as a nested member', async () => {
    const fs = await scan({ kv: {}, tensors: [f32('a', 8)], trailing: new TextEncoder().encode('appended payload') });
    expect(only(fs, 'gguf/trailing-data')).toEqual(['gguf/trailing-data', 'low']);
  });

  it('gguf/duplicate-key (high) and gguf/duplicate-tensor (high)', async () => {
    const key = await scan({ kv: [['general.name', gv.str('a')], ['general.name', gv.str('b')]] });
    expect(only(key, 'gguf/duplicate-key')).toEqual(['gguf/duplicate-key', 'high']);
    const tensor = await scan({ kv: {}, tensors: [f32('w', 8), f32('w', 8)] });
    expect(only(tensor, 'gguf/duplicate-tensor')).toEqual(['gguf/duplicate-tensor', 'high']);
  });

  it('gguf/unsupported-version and gguf/big-endian (medium)', async () => {
    const v1 = writeGguf({ kv: {}, version: 1 });
    expect(only(await scan(v1), 'gguf/unsupported-version')).toEqual(['gguf/unsupported-version', 'medium']);
    const be = writeGguf({ kv: {} });
    be.set([0, 0, 0, 3], 4);
    expect(only(await scan(be), 'gguf/big-endian')).toEqual(['gguf/big-endian', 'medium']);
  });

  it('checks tokenizer.chat_template, including every copy of a duplicated key', async () => {
    const evil = "{{ cycler.__init__.__globals__.os.popen('id').read() }}";
    const spec = tinyLlamaSpec({ chatTemplate: evil });
    const fs = await scan(spec);
    const f = findingOf(fs, 'chat-template/jinja-escape');
    expect(f.severity).toBe('critical');
    expect(f.location?.key).toBe('tokenizer.chat_template');
    const dup = await scan({ kv: [['tokenizer.chat_template', gv.str('{{ messages }}')], ['tokenizer.chat_template', gv.str(evil)]] });
    expect(dup.map((x) => x.ruleId)).toContain('chat-template/jinja-escape');
    const named = await scan({ kv: { 'tokenizer.chat_template.tool_use': gv.str('{{ lipsum.__globals__ }}') } });
    expect(findingOf(named, 'chat-template/jinja-escape').location?.key).toBe('tokenizer.chat_template.tool_use');
  });
});
