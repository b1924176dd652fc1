/**
 * A byte-level Server-Sent Events parser. Chunks may split anywhere, even
 * inside a UTF-8 sequence: lines are cut on bytes and decoded only when
 * complete (a newline byte never occurs inside a multi-byte sequence).
 * It is push-based so the gateway can feed it the same Buffers it forwards
 * to its client, parsing only what it needs (usage, finish reason).
 */

/** One dispatched event. `event` is undefined for the default `message` type. */
export interface SseEvent {
  event: string | undefined;
  data: string;
  id: string | undefined;
}

/** Options for SseParser. */
export interface SseParserOptions {
  /**
   * Called for a line that is neither a known field (`data`, `event`, `id`,
   * `retry`) nor a comment. The SSE spec ignores such lines; model APIs never
   * send them, so adapters treat one as a bad response.
   */
  onGarbage?: (line: string) => void;
  /** Called for `: comment` lines (keep-alives). */
  onComment?: (text: string) => void;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Incremental SSE parser: `push()` bytes, receive events through the callback.
 * @example
 * const p = new SseParser((e) => console.log(e.data));
 * p.push(Buffer.from('data: {"a"')); p.push(Buffer.from(':1}\n\n')); // logs {"a":1}
 */
export class SseParser {
  /** Bytes of an unfinished line; kept as parts so a long line is copied once, not once per chunk. */
  private pending: Buffer[] = [];
  /** A chunk ended in CR: a LF at the start of the next chunk belongs to it. */
  private skipLf = false;
  private data: string[] = [];
  private event: string | undefined;
  private lastId: string | undefined;
  private bytes = 0;
  /** Set by `pause()`: lines are no longer parsed, bytes wait in `pending`. */
  private paused = false;

  constructor(
    private readonly onEvent: (e: SseEvent) => void,
    private readonly options: SseParserOptions = {},
  ) {}

  /** Total bytes pushed so far. */
  get received(): number {
    return this.bytes;
  }

  /** True when bytes of an unfinished line or event are buffered. */
  get hasPartial(): boolean {
    return this.pending.length > 0 || this.data.length > 0 || this.event !== undefined;
  }

  /** Feed the next chunk of the stream. The parser may keep a reference to it until its line completes. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.bytes += chunk.length;
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.paused) {
      this.pending.push(buf);
      return;
    }
    if (this.skipLf) {
      this.skipLf = false;
      if (buf[0] === LF) buf = buf.subarray(1);
    }
    const hasCr = buf.indexOf(CR) !== -1;
    if (this.pending.length > 0) {
      if (!hasCr && buf.indexOf(LF) === -1) {
        this.pending.push(buf);
        return;
      }
      buf = Buffer.concat([...this.pending, buf]);
      this.pending = [];
    }
    // Fast path: model APIs end lines with LF (or CRLF); bare CR is rare.
    const end = hasCr ? this.splitAny(buf) : this.splitLf(buf);
    if (end < buf.length) this.pending.push(buf.subarray(end));
  }

  /**
   * Stop parsing after the event being dispatched (call it from the event callback): the rest of
   * the chunk, and of later chunks, waits unparsed for `resume()` or `takeRest()`. The gateway
   * parses a stream only until its first content and relays the rest as bytes.
   */
  pause(): void {
    this.paused = true;
  }

  /** Parse what waited while paused, and go on parsing. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.pending.length === 0) return;
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    this.bytes -= rest.length; // push counts them again
    this.push(rest);
  }

  /** The bytes that waited unparsed since `pause()`; the parser keeps none of them. */
  takeRest(): Buffer | undefined {
    if (!this.paused || this.pending.length === 0) return undefined;
    const rest = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
    this.pending = [];
    return rest;
  }

  /**
   * Signal end of input. Per the spec an event not terminated by a blank
   * line is discarded; the return value says whether anything was dropped.
   */
  end(): boolean {
    const dropped = this.hasPartial;
    this.pending = [];
    this.data = [];
    this.event = undefined;
    return dropped;
  }

  private splitLf(buf: Buffer): number {
    let start = 0;
    for (let nl = buf.indexOf(LF, start); nl !== -1 && !this.paused; nl = buf.indexOf(LF, start)) {
      this.line(buf, start, nl);
      start = nl + 1;
    }
    return start;
  }

  private splitAny(buf: Buffer): number {
    let start = 0;
    for (let i = 0; i < buf.length && !this.paused; i++) {
      const b = buf[i];
      if (b !== LF && b !== CR) continue;
      this.line(buf, start, i);
      if (b === CR) {
        if (i + 1 < buf.length) {
          if (buf[i + 1] === LF) i++;
        } else {
          this.skipLf = true;
        }
      }
      start = i + 1;
    }
    return start;
  }

  private line(buf: Buffer, start: number, end: number): void {
    if (start === end) return this.dispatch();
    if (buf[start] === 0x3a /* ':' */) {
      this.options.onComment?.(buf.toString('utf8', start + 1, end));
      return;
    }
    const colon = buf.indexOf(0x3a, start);
    const fieldEnd = colon === -1 || colon > end ? end : colon;
    let valueStart = fieldEnd === end ? end : fieldEnd + 1;
    if (valueStart < end && buf[valueStart] === 0x20) valueStart++;
    const field = buf.toString('latin1', start, fieldEnd);
    switch (field) {
      case 'data':
        this.data.push(buf.toString('utf8', valueStart, end));
        return;
      case 'event':
        this.event = buf.toString('utf8', valueStart, end);
        return;
      case 'id':
        this.lastId = buf.toString('utf8', valueStart, end);
        return;
      case 'retry':
        return;
      default:
        this.options.onGarbage?.(buf.toString('utf8', start, end));
    }
  }

  private dispatch(): void {
    if (this.data.length === 0) {
      this.event = undefined;
      return;
    }
    const data = this.data.length === 1 ? (this.data[0] as string) : this.data.join('\n');
    const e: SseEvent = { event: this.event, data, id: this.lastId };
    this.data = [];
    this.event = undefined;
    this.onEvent(e);
  }
}
