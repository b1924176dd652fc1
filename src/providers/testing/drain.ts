/** Test helpers: drain a provider stream, and build a provider against a fake upstream. */
import type { ProviderConfig } from '../../core/config/provider.schema.js';
import { createProvider } from '../index.js';
import type { RetryHooks } from '../shared/retry.js';
import type { ChatChunk, Failure, ProviderAdapter, Result } from '../types.js';

/** Everything a stream yielded: chunks, and the failure that ended it, if any. */
export async function drain(stream: AsyncIterable<Result<ChatChunk>>): Promise<{ chunks: ChatChunk[]; failure?: Failure; text: string }> {
  const chunks: ChatChunk[] = [];
  for await (const item of stream) {
    if (!item.ok) return { chunks, failure: item.failure, text: textOf(chunks) };
    chunks.push(item.value);
  }
  return { chunks, text: textOf(chunks) };
}

function textOf(chunks: ChatChunk[]): string {
  return chunks.map((c) => c.choices.map((ch) => ch.delta.content ?? '').join('')).join('');
}

/** Retry hooks that record delays instead of sleeping. */
export function recordingSleep(): RetryHooks & { delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => (delays.push(ms), true), random: () => 0.5 };
}

/** A provider of `type` pointed at a fake upstream, keyed by a fake secret. */
export function fakeProvider(url: string, config: Partial<ProviderConfig> = {}, hooks?: RetryHooks): ProviderAdapter {
  const c = { type: 'openai-compatible', base_url: `${url}/v1`, api_key_env: 'FAKE_KEY', model: 'test-model', ...config } as ProviderConfig;
  return createProvider(c, { id: 'fake', env: { FAKE_KEY: SECRET }, ...(hooks ? { retryHooks: hooks } : {}) });
}

/** The fake API key; tests assert it never shows up in failures. */
export const SECRET = 'sk-test-SECRET-do-not-leak';
