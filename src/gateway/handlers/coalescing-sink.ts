/**
 * The client side of a relayed stream. Writes made in one turn of the event
 * loop are held and go out together at its end, and whatever is held when
 * the stream ends goes out with the response's end: a stream that arrives in
 * one piece costs one socket write instead of two (data, then the chunked
 * terminator after the ledger commit), and a stream that trickles in is
 * delayed by no more than the rest of the turn its bytes arrived in.
 */
import type { ServerResponse } from 'node:http';
import type { ClientSink } from '../upstream/stream-types.js';

/** A {@link ClientSink} over a response, ended through {@link CoalescingSink.end}. */
export class CoalescingSink implements ClientSink {
  readonly #res: ServerResponse;
  #held: (string | Buffer)[] = [];
  #scheduled = false;

  constructor(res: ServerResponse) {
    this.#res = res;
  }

  write(chunk: string | Buffer): boolean {
    this.#held.push(chunk);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#flush);
    }
    return !this.#res.writableNeedDrain;
  }

  drained(): Promise<void> {
    const res = this.#res;
    this.#flush();
    return new Promise((resolve) => (res.writableNeedDrain && !res.destroyed ? res.once('drain', resolve).once('close', resolve) : resolve()));
  }

  /** End the response with what is still held. */
  end(): void {
    const last = this.#take();
    if (last) this.#res.end(last);
    else this.#res.end();
  }

  /** Send what is held now (before an error ends the response some other way). */
  readonly #flush = (): void => {
    this.#scheduled = false;
    const bytes = this.#take();
    if (bytes && !this.#res.destroyed) this.#res.write(bytes);
  };

  #take(): string | Buffer | undefined {
    const held = this.#held;
    if (held.length === 0) return undefined;
    this.#held = [];
    if (held.length === 1) return held[0];
    // Re-serialized events are strings, relayed upstream bytes Buffers; join each kind its cheap way.
    if (held.every((c) => typeof c === 'string')) return held.join('');
    return Buffer.concat(held.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  }

  /** Flush now; for callers that end the response themselves. */
  flush(): void {
    this.#flush();
  }
}
