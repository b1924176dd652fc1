/**
 * Folds streamed chunks into one response: content and reasoning text are
 * concatenated, tool calls are assembled by index from their argument
 * deltas. Used to build `partial` output of broken streams and by callers
 * that stream but want the whole answer at the end.
 */
import type { ChatChunk, ChatResponse, FinishReason, PartialOutput, ToolCall, Usage } from '../types.js';

/** Accumulates chunks of one streamed response (choice 0). */
export class ChunkAssembler {
  private content: string[] = [];
  private reasoning: string[] = [];
  private readonly calls = new Map<number, ToolCall>();
  private count = 0;
  id = '';
  upstreamModel: string | undefined;
  finish: FinishReason | null = null;
  usage: Usage | undefined;

  /** Number of chunks seen. */
  get chunks(): number {
    return this.count;
  }

  /** True once any content, reasoning or tool call arrived. */
  get hasOutput(): boolean {
    return this.content.length > 0 || this.reasoning.length > 0 || this.calls.size > 0;
  }

  add(chunk: ChatChunk): void {
    this.count++;
    if (!this.id) this.id = chunk.id;
    if (chunk.model && !this.upstreamModel) this.upstreamModel = chunk.model;
    if (chunk.usage) this.usage = chunk.usage;
    for (const choice of chunk.choices) {
      if (choice.index !== 0) continue;
      const d = choice.delta;
      if (d.content) this.content.push(d.content);
      if (d.reasoning_content) this.reasoning.push(d.reasoning_content);
      for (const tc of d.tool_calls ?? []) this.addToolDelta(tc.index, tc.id, tc.function?.name, tc.function?.arguments);
      if (choice.finish_reason) this.finish = choice.finish_reason;
    }
  }

  private addToolDelta(index: number, id: string | undefined, name: string | undefined, args: string | undefined): void {
    let call = this.calls.get(index);
    if (!call) {
      call = { id: id ?? `call_${index}`, type: 'function', function: { name: name ?? '', arguments: '' } };
      this.calls.set(index, call);
    } else {
      if (id) call.id = id;
      // Most upstreams send the name once; some repeat it in every delta.
      if (name && name !== call.function.name) call.function.name += name;
    }
    if (args) call.function.arguments += args;
  }

  /** Tool calls so far, ordered by index. */
  toolCalls(): ToolCall[] {
    return [...this.calls.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  }

  /** What arrived so far, for a failure's `partial`. */
  partial(): PartialOutput {
    const p: PartialOutput = { content: this.content.join(''), chunks: this.count };
    if (this.reasoning.length) p.reasoning_content = this.reasoning.join('');
    if (this.calls.size) p.tool_calls = this.toolCalls();
    return p;
  }

  /** The whole response; the caller supplies usage when the stream carried none. */
  response(meta: { model: string; provider: string; created: number; latency_ms: number; ttft_ms?: number; usage: Usage }): ChatResponse {
    const calls = this.toolCalls();
    const message: ChatResponse['choices'][number]['message'] = { role: 'assistant', content: this.content.length || !calls.length ? this.content.join('') : null };
    if (calls.length) message.tool_calls = calls;
    if (this.reasoning.length) message.reasoning_content = this.reasoning.join('');
    const r: ChatResponse = {
      id: this.id,
      object: 'chat.completion',
      created: meta.created,
      model: meta.model,
      provider: meta.provider,
      choices: [{ index: 0, message, finish_reason: this.finish }],
      usage: this.usage ?? meta.usage,
      latency_ms: meta.latency_ms,
    };
    if (this.upstreamModel) r.upstream_model = this.upstreamModel;
    if (meta.ttft_ms !== undefined) r.ttft_ms = meta.ttft_ms;
    return r;
  }
}
