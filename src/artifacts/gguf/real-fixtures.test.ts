import { describe, expect, it } from 'vitest';
import { fileSource } from '../io/byte-source.js';
import { REAL_MODELS_DIR, realModel, testContext } from '../safetensors/__fixtures__/scan-helpers.js';
import { ggufString } from './kv-access.js';
import { readGgufHeader } from './read-header.js';
import { ggufScanner } from './scanner.js';

// Facts from shared/fixtures/models/README.md.
const FILES: Array<[file: string, tensors: number | undefined, kv: number | undefined, arch: string]> = [
  ['stories260K.gguf', 48, 19, 'llama'],
  ['llama-2-tiny-random.gguf', 12, 18, 'llama'],
  ['ggml-vocab-llama-spm.gguf', 0, undefined, 'llama'],
  ['ggml-vocab-deepseek-llm.gguf', 0, undefined, 'llama'],
  ['ggml-vocab-deepseek-coder.gguf', 0, undefined, 'llama'],
  ['ggml-vocab-baichuan.gguf', 0, undefined, 'baichuan'],
  ['ggml-vocab-bert-bge.gguf', 0, undefined, 'bert'],
  ['ggml-vocab-falcon.gguf', 0, undefined, 'falcon'],
  ['ggml-vocab-gpt-2.gguf', 0, undefined, 'gpt2'],
  ['ggml-vocab-phi-3.gguf', 0, undefined, 'phi3'],
];

const present = realModel('stories260K.gguf') !== undefined;
if (!present) console.warn(`real GGUF fixtures not found in ${REAL_MODELS_DIR}; skipping (set MODELGATE_MODEL_FIXTURES to run them)`);

describe.skipIf(!present)(`real GGUF fixtures in ${REAL_MODELS_DIR}`, () => {
  it.each(FILES)('%s parses with the documented counts and scans without errors', async (file, tensors, kv, arch) => {
    const path = realModel(file);
    if (!path) return;
    const src = await fileSource(path, file);
    try {
      const h = await readGgufHeader(src);
      expect(h.problems).toEqual([]);
      expect(h.complete).toBe(true);
      expect(h.version).toBe(3);
      expect(ggufString(h, 'general.architecture')).toBe(arch);
      if (tensors !== undefined) expect(h.tensors).toHaveLength(tensors);
      if (kv !== undefined) expect(h.entries).toHaveLength(kv);
      const findings = await ggufScanner.scan(src, testContext());
      expect(findings.filter((f) => f.severity !== 'info' && f.severity !== 'low')).toEqual([]);
    } finally {
      await src.close();
    }
  });
});
