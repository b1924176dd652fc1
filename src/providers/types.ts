/**
 * The one provider interface. Requests and responses are OpenAI-shaped
 * because the gateway speaks that dialect and most upstreams already do;
 * adapters translate only where a vendor really differs.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { ProviderType } from '../core/config/provider.schema.js';

/** A JSON Schema object (tool parameters, response schemas); kept opaque here. */
export type JsonSchema = { [key: string]: unknown };

/** A tool call the assistant made; `arguments` is the JSON text the model produced. */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** Part of a multi-part user message. Adapters without vision keep text parts only. */
export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

/** One chat message, by role. */
export type ChatMessage =
  | { role: 'system'; content: string; name?: string }
  | { role: 'user'; content: string | ContentPart[]; name?: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[]; reasoning_content?: string; name?: string }
  | { role: 'tool'; content: string; tool_call_id: string };

/** A function the model may call. */
export interface ToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: JsonSchema; strict?: boolean };
}

/** Whether and which tool the model must call. */
export type ToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

/** Plain text, any JSON object, or JSON matching a schema. */
export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: JsonSchema; strict?: boolean; description?: string } };

/** A chat request; `model` falls back to the provider's configured model. */
export interface ChatRequest {
  model?: string;
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
  response_format?: ResponseFormat;
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  stop?: string | string[];
  seed?: number;
  /** Ignored by `chat()` and `stream()`, which decide it; kept for pass-through callers. */
  stream?: boolean;
  user?: string;
  /** Vendor parameters forwarded as-is (merged last into the upstream body where the wire allows). */
  extra?: Record<string, unknown>;
}

/** Where token counts came from: the upstream, the model's own tokenizer, or an estimate. */
export type UsageSource = 'api' | 'tokenizer' | 'estimate';

/** Token usage of one call. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Prompt tokens served from the upstream's prompt cache (part of prompt_tokens). */
  cached_tokens?: number;
  /** Reasoning tokens (part of completion_tokens) when the upstream reports them. */
  reasoning_tokens?: number;
  source: UsageSource;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/** The assistant's reply in one choice. */
export interface AssistantMessage {
  role: 'assistant';
  content: string | null;
  tool_calls?: ToolCall[];
  /** Chain-of-thought text when the upstream returns it separately (DeepSeek-R1 style, Anthropic thinking). */
  reasoning_content?: string;
}

/** Cost of one call in USD, when a price is known. */
export interface Cost {
  input_usd: number;
  cached_input_usd: number;
  output_usd: number;
  total_usd: number;
  /** `table` (default price table), `config` (pricing in modelgate.yaml) or `self_hosted` (GPU time). */
  basis: 'table' | 'config' | 'self_hosted';
}

/** A complete chat response (OpenAI shape plus timing and provenance). */
export interface ChatResponse {
  id: string;
  object: 'chat.completion';
  created: number;
  /** The model that was asked for. */
  model: string;
  /** The model id the upstream reported, verbatim. */
  upstream_model?: string;
  /** Provider instance id that answered. */
  provider: string;
  choices: { index: number; message: AssistantMessage; finish_reason: FinishReason | null }[];
  usage: Usage;
  latency_ms: number;
  /** Time to the first content for streamed calls. */
  ttft_ms?: number;
  cost?: Cost;
}

/** A streamed delta of one tool call; `index` identifies the call across chunks. */
export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

/** One streamed chunk (OpenAI `chat.completion.chunk` shape). The last one may carry only `usage`. */
export interface ChatChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: {
    index: number;
    delta: { role?: 'assistant'; content?: string; reasoning_content?: string; tool_calls?: ToolCallDelta[] };
    finish_reason: FinishReason | null;
  }[];
  usage?: Usage;
}

/** Failure kinds a fallback policy switches on. */
export const FAILURE_KINDS = ['timeout', 'rate_limited', 'upstream_5xx', 'upstream_4xx', 'refused', 'bad_response', 'network', 'cancelled'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** What a stream delivered before it failed. */
export interface PartialOutput {
  content: string;
  reasoning_content?: string;
  tool_calls?: ToolCall[];
  chunks: number;
}

/** An expected upstream failure. Messages never contain credentials. */
export interface Failure {
  kind: FailureKind;
  message: string;
  provider: string;
  /** HTTP status when there was one. */
  status?: number;
  /** How long the upstream asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number;
  /** Attempts made, retries included. */
  attempts?: number;
  /** Up to 64 KiB of the upstream's error body, so a gateway can forward 4xx answers verbatim. */
  upstreamBody?: string;
  /** What a stream had delivered when it broke. */
  partial?: PartialOutput;
  /** For `refused`: the response that carried the refusal. */
  response?: ChatResponse;
}

/** The outcome of an upstream call. */
export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Non-streamed calls: the whole call. Streams: until the first byte, and the longest silence between chunks. */
  timeoutMs?: number;
  /** Retries on top of the first attempt; overrides the provider's setting. */
  retries?: number;
}

/** What an adapter can do, for routing and for the eval harness to skip unsupported cases. */
export interface Capabilities {
  streaming: boolean;
  tools: boolean;
  /** How JSON mode is achieved: the upstream's own flag, a sampling grammar, a forced tool, or not at all. */
  jsonMode: 'native' | 'grammar' | 'forced-tool' | 'none';
  embeddings: boolean;
  /** Whether `rawChat` can forward request and response bytes untouched. */
  rawPassthrough: boolean;
}

/** An embeddings request. */
export interface EmbeddingsRequest {
  model?: string;
  input: string | string[];
}

/** An embeddings response. */
export interface EmbeddingsResponse {
  model: string;
  data: { index: number; embedding: number[] }[];
  usage: Usage;
}

/** Options of a raw pass-through call. */
export interface RawCallOptions extends CallOptions {
  /** Whether the body asks for a stream (decides how `timeoutMs` applies). */
  stream: boolean;
  /** Extra headers to send (e.g. the client's `accept`); credentials always come from the provider. */
  headers?: Record<string, string>;
}

/** A 2xx upstream answer with its body unread: a Node Readable yielding Buffers (JSON or SSE bytes as sent). */
export interface RawUpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Readable & AsyncIterable<Buffer>;
}

/** A configured provider instance: the interface every caller uses. */
export interface ProviderAdapter {
  /** Instance id (the key under `providers:`). */
  readonly id: string;
  readonly type: ProviderType;
  readonly capabilities: Capabilities;
  /** One complete response. */
  chat(req: ChatRequest, opts?: CallOptions): Promise<Result<ChatResponse>>;
  /** Chunks as they arrive; a failure item ends the stream. Breaking out of the loop cancels the upstream call. */
  stream(req: ChatRequest, opts?: CallOptions): AsyncIterable<Result<ChatChunk>>;
  embeddings?(req: EmbeddingsRequest, opts?: CallOptions): Promise<Result<EmbeddingsResponse>>;
  /**
   * OpenAI-wire upstreams only (`capabilities.rawPassthrough`): POST an OpenAI
   * chat completions body as bytes and hand back the response unparsed.
   * Non-2xx answers are failures whose `upstreamBody` holds the upstream's
   * error JSON. The caller must read or destroy `body`; limits count the call
   * until the body closes.
   */
  rawChat?(body: string | Uint8Array, opts: RawCallOptions): Promise<Result<RawUpstreamResponse>>;
  /** Release sockets, contexts and model memory held by this instance. */
  close(): Promise<void>;
}
