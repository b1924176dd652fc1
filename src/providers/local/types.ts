/** Types of the in-process engine (node-llama-cpp), the `local` provider's "wire". */
import type { LlamaChat, LlamaContext } from 'node-llama-cpp';
import type { LoadedGguf } from '../shared/llama-engine.js';
import type { Semaphore } from '../shared/limits.js';

/** A loaded model with a context of one or more sequences, each driven by its own LlamaChat. */
export interface LocalEngine {
  loaded: LoadedGguf;
  context: LlamaContext;
  /** Idle chats; a caller takes one while holding a `slots` permit. */
  idle: LlamaChat[];
  slots: Semaphore;
  contextSize: number;
  threads: number;
}

/** What one generation produced. */
export interface LocalOutput {
  text: string;
  reasoning: string;
  toolCalls: { name: string; params: unknown }[];
  stopReason: string;
  promptTokens: number;
  completionTokens: number;
}
