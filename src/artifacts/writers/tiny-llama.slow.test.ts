import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTempDir } from '../../../test/support/temp-dir.js';
import { tinyLlamaGguf } from './tiny-llama.js';

/** node-llama-cpp with its prebuilt CPU binary, or undefined when unavailable here. */
async function loadLlama() {
  try {
    const { getLlama, LlamaCompletion } = await import('node-llama-cpp');
    return { llama: await getLlama({ gpu: false, build: 'never', progressLogs: false }), LlamaCompletion };
  } catch (e) {
    console.warn(`node-llama-cpp unavailable (${e instanceof Error ? e.message : String(e)}); skipping the llama.cpp load test`);
    return undefined;
  }
}

const runtime = await loadLlama();

describe.skipIf(!runtime)('tiny llama in llama.cpp (node-llama-cpp)', () => {
  it('loads, tokenizes with the SentencePiece vocabulary and generates', async () => {
    const { path, cleanup } = await createTempDir();
    try {
      const file = join(path, 'tiny.gguf');
      await writeFile(file, tinyLlamaGguf({ license: 'apache-2.0' }));
      const model = await runtime!.llama.loadModel({ modelPath: file });
      expect(model.tokenize('hello world the model')).toHaveLength(4);
      const context = await model.createContext({ contextSize: 256 });
      const completion = new runtime!.LlamaCompletion({ contextSequence: context.getSequence() });
      const text = await completion.generateCompletion('hello', { maxTokens: 4 });
      expect(typeof text).toBe('string');
      await context.dispose();
      await model.dispose();
    } finally {
      await cleanup();
    }
  });
});
