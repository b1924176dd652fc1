/**
 * Opening the local engine: load the GGUF (shared, cached per path), then a
 * context per provider instance with one sequence per allowed concurrent
 * request. Nothing happens until the first call.
 */
import { availableParallelism } from 'node:os';
import type { LlamaChat } from 'node-llama-cpp';
import { loadGguf } from '../shared/llama-engine.js';
import { Semaphore } from '../shared/limits.js';
import type { ProviderSettings } from '../definition.js';
import type { Result } from '../types.js';
import type { LocalEngine } from './types.js';

/**
 * Threads for generation when the config does not say: leave one core to the
 * event loop and cap at 4. On a 2-core machine that is 1, and it matters:
 * stories260K made 60 tokens in ~40 ms with 1 thread and ~1 s with 2 (the
 * worker threads spin against the main thread); small models gain nothing
 * from more threads and large ones little past 4 on shared CPUs.
 */
export function defaultThreads(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores - 1, 4));
}

/** Context size when the config does not say: the trained length, capped to keep memory small. */
export const DEFAULT_CONTEXT_CAP = 4096;

/** Open (load, create context, make chats) for these settings. */
export async function openEngine(s: ProviderSettings): Promise<Result<LocalEngine>> {
  const local = s.local;
  if (!local) return { ok: false, failure: { kind: 'upstream_5xx', provider: s.id, message: 'local provider without model_path' } };
  const loaded = await loadGguf(local.modelPath, { provider: s.id });
  if (!loaded.ok) return loaded;
  const { model } = loaded.value;
  const contextSize = local.contextSize ?? Math.min(loaded.value.trainedContext ?? model.trainContextSize, DEFAULT_CONTEXT_CAP);
  const threads = local.threads ?? defaultThreads();
  const sequences = Math.max(1, s.concurrency ?? 1);
  try {
    // Imported here, not at the top: loading the binding is work, and importing the registry must do none.
    const { LlamaChat: Chat } = await import('node-llama-cpp');
    const context = await model.createContext({ contextSize, threads, sequences });
    const idle: LlamaChat[] = [];
    for (let i = 0; i < sequences; i++) idle.push(new Chat({ contextSequence: context.getSequence(), autoDisposeSequence: false }));
    return { ok: true, value: { loaded: loaded.value, context, idle, slots: new Semaphore(sequences), contextSize, threads } };
  } catch (err) {
    return { ok: false, failure: { kind: 'upstream_5xx', provider: s.id, message: `cannot create a llama.cpp context (${contextSize} tokens): ${(err as Error).message}` } };
  }
}
