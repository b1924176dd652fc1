/**
 * Bookkeeping of one SSE relay: judging events while the stream is still
 * held back, counting what was relayed, and re-serializing events when
 * placeholders must be restored.
 */
import type { SseEvent } from '../../providers/index.js';
import type { ChunkRestorer, WireChunk } from '../redaction/chunk-restorer.js';
import type { AttemptFailure } from '../routing/outcome.js';
import type { SseTally } from './sse-tally.js';
import { hasContent, type ClientSink, type StreamTotals } from './stream-types.js';

const DONE = '[DONE]';

/**
 * Where an event's raw JSON could hold (part of) a placeholder: a `[` before a capital letter,
 * before a string's end (a delta ending in `[`) or before an escape. JSON's own arrays open with
 * `[{`, `[]` or a digit, so ordinary chunks do not match.
 */
const MAYBE_PLACEHOLDER = /\[[A-Z"\\]/;

/** State shared by the probe and the relay of one raw stream. */
export class RelayState {
  /** The upstream sent `data: [DONE]`. */
  done = false;
  garbageLine: string | undefined;
  private usage: StreamTotals['usage'];
  private contentEvents = 0;
  /** Data of the last event counted. */
  private last: string | undefined;
  /** id, model and created of the stream (from its first parsed event), for the chunk carrying held-back text. */
  private template: { id?: unknown; model?: unknown; created?: unknown } = {};
  private templateSet = false;

  /** A line that is not SSE: the stream is broken. */
  garbage(line: string): void {
    this.garbageLine ??= line;
  }

  /** While held back: 'content' commits the stream, a failure ends the attempt, undefined waits for more. */
  probeEvent(e: SseEvent): 'content' | AttemptFailure | undefined {
    if (e.data === DONE) {
      this.done = true;
      return undefined;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(e.data);
    } catch {
      return { reason: 'error', message: `upstream sent an event that is not JSON: ${e.data.slice(0, 80)}` };
    }
    const err = (obj as { error?: { message?: unknown } } | null)?.error;
    if (err) return { reason: 'error', message: `upstream stream error: ${typeof err.message === 'string' ? err.message.slice(0, 200) : 'unknown'}` };
    return hasContent(obj) ? 'content' : undefined;
  }

  /**
   * Count a relayed event. Usage is looked for in events without content (where APIs put it: the
   * final chunk, or one with empty choices) and, at the end, in the last event; scanning every
   * content event for it was the largest cost of relaying a stream.
   */
  countEvent(e: SseEvent): void {
    const d = e.data;
    if (d === DONE) {
      this.done = true;
      return;
    }
    this.last = d;
    if (d.includes('"content":"') || d.includes('"arguments":"')) this.contentEvents++;
    else this.takeUsage(d);
  }

  /** Usage from an event's data, when it carries one. */
  private takeUsage(data: string): void {
    if (!data.includes('"usage":{')) return;
    try {
      const u = (JSON.parse(data) as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } }).usage;
      if (u && typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number') this.usage = { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens };
    } catch {
      // a malformed usage event only costs the exact count
    }
  }

  /** Write one event with this request's placeholders restored; returns the sink's readiness. */
  writeRestored(e: SseEvent, sink: ClientSink, restore: ChunkRestorer): boolean {
    if (e.data === DONE) {
      this.writeTail(sink, restore);
      return sink.write('data: [DONE]\n\n');
    }
    // Nothing held back and nothing to restore: the upstream's bytes go on unparsed (the usual event).
    if (this.templateSet && restore.idle() && !MAYBE_PLACEHOLDER.test(e.data)) return sink.write(`data: ${e.data}\n\n`);
    let obj: WireChunk & { id?: unknown; model?: unknown; created?: unknown };
    try {
      obj = JSON.parse(e.data) as typeof obj;
    } catch {
      return sink.write(`data: ${e.data}\n\n`);
    }
    this.template = { id: obj.id, model: obj.model, created: obj.created };
    this.templateSet = true;
    restore.apply(obj);
    return sink.write(`data: ${JSON.stringify(obj)}\n\n`);
  }

  /** Emit text still held back by the restorer (before `[DONE]`, or at an end without one). */
  writeTail(sink: ClientSink, restore: ChunkRestorer): void {
    const tail = restore.finish(this.template);
    if (tail) sink.write(`data: ${JSON.stringify(tail)}\n\n`);
  }

  /** Totals of the parsed part plus the bytes an {@link SseTally} counted after it. */
  totalsWith(tally: SseTally): StreamTotals {
    const parsed = this.totals();
    return { usage: tally.usage ?? parsed.usage, contentEvents: parsed.contentEvents + tally.contentEvents };
  }

  totals(): StreamTotals {
    // Servers that report usage on every chunk may end on a content event: its usage is the final one.
    if (this.usage === undefined && this.last !== undefined) this.takeUsage(this.last);
    return { usage: this.usage, contentEvents: this.contentEvents };
  }
}
