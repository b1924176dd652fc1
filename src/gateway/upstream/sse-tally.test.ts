import { describe, expect, it } from 'vitest';
import { SseParser } from '../../providers/index.js';
import { SseTally } from './sse-tally.js';

const chunk = (obj: unknown) => `data: ${JSON.stringify(obj)}\n\n`;
const content = (text: string) => chunk({ id: 'c', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] });
const stream = [content('Hello'), content(' "content":"quoted"'), chunk({ id: 'c', choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{}' } }] } }] }), chunk({ id: 'c', choices: [], usage: { prompt_tokens: 9, completion_tokens: 4 } }), 'data: [DONE]\n\n'].join('');

/** Feed `text` cut into pieces of `size` bytes. */
function tallyOf(text: string, size: number): SseTally {
  const t = new SseTally();
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) t.push(bytes.subarray(i, i + size));
  return t;
}

describe('SseTally', () => {
  it('counts content and argument events, finds usage and [DONE], wherever the chunks split', () => {
    for (const size of [1, 3, 7, 64, 100_000]) {
      const t = tallyOf(stream, size);
      expect(t.end()).toBe(false);
      expect({ content: t.contentEvents, usage: t.usage, done: t.done }).toEqual({ content: 3, usage: { prompt_tokens: 9, completion_tokens: 4 }, done: true });
    }
  });

  it('says when the stream stopped mid-event', () => {
    expect(tallyOf(stream.slice(0, -1), 5).end()).toBe(true);
    expect(tallyOf(content('a').slice(0, 20), 5).end()).toBe(true);
    expect(tallyOf(content('a').replace(/\n/g, '\r\n'), 4).end()).toBe(false);
    expect(new SseTally().end()).toBe(false);
  });

  it('agrees with the parser on the same bytes', () => {
    const events: string[] = [];
    const p = new SseParser((e) => events.push(e.data));
    p.push(Buffer.from(stream));
    const parsedContent = events.filter((d) => d.includes('"content":"') || d.includes('"arguments":"')).length;
    expect(tallyOf(stream, 13).contentEvents).toBe(parsedContent);
  });
});

describe('SseParser pause', () => {
  it('stops after the event that paused it and hands back the rest unparsed', () => {
    const seen: string[] = [];
    const p: SseParser = new SseParser((e) => {
      seen.push(e.data);
      if (seen.length === 2) p.pause();
    });
    p.push(Buffer.from('data: a\n\ndata: b\n\ndata: c\n\n'));
    p.push(Buffer.from('data: d\n\n'));
    expect(seen).toEqual(['a', 'b']);
    expect(p.takeRest()?.toString()).toBe('data: c\n\ndata: d\n\n');
    expect(p.hasPartial).toBe(false);
  });

  it('parses what waited when resumed', () => {
    const seen: string[] = [];
    const p: SseParser = new SseParser((e) => {
      seen.push(e.data);
      if (e.data === 'a') p.pause();
    });
    p.push(Buffer.from('data: a\r\n\r\ndata: b\r\n'));
    p.push(Buffer.from('\r\ndata: c\n\n'));
    p.resume();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(p.received).toBe(Buffer.byteLength('data: a\r\n\r\ndata: b\r\n\r\ndata: c\n\n'));
  });
});
