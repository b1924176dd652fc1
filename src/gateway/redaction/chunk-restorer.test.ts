import { describe, expect, it } from 'vitest';
import { ChunkRestorer, type WireChunk } from './chunk-restorer.js';

const P = '[EMAIL_1_abcdef12]';
const map = new Map([[P, 'jane@example.com']]);
const delta = (content: string, finish: string | null = null): WireChunk => ({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
const text = (c: WireChunk) => c.choices?.map((x) => x.delta?.content ?? '').join('') ?? '';

describe('ChunkRestorer', () => {
  it('restores a placeholder split at every position', () => {
    const full = `mail ${P} now`;
    for (let cut = 1; cut < full.length; cut++) {
      const r = new ChunkRestorer(map);
      const parts = [delta(full.slice(0, cut)), delta(full.slice(cut)), delta('', 'stop')];
      let out = '';
      for (const p of parts) {
        r.apply(p);
        out += text(p);
      }
      expect(out).toBe('mail jane@example.com now');
    }
  });

  it('flushes held text at the end when no chunk finished', () => {
    const r = new ChunkRestorer(map);
    const c = delta('see [EMAIL_1_ab');
    r.apply(c);
    expect(text(c)).toBe('see ');
    const tail = r.finish({ id: 'x' });
    expect(tail && text(tail)).toBe('[EMAIL_1_ab');
  });

  it('escapes restored values inside tool-call arguments', () => {
    const r = new ChunkRestorer(new Map([[P, 'a"b']]));
    const c: WireChunk = { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: `{"to":"${P}"}` } }] }, finish_reason: 'tool_calls' }] };
    r.apply(c);
    const args = c.choices?.[0]?.delta?.tool_calls?.map((t) => t.function?.arguments).join('');
    expect(JSON.parse(args ?? '')).toEqual({ to: 'a"b' });
  });
});
