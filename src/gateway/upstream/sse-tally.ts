/**
 * What the rest of a relayed SSE stream amounted to, read from its bytes
 * without parsing each event: content events are counted by their
 * `"content":"` / `"arguments":"` keys, usage is parsed from the one line
 * that carries it, `[DONE]` is noticed, and the last bytes tell whether the
 * stream ended on an event boundary. Parsing every event of a plain relay
 * cost about a fifth of a streamed request; the gateway parses a stream only
 * until its first content (to decide fallbacks) and tallies the rest here.
 */
import type { StreamTotals } from './stream-types.js';

const LF = 0x0a;
const CONTENT = Buffer.from('"content":"');
const ARGUMENTS = Buffer.from('"arguments":"');
const USAGE = Buffer.from('"usage":{');
const DONE = Buffer.from('data: [DONE]');
/** A line longer than this is not kept whole across chunks (events are a few KB; usage lines far less). */
const MAX_CARRY = 1 << 20;

/** Occurrences of `needle` in `buf`. */
function count(buf: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(needle); i !== -1; i = buf.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Tallies stream bytes, whole lines at a time. */
export class SseTally {
  contentEvents = 0;
  usage: StreamTotals['usage'];
  done = false;
  /** Bytes after the last LF, completed by the next chunk. */
  #carry: Buffer | undefined;
  /** The last bytes seen, to tell whether the stream ended on a blank line. */
  #tail = '';
  #seen = false;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#seen = true;
    this.#tail = (this.#tail + chunk.toString('latin1', Math.max(0, chunk.length - 4))).slice(-4);
    let buf = this.#carry ? Buffer.concat([this.#carry, chunk]) : chunk;
    this.#carry = undefined;
    const lastLf = buf.lastIndexOf(LF);
    if (lastLf + 1 < buf.length) {
      const rest = buf.subarray(lastLf + 1);
      // An over-long line is tallied as it is rather than held: only its count could be off.
      if (rest.length <= MAX_CARRY) {
        this.#carry = Buffer.from(rest);
        buf = buf.subarray(0, lastLf + 1);
      }
    }
    this.#lines(buf);
  }

  /** True when the stream stopped mid-event (no blank line after its last data). */
  end(): boolean {
    if (this.#carry) this.#lines(this.#carry);
    if (!this.#seen) return false;
    const t = this.#tail;
    return !(t.endsWith('\n\n') || t.endsWith('\r\n\r\n') || t.endsWith('\r\r'));
  }

  #lines(buf: Buffer): void {
    this.contentEvents += count(buf, CONTENT) + count(buf, ARGUMENTS);
    if (!this.done && buf.includes(DONE)) this.done = true;
    for (let i = buf.indexOf(USAGE); i !== -1; i = buf.indexOf(USAGE, i + USAGE.length)) this.#usageAt(buf, i);
  }

  /** Parse the `data:` line around offset `at`. */
  #usageAt(buf: Buffer, at: number): void {
    const start = buf.lastIndexOf(LF, at) + 1;
    let end = buf.indexOf(LF, at);
    if (end === -1) end = buf.length;
    let line = buf.toString('utf8', start, end);
    if (!line.startsWith('data:')) return;
    line = line.slice(line.startsWith('data: ') ? 6 : 5).trimEnd();
    try {
      const u = (JSON.parse(line) as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } }).usage;
      if (u && typeof u.prompt_tokens === 'number' && typeof u.completion_tokens === 'number') this.usage = { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens };
    } catch {
      // a malformed usage line only costs the exact count
    }
  }
}
