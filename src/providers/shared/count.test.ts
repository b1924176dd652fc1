import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fakeProvider } from '../testing/drain.js';
import { fixture, startFakeUpstream, type FakeUpstream } from '../testing/fake-upstream.js';
import { countWithGguf, disposeModels } from './llama-engine.js';

const SHARED = process.env.MODELGATE_SHARED ?? fileURLToPath(new URL('../../../../shared', import.meta.url));
const VOCAB = join(SHARED, 'fixtures/models/ggml-vocab-llama-spm.gguf');
const HAS_VOCAB = existsSync(VOCAB);
if (!HAS_VOCAB) console.warn(`[token counting] SKIPPING GGUF vocabulary tests: ${VOCAB} is absent`);

let fake: FakeUpstream | undefined;
afterEach(async () => fake?.close());
afterAll(() => disposeModels());

describe.skipIf(!HAS_VOCAB)('usage from a GGUF vocabulary (tokenizer_path)', () => {
  it("counts with the model's own tokenizer, matching llama.cpp's reference ids", async () => {
    // ggml-vocab-llama-spm.gguf.out: "Hello world" -> 15043 3186
    expect(await countWithGguf(VOCAB, ['Hello world'], 'test')).toBe(2);
  });

  it('fills missing upstream usage from tokenizer_path and marks it so', async () => {
    fake = await startFakeUpstream([{ body: fixture(new URL('../openai-compatible/x', import.meta.url).href, 'chat-no-usage.json') }]);
    const r = await fakeProvider(fake.url, { tokenizer_path: VOCAB }).chat({ messages: [{ role: 'user', content: 'Hello world' }] });
    expect(r.ok && r.value.usage.source).toBe('tokenizer');
    const completion = await countWithGguf(VOCAB, ['你好，世界! Hello there.'], 'test');
    expect(r.ok && r.value.usage.completion_tokens).toBe(completion);
    // 2 content tokens + 4 per message + 3 to prime the reply
    expect(r.ok && r.value.usage.prompt_tokens).toBe(2 + 4 + 3);
  });
});
