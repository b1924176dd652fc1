/**
 * Attempts through an adapter's parsed interface (`chat`/`stream`), for
 * upstreams without a raw pass-through such as the in-process `local` GGUF
 * provider. Answers are written back in OpenAI's wire shape.
 */
import type { ChatChunk, ChatRequest, ChatResponse, Result } from '../../providers/index.js';
import type { ChunkRestorer, WireChunk } from '../redaction/chunk-restorer.js';
import type { AttemptResult } from '../routing/outcome.js';
import { fromFailure } from '../routing/outcome.js';
import type { DeploymentState } from '../routing/route-state.js';
import { checkCompletion, type AnswerChecks } from './answer-check.js';
import type { JsonAnswer } from './raw-json.js';
import { hasContent, sseErrorEvent, type ClientSink, type OpenedStream, type StreamEnd } from './stream-types.js';

function callOptions(d: DeploymentState, signal: AbortSignal) {
  return d.timeoutMs === undefined ? { signal, retries: 0 } : { signal, retries: 0, timeoutMs: d.timeoutMs };
}

/** A ChatResponse in OpenAI's shape (provider bookkeeping fields dropped). */
function toWire(r: ChatResponse): Record<string, unknown> {
  const { prompt_tokens, completion_tokens, total_tokens } = r.usage;
  return { id: r.id, object: 'chat.completion', created: r.created, model: r.model, choices: r.choices, usage: { prompt_tokens, completion_tokens, total_tokens } };
}

/** The request an adapter takes, from the client's (already validated) body. */
export function toChatRequest(body: Record<string, unknown>, model: string | undefined): ChatRequest {
  const req = { ...body } as unknown as ChatRequest;
  if (model === undefined) delete req.model;
  else req.model = model;
  delete req.stream;
  return req;
}

/** One parsed non-streamed attempt. */
export async function chatAttempt(d: DeploymentState, req: ChatRequest, signal: AbortSignal, checks: AnswerChecks): Promise<AttemptResult<JsonAnswer>> {
  const r = await d.adapter.chat(req, callOptions(d, signal));
  if (!r.ok) return { ok: false, failure: fromFailure(r.failure) };
  const json = toWire(r.value);
  const bad = checkCompletion(json, checks);
  if (bad) return { ok: false, failure: bad };
  const { prompt_tokens, completion_tokens } = r.value.usage;
  return { ok: true, value: { bytes: Buffer.from(JSON.stringify(json)), json, usage: { prompt_tokens, completion_tokens } } };
}

/** One parsed streamed attempt: resolves at the first content chunk. */
export async function streamAttempt(d: DeploymentState, req: ChatRequest, signal: AbortSignal, checks: AnswerChecks): Promise<AttemptResult<OpenedStream>> {
  const it = d.adapter.stream(req, callOptions(d, signal))[Symbol.asyncIterator]();
  const head: ChatChunk[] = [];
  for (;;) {
    const n = await it.next();
    if (n.done) {
      if (checks.empty) return { ok: false, failure: { reason: 'empty', message: 'upstream streamed an empty answer' } };
      return { ok: true, value: new AdapterStream(it, head, true) };
    }
    if (!n.value.ok) return { ok: false, failure: fromFailure(n.value.failure) };
    head.push(n.value.value);
    if (hasContent(n.value.value)) return { ok: true, value: new AdapterStream(it, head, false) };
  }
}

class AdapterStream implements OpenedStream {
  private usage: StreamEnd['totals']['usage'];
  private contentEvents = 0;

  constructor(
    private readonly it: AsyncIterator<Result<ChatChunk>>,
    private readonly head: ChatChunk[],
    private readonly ended: boolean,
  ) {}

  cancel(): void {
    void this.it.return?.();
  }

  async relay(sink: ClientSink, restore: ChunkRestorer | undefined): Promise<StreamEnd> {
    for (const c of this.head) await this.write(sink, c, restore);
    let broken: string | undefined;
    while (!this.ended) {
      const n = await this.it.next();
      if (n.done) break;
      if (!n.value.ok) {
        broken = n.value.failure.message;
        break;
      }
      await this.write(sink, n.value.value, restore);
    }
    const tail = restore?.finish({ id: this.head[0]?.id, model: this.head[0]?.model, created: this.head[0]?.created });
    if (tail) sink.write(`data: ${JSON.stringify(tail)}\n\n`);
    if (broken !== undefined) {
      sink.write(sseErrorEvent(`upstream stream broke: ${broken}`));
      return { ok: false, message: broken, totals: { usage: this.usage, contentEvents: this.contentEvents } };
    }
    sink.write('data: [DONE]\n\n');
    return { ok: true, totals: { usage: this.usage, contentEvents: this.contentEvents } };
  }

  private async write(sink: ClientSink, chunk: ChatChunk, restore: ChunkRestorer | undefined): Promise<void> {
    if (chunk.usage) this.usage = { prompt_tokens: chunk.usage.prompt_tokens, completion_tokens: chunk.usage.completion_tokens };
    if (hasContent(chunk)) this.contentEvents++;
    const wire: WireChunk & Record<string, unknown> = chunk.usage
      ? { ...chunk, usage: { prompt_tokens: chunk.usage.prompt_tokens, completion_tokens: chunk.usage.completion_tokens, total_tokens: chunk.usage.total_tokens } }
      : { ...chunk };
    restore?.apply(wire);
    if (!sink.write(`data: ${JSON.stringify(wire)}\n\n`)) await sink.drained();
  }
}
