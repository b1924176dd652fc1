/** The shape both streaming paths (raw SSE bytes and parsed adapter chunks) hand to the chat handler. */
import type { ChunkRestorer } from '../redaction/chunk-restorer.js';

/** Where relayed bytes go (the client's response). */
export interface ClientSink {
  /** False when the client's buffer is full: wait for `drained()` before writing more. */
  write(chunk: string | Buffer): boolean;
  drained(): Promise<void>;
}

/** What a relayed stream amounted to, for the ledger. */
export interface StreamTotals {
  usage: { prompt_tokens: number; completion_tokens: number } | undefined;
  /** Data events with content (≈ tokens for servers that send one token per chunk). */
  contentEvents: number;
}

/** How a relay ended: `ok` false when the upstream broke after the client got the first bytes. */
export interface StreamEnd {
  ok: boolean;
  message?: string;
  totals: StreamTotals;
}

/** A stream that has produced its first content and can be relayed. */
export interface OpenedStream {
  relay(sink: ClientSink, restore: ChunkRestorer | undefined): Promise<StreamEnd>;
  cancel(): void;
}

/** The SSE bytes of an error event the OpenAI SDK raises as an APIError, sent when a stream breaks mid-way. */
export function sseErrorEvent(message: string): string {
  return `data: ${JSON.stringify({ error: { message, type: 'api_error', code: 'upstream_stream_broken', param: null } })}\n\n`;
}

/** True when a parsed chunk carries answer content (text, reasoning or a tool call). */
export function hasContent(chunk: unknown): boolean {
  const choices = (chunk as { choices?: { delta?: { content?: unknown; reasoning_content?: unknown; tool_calls?: unknown } }[] } | null)?.choices;
  if (!Array.isArray(choices)) return false;
  for (const c of choices) {
    const d = c?.delta;
    if (!d) continue;
    if ((typeof d.content === 'string' && d.content.length > 0) || (typeof d.reasoning_content === 'string' && d.reasoning_content.length > 0)) return true;
    if (Array.isArray(d.tool_calls) && d.tool_calls.length > 0) return true;
  }
  return false;
}
