import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from './sse.js';

function parse(pieces: (string | Buffer)[]): { events: SseEvent[]; garbage: string[]; comments: string[]; dropped: boolean } {
  const events: SseEvent[] = [];
  const garbage: string[] = [];
  const comments: string[] = [];
  const p = new SseParser((e) => events.push(e), { onGarbage: (l) => garbage.push(l), onComment: (c) => comments.push(c) });
  for (const x of pieces) p.push(typeof x === 'string' ? Buffer.from(x) : x);
  return { events, garbage, comments, dropped: p.end() };
}

const STREAM = ': hello\n\nevent: message_start\ndata: {"t":"你好 🌏"}\n\ndata: line one\ndata: line two\n\nid: 7\ndata: [DONE]\n\n';

describe('SseParser', () => {
  it('parses events, multi-line data, ids, comments', () => {
    const { events, comments, garbage, dropped } = parse([STREAM]);
    expect(events).toEqual([
      { event: 'message_start', data: '{"t":"你好 🌏"}', id: undefined },
      { event: undefined, data: 'line one\nline two', id: undefined },
      { event: undefined, data: '[DONE]', id: '7' },
    ]);
    expect(comments).toEqual([' hello']);
    expect(garbage).toEqual([]);
    expect(dropped).toBe(false);
  });

  it('gives the same events whatever byte the chunks split at (mid-line, mid-UTF-8)', () => {
    const bytes = Buffer.from(STREAM);
    const whole = parse([bytes]).events;
    for (let i = 1; i < bytes.length; i++) {
      expect(parse([bytes.subarray(0, i), bytes.subarray(i)]).events).toEqual(whole);
    }
    expect(parse([...bytes].map((b) => Buffer.from([b]))).events).toEqual(whole);
  });

  it('accepts CRLF and bare CR line endings, also split between chunks', () => {
    const crlf = STREAM.replace(/\n/g, '\r\n');
    const cr = STREAM.replace(/\n/g, '\r');
    const whole = parse([STREAM]).events;
    expect(parse([crlf]).events).toEqual(whole);
    expect(parse([cr]).events).toEqual(whole);
    const b = Buffer.from(crlf);
    for (let i = 1; i < b.length; i++) expect(parse([b.subarray(0, i), b.subarray(i)]).events).toEqual(whole);
  });

  it('strips exactly one space after the colon and allows no space', () => {
    expect(parse(['data:x\n\ndata:  y\n\n']).events.map((e) => e.data)).toEqual(['x', ' y']);
  });

  it('reports lines that are not SSE fields as garbage instead of throwing', () => {
    const { events, garbage } = parse(['data: 1\n\n<html>oops</html>\ndata: 2\n\n']);
    expect(garbage).toEqual(['<html>oops</html>']);
    expect(events.map((e) => e.data)).toEqual(['1', '2']);
  });

  it('says when the input ended inside an event (a dropped stream)', () => {
    expect(parse(['data: {"a":1}\n\ndata: {"b"']).dropped).toBe(true);
    expect(parse(['data: {"a":1}\n']).dropped).toBe(true);
    expect(parse(['data: {"a":1}\n\n']).dropped).toBe(false);
  });

  it('ignores an event with no data and keeps a long line split over many chunks', () => {
    const long = 'x'.repeat(100_000);
    const pieces = Buffer.from(`event: ping\n\ndata: ${long}\n\n`);
    const chunks: Buffer[] = [];
    for (let i = 0; i < pieces.length; i += 1000) chunks.push(pieces.subarray(i, i + 1000));
    const { events } = parse(chunks);
    expect(events).toHaveLength(1);
    expect(events[0]?.data.length).toBe(100_000);
  });

  it('parses 10 MB of events quickly', () => {
    const event = Buffer.from('data: {"id":"c","choices":[{"index":0,"delta":{"content":"token"}}]}\n\n');
    const chunk = Buffer.concat(Array.from({ length: 200 }, () => event));
    let n = 0;
    const p = new SseParser(() => n++);
    const t = performance.now();
    const rounds = Math.ceil(10_000_000 / chunk.length);
    for (let i = 0; i < rounds; i++) {
      p.push(chunk.subarray(0, 4097));
      p.push(chunk.subarray(4097));
    }
    const ms = performance.now() - t;
    expect(n).toBe(rounds * 200);
    expect(ms).toBeLessThan(2_000);
  });
});
