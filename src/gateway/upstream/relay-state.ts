/**
 * Bookkeeping of one SSE relay: judging events while the stream is still
 * held back, counting what was relayed, and re-serializing events when
 * placeholders must be restored.
 */
import type { SseEvent } from '../../providers/index.js';
import type { ChunkRestorer, WireChunk } from '../redaction/chunk-restorer.js';
import type { AttemptFailure } from '../routing/outcome.js';
import { hasContent, type ClientSink, type StreamTotals } from './stream-types.js';

const DONE = '[DONE]';

/** State shared by the probe and the relay of one raw stream. */
export class RelayState {
  /** The upstream sent `data: [DONE]`. */
  done = false;
  garbageLine: string | undefined;
  private usage: StreamTotals['usage'];
  private contentEvents = 0;
  private template: { id?: unknown; model?: unknown; created?: unknown } = {};

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

  /** Count a relayed event; usage is parsed only from the event that carries it. */
  countEvent(e: SseEvent): void {
    if (e.data === DONE) {
      this.done = true;
      return;
    }
    if (e.data.includes('"usage":{')) {
      try {
        const u = (JSON.parse(e.data) as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } }).usage;
        if (u && typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number') this.usage = { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens };
      } catch {
        // a malformed usage event only costs the exact count
      }
    }
    if (e.data.includes('"content":"') || e.data.includes('"arguments":"')) this.contentEvents++;
  }

  /** Write one event with this request's placeholders restored; returns the sink's readiness. */
  writeRestored(e: SseEvent, sink: ClientSink, restore: ChunkRestorer): boolean {
    if (e.data === DONE) {
      this.writeTail(sink, restore);
      return sink.write('data: [DONE]\n\n');
    }
    let obj: WireChunk & { id?: unknown; model?: unknown; created?: unknown };
    try {
      obj = JSON.parse(e.data) as typeof obj;
    } catch {
      return sink.write(`data: ${e.data}\n\n`);
    }
    this.template = { id: obj.id, model: obj.model, created: obj.created };
    restore.apply(obj);
    return sink.write(`data: ${JSON.stringify(obj)}\n\n`);
  }

  /** Emit text still held back by the restorer (before `[DONE]`, or at an end without one). */
  writeTail(sink: ClientSink, restore: ChunkRestorer): void {
    const tail = restore.finish(this.template);
    if (tail) sink.write(`data: ${JSON.stringify(tail)}\n\n`);
  }

  totals(): StreamTotals {
    return { usage: this.usage, contentEvents: this.contentEvents };
  }
}
