/**
 * Turns an SSE response body into `Result<ChatChunk>` items through a
 * vendor mapper. Garbage lines, bad JSON, error events, dropped connections
 * and streams that end before their completion marker all become a final
 * failure carrying what had arrived (`partial`); none of them throws.
 * Leaving the loop early destroys the body, which cancels the upstream call.
 */
import type { ChatChunk, Failure, Result, Usage } from '../types.js';
import { ChunkAssembler } from './assemble.js';
import { failureFromError, type CallSignals, type UpstreamResponse } from './http.js';
import { SseParser, type SseEvent } from './sse.js';

/** What one event means: chunks to emit, the end of the stream, or a failure. */
export type MapOutcome = ChatChunk[] | 'done' | Failure;

/** The vendor-specific part of streaming. */
export interface StreamMapper {
  map(e: SseEvent): MapOutcome;
  /** Whether a stream that ends without a done marker still counts as complete (a finish reason was seen). */
  complete(): boolean;
}

/** Options for sseChunks. */
export interface SseStreamOptions {
  provider: string;
  signals: CallSignals;
  /** Builds the trailing usage chunk when the upstream sent no usage. */
  fallbackUsage?: (a: ChunkAssembler) => Usage | Promise<Usage>;
  /** Receives the assembler once the stream has ended (successfully or not). */
  assembler?: ChunkAssembler;
}

/** Stream chunks from an SSE body. */
export async function* sseChunks(res: UpstreamResponse, mapper: StreamMapper, o: SseStreamOptions): AsyncGenerator<Result<ChatChunk>> {
  const asm = o.assembler ?? new ChunkAssembler();
  // Events and garbage lines in arrival order (a string is a garbage line).
  const queue: (SseEvent | string)[] = [];
  const parser = new SseParser((e) => queue.push(e), { onGarbage: (line) => queue.push(line) });
  const failWith = (f: Failure): Result<ChatChunk> => ({ ok: false, failure: asm.hasOutput || asm.chunks ? { ...f, partial: asm.partial() } : f });
  let done = false;
  let finished = false;
  try {
    for await (const buf of res.body as AsyncIterable<Buffer>) {
      // After the done marker keep reading to the end of the body, so the socket goes back to the pool.
      if (done) continue;
      parser.push(buf);
      for (let i = 0; i < queue.length && !done; i++) {
        const item = queue[i] as SseEvent | string;
        if (typeof item === 'string') {
          yield failWith({ kind: 'bad_response', provider: o.provider, message: `stream has a line that is not SSE: ${item.slice(0, 120)}` });
          return;
        }
        const out = mapper.map(item);
        if (out === 'done') done = true;
        else if (Array.isArray(out)) {
          for (const chunk of out) {
            asm.add(chunk);
            yield { ok: true, value: chunk };
          }
        } else {
          yield failWith(out);
          return;
        }
      }
      queue.length = 0;
    }
    finished = true;
  } catch (err) {
    if (!done) {
      yield failWith(failureFromError(o.provider, err, o.signals));
      return;
    }
  } finally {
    if (!finished) res.body.destroy();
  }
  parser.end();
  if (!done && !mapper.complete()) {
    yield failWith({ kind: 'bad_response', provider: o.provider, message: 'the stream ended before the upstream finished its answer (connection dropped?)' });
    return;
  }
  if (!asm.usage && o.fallbackUsage) {
    const usage = await o.fallbackUsage(asm);
    const chunk: ChatChunk = { id: asm.id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: asm.upstreamModel ?? '', choices: [], usage };
    asm.add(chunk);
    yield { ok: true, value: chunk };
  }
}

/** Parse an event's JSON data; bad JSON is a bad_response failure. */
export function parseEventJson(provider: string, e: SseEvent): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(e.data) as unknown };
  } catch {
    return { ok: false, failure: { kind: 'bad_response', provider, message: `stream event is not JSON: ${e.data.slice(0, 120)}` } };
  }
}
