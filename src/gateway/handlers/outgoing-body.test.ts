import { describe, expect, it } from 'vitest';
import { OutgoingBody } from './outgoing-body.js';

const raw = Buffer.from('{ "model": "route-a",  "messages": [{"role":"user","content":"say \\"model\\": hi"}], "n": 1 }');
const parsed = () => JSON.parse(raw.toString()) as Record<string, unknown>;

describe('OutgoingBody', () => {
  it('sends the client\'s bytes untouched when the model name stays', () => {
    const out = new OutgoingBody(raw, parsed(), false);
    expect(out.for(undefined)).toBe(raw);
    expect(out.for('route-a')).toBe(raw);
  });

  it('splices a new model name into the client\'s bytes, keeping everything else as sent', () => {
    const out = new OutgoingBody(raw, parsed(), false);
    const sent = out.for('qwen/"7b"').toString();
    expect(sent).toBe(raw.toString().replace('"route-a"', JSON.stringify('qwen/"7b"')));
    expect(JSON.parse(sent)).toEqual({ ...parsed(), model: 'qwen/"7b"' });
  });

  it('serializes a redacted body, with the deployment\'s model', () => {
    const body = { ...parsed(), messages: [{ role: 'user', content: '[EMAIL_1_abcdef12]' }] };
    const out = new OutgoingBody(raw, body, true);
    expect(JSON.parse(out.for('m2').toString())).toEqual({ ...body, model: 'm2' });
  });
});
