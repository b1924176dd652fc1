/**
 * Bridges node-llama-cpp's token callbacks to an async iterator of chunks.
 * The generation runs while the consumer reads; if the consumer leaves
 * early, the generation is aborted and awaited so the sequence is free again.
 */
import { ChunkAssembler } from '../shared/assemble.js';
import { makeUsage } from '../shared/tokens.js';
import type { ChatChunk, Result } from '../types.js';
import { chunkOf, finishOf } from './chat.js';
import type { LocalOutput } from './types.js';

/** Callbacks a streaming generation reports through. */
export interface Emit {
  text(t: string): void;
  reasoning(t: string): void;
  toolParams(index: number, name: string, chunk: string): void;
}

/** Chunk builders for one response id, turning callbacks into chunk pushes. */
function emitter(id: string, model: string, push: (c: ChatChunk) => void): Emit {
  const seen = new Set<number>();
  return {
    text: (t) => push(chunkOf(id, model, { content: t })),
    reasoning: (t) => push(chunkOf(id, model, { reasoning_content: t })),
    toolParams: (index, name, args) => {
      const first = !seen.has(index);
      seen.add(index);
      const delta = first ? { index, id: `call_${index}`, type: 'function' as const, function: { name, arguments: args } } : { index, function: { arguments: args } };
      push(chunkOf(id, model, { tool_calls: [delta] }));
    },
  };
}

/**
 * Run `generate` and yield its chunks as they are produced, then the finish
 * chunk and a usage chunk; a failure ends the stream with the partial output.
 */
export async function* streamGeneration(
  id: string,
  model: string,
  signal: AbortSignal | undefined,
  generate: (emit: Emit, signal: AbortSignal) => Promise<Result<LocalOutput>>,
): AsyncGenerator<Result<ChatChunk>> {
  const stop = new AbortController();
  const combined = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const queue: ChatChunk[] = [chunkOf(id, model, { role: 'assistant' })];
  let wake: (() => void) | undefined;
  let result: Result<LocalOutput> | undefined;
  const run = generate(
    emitter(id, model, (c) => {
      queue.push(c);
      wake?.();
    }),
    combined,
  ).then((r) => {
    result = r;
    wake?.();
  });
  const asm = new ChunkAssembler();
  try {
    while (queue.length || !result) {
      if (!queue.length) {
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
        continue;
      }
      for (const c of queue.splice(0)) {
        asm.add(c);
        yield { ok: true, value: c };
      }
    }
    if (!result.ok) {
      yield { ok: false, failure: asm.hasOutput ? { ...result.failure, partial: asm.partial() } : result.failure };
      return;
    }
    const out = result.value;
    yield { ok: true, value: chunkOf(id, model, {}, out.toolCalls.length ? 'tool_calls' : finishOf(out.stopReason)) };
    yield { ok: true, value: { ...chunkOf(id, model, {}), choices: [], usage: makeUsage(out.promptTokens, out.completionTokens, 'tokenizer') } };
  } finally {
    if (!result) {
      stop.abort(); // the consumer left early: stop generating
      await run;
    }
  }
}
