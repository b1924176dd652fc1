/**
 * A streamed attempt through `rawChat`. Until the first content event, bytes
 * are held back and parsed, so an upstream that fails, sends garbage or ends
 * without an answer can still fall back: the client has seen nothing. After
 * that, bytes are forwarded as received and tallied without parsing (or, when
 * placeholders must be restored, parsed and re-serialized event by event).
 */
import { SseParser, type SseEvent } from '../../providers/index.js';
import type { AttemptResult } from '../routing/outcome.js';
import { fromFailure, fromReadError } from '../routing/outcome.js';
import type { DeploymentState } from '../routing/route-state.js';
import type { AnswerChecks } from './answer-check.js';
import { RelayState } from './relay-state.js';
import { SseTally } from './sse-tally.js';
import { sseErrorEvent, type OpenedStream } from './stream-types.js';

type Body = NodeJS.ReadableStream & { destroy(err?: Error): void; pause(): unknown; resume(): unknown; readonly readableEnded: boolean; readonly errored: Error | null };

/** One raw streamed attempt: resolves once the first content arrived (or the attempt failed). */
export async function rawStreamAttempt(d: DeploymentState, body: Buffer | string, signal: AbortSignal, checks: AnswerChecks): Promise<AttemptResult<OpenedStream>> {
  const rawChat = d.adapter.rawChat;
  if (!rawChat) return { ok: false, failure: { reason: 'error', message: `${d.name} has no raw pass-through` } };
  const opts = d.timeoutMs === undefined ? { stream: true, signal, retries: 0 } : { stream: true, signal, retries: 0, timeoutMs: d.timeoutMs };
  const r = await rawChat(body, opts);
  if (!r.ok) return { ok: false, failure: fromFailure(r.failure) };
  return probe(r.value.body as unknown as Body, signal, checks);
}

/** Destroy an upstream body nobody reads any more; its abort error has no one to go to. */
function discard(body: Body): void {
  body.on('error', () => {});
  body.destroy();
}

function probe(body: Body, signal: AbortSignal, checks: AnswerChecks): Promise<AttemptResult<OpenedStream>> {
  const state = new RelayState();
  const head: Buffer[] = [];
  const events: SseEvent[] = [];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: AttemptResult<OpenedStream>) => {
      if (settled) return;
      settled = true; // from here on the parser only collects events (the relay's, after a resume)
      body.pause();
      body.removeListener('data', onData).removeListener('end', onEnd).removeListener('error', onError);
      if (!r.ok) discard(body);
      resolve(r);
    };
    let verdict: ReturnType<RelayState['probeEvent']>;
    // Judge each event as it is parsed and stop parsing at the one that decides: the rest is relayed as bytes.
    const parser = new SseParser(
      (e) => {
        events.push(e);
        if (settled) return;
        verdict = state.probeEvent(e);
        if (verdict !== undefined) parser.pause();
      },
      { onGarbage: (line) => state.garbage(line) },
    );
    const onData = (chunk: Buffer) => {
      head.push(chunk);
      parser.push(chunk);
      if (verdict === 'content') return finish({ ok: true, value: new RawStream(body, parser, state, head, events) });
      if (verdict !== undefined) return finish({ ok: false, failure: verdict });
      if (state.garbageLine !== undefined) finish({ ok: false, failure: { reason: 'error', message: `upstream sent garbage: ${state.garbageLine.slice(0, 80)}` } });
    };
    const onEnd = () => {
      if (!checks.empty && !parser.hasPartial) return finish({ ok: true, value: new RawStream(body, parser, state, head, events, true) });
      const truncated = parser.end() || !state.done;
      finish({ ok: false, failure: truncated ? { reason: 'error', message: 'upstream stream ended before any answer' } : { reason: 'empty', message: 'upstream streamed an empty answer' } });
    };
    const onError = (err: unknown) => finish({ ok: false, failure: fromReadError(err, signal) });
    body.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** A committed raw stream: replays the held-back head, then forwards the rest. */
class RawStream implements OpenedStream {
  constructor(
    private readonly body: Body,
    private readonly parser: SseParser,
    private readonly state: RelayState,
    private readonly head: Buffer[],
    /** Events parsed so far; the parser keeps appending to this array. */
    private readonly events: SseEvent[],
    private readonly ended = false,
  ) {}

  cancel(): void {
    discard(this.body);
  }

  relay(...[sink, restore]: Parameters<OpenedStream['relay']>): ReturnType<OpenedStream['relay']> {
    const { body, parser, state, events } = this;
    // Without placeholders to restore, bytes after the probe's last event are tallied, not parsed.
    const tally = restore ? undefined : new SseTally();
    const rest = tally ? parser.takeRest() : undefined;
    if (rest) tally?.push(rest);
    if (restore) parser.resume();
    // Events parsed so far (in the probe, or just now on resuming): counted once, here.
    const replay = events.splice(0, events.length);
    for (const e of replay) state.countEvent(e);
    if (restore) for (const e of replay) state.writeRestored(e, sink, restore);
    else for (const b of this.head) sink.write(b);
    this.head.length = 0;
    const totals = () => (tally ? state.totalsWith(tally) : state.totals());
    const cutShort = () => (tally ? tally.end() : false) || parser.end();
    if (this.ended) return Promise.resolve({ ok: !cutShort(), totals: totals() });
    return new Promise((resolve) => {
      // The upstream may have finished while the stream sat paused between probe and relay.
      if (body.readableEnded || body.errored) {
        const ok = !body.errored && !cutShort();
        if (restore && !state.done) state.writeTail(sink, restore);
        if (!ok) sink.write(sseErrorEvent('upstream stream broke'));
        return resolve(ok ? { ok, totals: totals() } : { ok, message: 'upstream stream broke', totals: totals() });
      }
      const onData = (chunk: Buffer) => {
        if (tally) {
          tally.push(chunk);
          if (!sink.write(chunk)) {
            body.pause();
            void sink.drained().then(() => body.resume());
          }
          return;
        }
        parser.push(chunk);
        let more = true;
        for (const e of events) {
          state.countEvent(e);
          if (restore) more = state.writeRestored(e, sink, restore) && more;
        }
        events.length = 0;
        if (!more) {
          body.pause();
          void sink.drained().then(() => body.resume());
        }
      };
      const close = (ok: boolean, message?: string) => {
        if (restore && !state.done) state.writeTail(sink, restore);
        if (!ok) sink.write(sseErrorEvent(message ?? 'upstream stream broke'));
        body.removeListener('data', onData).removeListener('end', onEnd).removeListener('error', onError);
        resolve(ok ? { ok, totals: totals() } : { ok, message: message ?? 'stream broke', totals: totals() });
      };
      const onEnd = () => {
        const cut = cutShort();
        close(!cut, cut ? 'upstream stream ended mid-event' : undefined);
      };
      const onError = (err: unknown) => close(false, `upstream stream broke: ${(err as Error).message ?? String(err)}`);
      body.on('data', onData).on('end', onEnd).on('error', onError);
      body.resume();
    });
  }
}
