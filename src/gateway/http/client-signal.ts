/**
 * The client-disconnect signal of a request. Building an AbortController and
 * listening on it cost about a tenth of a pass-through request's CPU, so the
 * raw pass-through gets this lighter object instead: it has the part of
 * AbortSignal that undici, the providers' HTTP layer, the limiter and the
 * backoff sleep use (`aborted`, `reason`, abort listeners). Adapters that
 * need a real AbortSignal (the local provider combines signals with
 * `AbortSignal.any`) ask for `real()`, which is created only then.
 */
import type { ServerResponse } from 'node:http';
import { Tripwire } from '../../providers/index.js';

/** Aborts when the client closes the connection before the answer ended. */
export class ClientSignal extends Tripwire {
  #real: AbortController | undefined;

  constructor(res: ServerResponse) {
    super();
    res.once('close', () => {
      if (!res.writableFinished) this.abort(new DOMException('the client closed the connection', 'AbortError'));
    });
  }

  /** This object in the AbortSignal shape the raw pass-through path accepts (see the file comment). */
  get light(): AbortSignal {
    return this as unknown as AbortSignal;
  }

  /** A real AbortSignal that follows this one, for APIs that need the genuine class. */
  real(): AbortSignal {
    if (!this.#real) {
      this.#real = new AbortController();
      if (this.aborted) this.#real.abort(this.reason);
    }
    return this.#real.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.trip(reason);
    this.#real?.abort(reason);
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }

  /** EventTarget shape, as the limiter, the backoff sleep and undici use it. */
  addEventListener(type: 'abort', listener: () => void): void {
    this.on(type, listener);
  }

  removeEventListener(type: 'abort', listener: () => void): void {
    this.removeListener(type, listener);
  }
}
