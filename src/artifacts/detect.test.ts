import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat, formatFromName } from './detect.js';
import { bufferSource } from './io/byte-source.js';
import { writeSafetensors } from './writers/safetensors-writer.js';
import { tinyLlamaGguf } from './writers/tiny-llama.js';
import { writeZip } from './writers/zip-writer.js';
import { writeTar } from './writers/tar-writer.js';
import { writeNpy } from './writers/npy-writer.js';

const enc = (s: string) => new TextEncoder().encode(s);
const detect = (name: string, bytes: Uint8Array) => detectFormat(bufferSource(name, bytes));

describe('detectFormat (content first, the name is only a hint)', () => {
  it('knows each model format by its bytes', async () => {
    expect(await detect('m.bin', tinyLlamaGguf())).toBe('gguf');
    expect(await detect('m.bin', writeSafetensors({ a: { dtype: 'F32', shape: [1], data: new Float32Array([1]) } }))).toBe('safetensors');
    expect(await detect('m.bin', writeZip([{ name: 'a', data: enc('x') }]))).toBe('zip');
    expect(await detect('m.bin', writeTar([{ name: 'a', data: enc('x') }]))).toBe('tar');
    expect(await detect('m.bin', writeNpy({ descr: '<f4', shape: [1], data: new Uint8Array(4) }))).toBe('numpy');
    expect(await detect('m.bin', gzipSync(enc('hello')))).toBe('gzip');
  });

  it('sees through misleading names (known scanner bypasses)', async () => {
    const pickle = Uint8Array.from([0x80, 0x02, 0x63, ...enc('os\nsystem\n'), 0x2e]);
    expect(await detect('weights.safetensors', pickle)).toBe('pickle');
    expect(await detect('notes.txt', pickle)).toBe('pickle');
    expect(await detect('notes.txt', enc("cos\nsystem\n(S'ls'\ntR."))).toBe('pickle');
    expect(await detect('model.safetensors', writeZip([{ name: 'data.pkl', data: pickle }]))).toBe('zip');
  });

  it('finds a zip with bytes prepended, as Python zipfile (and torch.load) would open it', async () => {
    const zip = writeZip([{ name: 'archive/data.pkl', data: enc('x') }], { prepend: enc('#!junk before the archive\n') });
    expect(await detect('model.pt', zip)).toBe('zip');
  });

  it('routes zlib streams to the compressed-stream scanner only when binary', async () => {
    expect(await detect('model.joblib', deflateSync(Uint8Array.from({ length: 2000 }, (_, i) => i % 251)))).toBe('gzip');
    expect(await detect('notes.txt', enc('x^ is not zlib, it is prose'))).toBe('text');
  });

  it('tells text, json and python apart, and gives up on noise', async () => {
    expect(await detect('README.md', enc('# Model card\n'))).toBe('text');
    expect(await detect('config.json', enc('{"a":1}'))).toBe('json');
    expect(await detect('modeling.py', enc('import torch\n'))).toBe('python');
    expect(await detect('empty.bin', new Uint8Array(0))).toBe('unknown');
    expect(await detect('noise.bin', Uint8Array.from({ length: 600 }, (_, i) => (i * 97 + 13) % 256))).toBe('unknown');
  });

  it('maps extensions to expected formats', () => {
    expect(formatFromName('outer.zip!inner/model.safetensors')).toEqual(['safetensors']);
    expect(formatFromName('pytorch_model.bin')).toEqual(['pickle', 'zip', 'tar']);
    expect(formatFromName('LICENSE')).toEqual([]);
  });
});
