/**
 * `local`: a GGUF file run in-process with node-llama-cpp. Loads lazily on
 * the first call, reuses the model across instances with the same path,
 * counts tokens with the model's own tokenizer, streams through token
 * callbacks, and does JSON mode with a sampling grammar. Cancellation and
 * timeouts abort generation inside llama.cpp.
 */
import type { ProviderDefinition } from '../definition.js';
import { LOCAL_CAPABILITIES, LocalAdapter } from './adapter.js';

/** The local (in-process GGUF) provider definition. */
export const localProvider: ProviderDefinition = {
  type: 'local',
  title: 'Local GGUF (node-llama-cpp, in-process)',
  defaults: { keyRequired: false },
  capabilities: LOCAL_CAPABILITIES,
  create: (settings) => new LocalAdapter(settings),
};

export { defaultThreads } from './api.js';
export { disposeModels } from '../shared/llama-engine.js';
