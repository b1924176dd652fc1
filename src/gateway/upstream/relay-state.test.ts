import { describe, expect, it } from 'vitest';
import { ChunkRestorer } from '../redaction/chunk-restorer.js';
import { RelayState } from './relay-state.js';

const ev = (obj: unknown) => ({ event: undefined, id: undefined, data: typeof obj === 'string' ? obj : JSON.stringify(obj) });
const delta = (d: Record<string, unknown>, extra: Record<string, unknown> = {}) => ev({ id: 'c', choices: [{ index: 0, delta: d, finish_reason: null }], ...extra });

describe('RelayState counting', () => {
  it('counts content and tool-argument events and takes usage from the final chunk', () => {
    const s = new RelayState();
    for (const e of [delta({ role: 'assistant', content: '' }), delta({ content: 'Hi' }), delta({ tool_calls: [{ index: 0, function: { arguments: '{"a"' } }] }), ev({ id: 'c', choices: [], usage: { prompt_tokens: 7, completion_tokens: 3 } }), ev('[DONE]')]) s.countEvent(e);
    // The role event's empty content still counts as a content event, as before.
    expect(s.totals()).toEqual({ usage: { prompt_tokens: 7, completion_tokens: 3 }, contentEvents: 3 });
    expect(s.done).toBe(true);
  });

  it('takes the last usage when every chunk reports it and the stream ends on content', () => {
    const s = new RelayState();
    s.countEvent(delta({ content: 'a' }, { usage: { prompt_tokens: 5, completion_tokens: 1 } }));
    s.countEvent(delta({ content: 'b' }, { usage: { prompt_tokens: 5, completion_tokens: 2 } }));
    expect(s.totals().usage).toEqual({ prompt_tokens: 5, completion_tokens: 2 });
  });

  it('has no usage when none was sent, and survives a malformed usage event', () => {
    const s = new RelayState();
    s.countEvent(delta({ content: 'a' }));
    s.countEvent(ev('{"usage":{"prompt_tokens": oops'));
    expect(s.totals()).toEqual({ usage: undefined, contentEvents: 1 });
  });
});

describe('RelayState restoring placeholders', () => {
  const P = '[EMAIL_1_abcdef12]';
  const replacements = new Map([[P, 'jane@example.com']]);
  const run = (events: ReturnType<typeof ev>[]) => {
    const s = new RelayState();
    const restore = new ChunkRestorer(replacements);
    const out: string[] = [];
    const sink = { write: (c: string | Buffer) => (out.push(c.toString()), true), drained: async () => {} };
    for (const e of events) s.writeRestored(e, sink, restore);
    return out;
  };
  const contents = (out: string[]) =>
    out
      .filter((l) => !l.includes('[DONE]'))
      .map((l) => (JSON.parse(l.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '')
      .join('');

  it('passes events without placeholder text on byte for byte', () => {
    const events = [delta({ role: 'assistant', content: '' }), delta({ content: 'Hello ' }), delta({ content: 'there [1] and [' + ']' })];
    const out = run(events);
    expect(out.slice(1)).toEqual(events.slice(1).map((e) => `data: ${e.data}\n\n`));
  });

  it('restores placeholders whole, split across events, and after a delta ending in "["', () => {
    expect(contents(run([delta({ content: 'x' }), delta({ content: `mail ${P}.` })]))).toBe('xmail jane@example.com.');
    expect(contents(run([delta({ content: 'x' }), delta({ content: 'to [EM' }), delta({ content: 'AIL_1_abc' }), delta({ content: 'def12] ok' })]))).toBe('xto jane@example.com ok');
    expect(contents(run([delta({ content: 'x' }), delta({ content: 'to [' }), delta({ content: 'EMAIL_1_abcdef12]' })]))).toBe('xto jane@example.com');
  });
});
