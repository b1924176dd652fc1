/**
 * The local adapter: one engine (model + context) per instance, opened on
 * the first call. Each call takes a free sequence, maps the request,
 * generates, and gives the sequence back, whatever happened.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { LlamaChat, LlamaGrammar } from 'node-llama-cpp';
import type { ProviderSettings } from '../definition.js';
import type { CallOptions, Capabilities, ChatChunk, ChatRequest, ChatResponse, Failure, ProviderAdapter, ResponseFormat, Result } from '../types.js';
import { openEngine } from './api.js';
import { generationOptions, toFunctions, toHistory, toResponse } from './chat.js';
import { streamGeneration, type Emit } from './stream.js';
import type { LocalEngine, LocalOutput } from './types.js';

type GenerateOptions = NonNullable<Parameters<LlamaChat['generateResponse']>[1]>;

/** What the local engine can do. */
export const LOCAL_CAPABILITIES: Capabilities = { streaming: true, tools: true, jsonMode: 'grammar', embeddings: false, rawPassthrough: false };

/** An in-process GGUF model behind the provider interface. */
export class LocalAdapter implements ProviderAdapter {
  readonly id: string;
  readonly type = 'local' as const;
  readonly capabilities = LOCAL_CAPABILITIES;
  private readonly model: string;
  private engine: Promise<Result<LocalEngine>> | undefined;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();

  constructor(private readonly s: ProviderSettings) {
    this.id = s.id;
    this.model = s.model ?? basename(s.local?.modelPath ?? 'local.gguf');
  }

  async chat(req: ChatRequest, opts: CallOptions = {}): Promise<Result<ChatResponse>> {
    const started = performance.now();
    const out = await this.generate(req, opts.signal, opts.timeoutMs);
    if (!out.ok) return out;
    const meta = { id: `chatcmpl-${randomUUID()}`, model: this.model, provider: this.id, latencyMs: Math.round(performance.now() - started) };
    return { ok: true, value: toResponse(out.value, meta) };
  }

  stream(req: ChatRequest, opts: CallOptions = {}): AsyncGenerator<Result<ChatChunk>> {
    return streamGeneration(`chatcmpl-${randomUUID()}`, this.model, opts.signal, (emit, signal) => this.generate(req, signal, opts.timeoutMs, emit));
  }

  async close(): Promise<void> {
    const e = await this.engine;
    this.engine = undefined;
    if (e?.ok) {
      for (const c of e.value.idle) c.dispose();
      await e.value.context.dispose();
    }
  }

  private open(): Promise<Result<LocalEngine>> {
    this.engine ??= openEngine(this.s).then((r) => {
      if (!r.ok) this.engine = undefined; // let a later call retry once the file is fixed
      return r;
    });
    return this.engine;
  }

  private grammarFor(e: LocalEngine, rf: ResponseFormat | undefined): Promise<LlamaGrammar> | undefined {
    if (!rf || rf.type === 'text') return undefined;
    const key = rf.type === 'json_schema' ? JSON.stringify(rf.json_schema.schema) : 'json';
    let g = this.grammars.get(key);
    if (!g) {
      const { llama } = e.loaded;
      // Schemas outside node-llama-cpp's supported subset fall back to any JSON.
      g = rf.type === 'json_schema'
        ? llama.createGrammarForJsonSchema(rf.json_schema.schema as Parameters<typeof llama.createGrammarForJsonSchema>[0]).catch(() => llama.getGrammarFor('json'))
        : llama.getGrammarFor('json');
      if (this.grammars.size < 32) this.grammars.set(key, g);
    }
    return g;
  }

  private abortFailure(user: AbortSignal | undefined): Failure {
    return user?.aborted
      ? { kind: 'cancelled', provider: this.id, message: 'the caller cancelled generation' }
      : { kind: 'timeout', provider: this.id, message: 'generation exceeded its deadline' };
  }

  private async generate(req: ChatRequest, user: AbortSignal | undefined, timeoutMs: number | undefined, emit?: Emit): Promise<Result<LocalOutput>> {
    const eng = await this.open();
    if (!eng.ok) return eng;
    const e = eng.value;
    const timeout = AbortSignal.timeout(timeoutMs ?? this.s.timeoutMs);
    const signal = user ? AbortSignal.any([user, timeout]) : timeout;
    const release = await e.slots.acquire(signal);
    if (!release) return { ok: false, failure: this.abortFailure(user) };
    const chat = e.idle.pop() as LlamaChat;
    try {
      return { ok: true, value: await this.run(e, chat, req, signal, emit) };
    } catch (err) {
      if (signal.aborted) return { ok: false, failure: this.abortFailure(user) };
      return { ok: false, failure: { kind: 'upstream_5xx', provider: this.id, message: `llama.cpp generation failed: ${(err as Error).message}` } };
    } finally {
      e.idle.push(chat);
      release();
    }
  }

  private async run(e: LocalEngine, chat: LlamaChat, req: ChatRequest, signal: AbortSignal, emit?: Emit): Promise<LocalOutput> {
    const history = toHistory(req.messages);
    const functions = toFunctions(req);
    const grammar = functions ? undefined : await this.grammarFor(e, req.response_format);
    const prompt = chat.chatWrapper.generateContextState({ chatHistory: history, ...(functions ? { availableFunctions: functions } : {}) });
    const promptTokens = prompt.contextText.tokenize(e.loaded.model.tokenizer).length;
    let completionTokens = 0;
    const options = {
      ...generationOptions(req),
      signal,
      stopOnAbortSignal: false,
      onToken: (t) => void (completionTokens += t.length),
      ...(emit ? { onResponseChunk: (c) => (c.type === 'segment' ? c.segmentType === 'thought' && emit.reasoning(c.text) : emit.text(c.text)) } : {}),
      ...(grammar ? { grammar } : {}),
      ...(functions ? { functions, ...(emit ? { onFunctionCallParamsChunk: (c) => emit.toolParams(c.callIndex, c.functionName, c.paramsChunk) } : {}) } : {}),
    } as GenerateOptions;
    const res = await chat.generateResponse(history, options);
    const reasoning = res.fullResponse.map((p) => (typeof p !== 'string' && p.segmentType === 'thought' ? p.text : '')).join('');
    const toolCalls = (res.functionCalls ?? []).map((f) => ({ name: f.functionName, params: f.params as unknown }));
    return { text: res.response, reasoning, toolCalls, stopReason: res.metadata.stopReason, promptTokens, completionTokens };
  }
}
