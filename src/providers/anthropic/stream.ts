/**
 * Messages API stream events → OpenAI chunks. Content blocks are numbered
 * across text, thinking and tool_use; OpenAI numbers tool calls on their
 * own, so tool_use blocks get a separate index. With JSON mode the forced
 * tool's argument deltas are the answer and stream as content.
 */
import { parseEventJson, type MapOutcome, type StreamMapper } from '../shared/sse-stream.js';
import type { SseEvent } from '../shared/sse.js';
import type { ChatChunk, FinishReason } from '../types.js';
import { errorFailure, finishOf, JSON_TOOL, usageOf } from './chat.js';
import type { AnthropicStreamEvent, AnthropicUsage } from './types.js';

type Delta = ChatChunk['choices'][number]['delta'];

/** Stateful mapper for one Messages API stream. */
export class AnthropicStreamMapper implements StreamMapper {
  private id = '';
  private upstreamModel = '';
  /** Usage fields as they arrive: message_start has the input side, message_delta the running output count. */
  private usage: AnthropicUsage = {};
  private stopped = false;
  /** content block index → tool call index, or 'json' for the forced JSON tool. */
  private readonly blocks = new Map<number, number | 'json'>();
  private tools = 0;

  constructor(
    private readonly provider: string,
    private readonly model: string,
    private readonly jsonTool: boolean,
  ) {}

  complete(): boolean {
    return this.stopped;
  }

  map(e: SseEvent): MapOutcome {
    const parsed = parseEventJson(this.provider, e);
    if (!parsed.ok) return parsed.failure;
    const ev = parsed.value as AnthropicStreamEvent;
    switch (ev.type ?? e.event) {
      case 'message_start':
        this.id = ev.message?.id ?? '';
        this.upstreamModel = ev.message?.model ?? '';
        this.usage = { ...ev.message?.usage };
        return [this.chunk({ role: 'assistant' }, null)];
      case 'content_block_start':
        return this.blockStart(ev);
      case 'content_block_delta':
        return this.blockDelta(ev);
      case 'message_delta':
        if (ev.usage) this.usage = { ...this.usage, ...withoutNulls(ev.usage) };
        return ev.delta?.stop_reason ? [this.chunk({}, finishOf(ev.delta.stop_reason, this.jsonTool))] : [];
      case 'message_stop': {
        this.stopped = true;
        const usage = usageOf(this.usage);
        if (!usage) return [];
        const last = this.chunk({}, null);
        last.choices = [];
        last.usage = usage;
        return [last];
      }
      case 'error':
        return errorFailure(this.provider, ev.error ?? {});
      default:
        // ping, content_block_stop, and event types added later
        return [];
    }
  }

  private blockStart(ev: AnthropicStreamEvent): MapOutcome {
    const b = ev.content_block;
    if (b?.type !== 'tool_use' || ev.index === undefined) {
      if (b?.type === 'text' && b.text) return [this.chunk({ content: b.text }, null)];
      return [];
    }
    if (this.jsonTool && b.name === JSON_TOOL) {
      this.blocks.set(ev.index, 'json');
      return [];
    }
    const index = this.tools++;
    this.blocks.set(ev.index, index);
    return [this.chunk({ tool_calls: [{ index, id: b.id, type: 'function', function: { name: b.name, arguments: '' } }] }, null)];
  }

  private blockDelta(ev: AnthropicStreamEvent): MapOutcome {
    const d = ev.delta;
    if (!d) return [];
    if (d.type === 'text_delta' && d.text) return [this.chunk({ content: d.text }, null)];
    if (d.type === 'thinking_delta' && d.thinking) return [this.chunk({ reasoning_content: d.thinking }, null)];
    if (d.type === 'input_json_delta' && d.partial_json && ev.index !== undefined) {
      const target = this.blocks.get(ev.index);
      if (target === 'json') return [this.chunk({ content: d.partial_json }, null)];
      if (target !== undefined) return [this.chunk({ tool_calls: [{ index: target, function: { arguments: d.partial_json } }] }, null)];
    }
    return [];
  }

  private chunk(delta: Delta, finish: FinishReason | null): ChatChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: this.upstreamModel || this.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    };
  }
}

function withoutNulls(u: AnthropicUsage): AnthropicUsage {
  return Object.fromEntries(Object.entries(u).filter(([, v]) => v !== null && v !== undefined)) as AnthropicUsage;
}
