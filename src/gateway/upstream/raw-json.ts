/**
 * A non-streamed attempt through `rawChat`: the request bytes go out as they
 * are, the answer's bytes are read whole (so a broken or garbage answer can
 * still fall back), parsed once for usage and the answer checks, and kept
 * so they can be sent on unchanged.
 */
import type { Usage } from '../../providers/index.js';
import type { AttemptResult } from '../routing/outcome.js';
import { fromFailure, fromReadError } from '../routing/outcome.js';
import type { DeploymentState } from '../routing/route-state.js';
import { checkCompletion, type AnswerChecks } from './answer-check.js';

/** A complete answer: the bytes as received and their parse. */
export interface JsonAnswer {
  bytes: Buffer;
  json: Record<string, unknown>;
  usage: Pick<Usage, 'prompt_tokens' | 'completion_tokens'> | undefined;
}

const MAX_ANSWER = 64 * 1024 * 1024;

/** The parts of a Node Readable that `readAll` uses. */
type BodyStream = NodeJS.EventEmitter & { destroy(err?: Error): void };

/**
 * Read a Node stream of Buffers into one Buffer, up to `max` bytes (undefined past it).
 * Events rather than `for await`: the async iterator costs a promise per chunk and its own
 * bookkeeping, a measurable share of a gateway request whose answer is one small chunk.
 */
function readAll(body: BodyStream, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let parts: Buffer[] | undefined;
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        off();
        body.destroy();
        resolve(undefined);
        return;
      }
      if (first === undefined) first = chunk;
      else (parts ??= [first]).push(chunk);
    };
    const onEnd = (): void => {
      off();
      resolve(parts ? Buffer.concat(parts, size) : (first ?? Buffer.alloc(0)));
    };
    const onError = (err: Error): void => {
      off();
      reject(err);
    };
    // A body destroyed without 'end' (the deadline fired, the socket reset) must not hang the call.
    const onClose = (): void => onError(Object.assign(new Error('upstream body closed before its end'), { code: 'UND_ERR_SOCKET' }));
    const off = (): void => {
      body.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    body.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** Usage as the upstream reported it, when it did. */
export function usageOf(json: Record<string, unknown>): JsonAnswer['usage'] {
  const u = json.usage as { prompt_tokens?: unknown; completion_tokens?: unknown } | undefined;
  if (!u || typeof u.prompt_tokens !== 'number' || typeof u.completion_tokens !== 'number') return undefined;
  return { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens };
}

/** One raw non-streamed attempt. */
export async function rawJsonAttempt(d: DeploymentState, body: Buffer | string, signal: AbortSignal, checks: AnswerChecks): Promise<AttemptResult<JsonAnswer>> {
  const rawChat = d.adapter.rawChat;
  if (!rawChat) return { ok: false, failure: { reason: 'error', message: `${d.name} has no raw pass-through` } };
  const opts = d.timeoutMs === undefined ? { stream: false, signal, retries: 0 } : { stream: false, signal, retries: 0, timeoutMs: d.timeoutMs };
  const r = await rawChat(body, opts);
  if (!r.ok) return { ok: false, failure: fromFailure(r.failure) };
  let bytes: Buffer | undefined;
  try {
    bytes = await readAll(r.value.body, MAX_ANSWER);
  } catch (err) {
    return { ok: false, failure: fromReadError(err, signal) };
  }
  if (bytes === undefined) return { ok: false, failure: { reason: 'error', message: `upstream answer exceeds ${MAX_ANSWER} bytes` } };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, failure: { reason: 'error', message: `upstream answer is not JSON (${bytes.length} bytes)` } };
  }
  if (json === null || typeof json !== 'object') return { ok: false, failure: { reason: 'error', message: 'upstream answer is not a JSON object' } };
  const bad = checkCompletion(json, checks);
  if (bad) return { ok: false, failure: bad };
  const obj = json as Record<string, unknown>;
  return { ok: true, value: { bytes, json: obj, usage: usageOf(obj) } };
}
