import { describe, expect, it } from 'vitest';
import { mergeSettings, planCall } from './request.js';

describe('planCall', () => {
  it('adds the system message, maps JSON mode and keeps call options apart', () => {
    const p = planCall([{ role: 'user', content: 'hi' }], mergeSettings({ system: 'Be brief', response_format: 'json', temperature: 0.5, timeout_ms: 100, stream: true }, { temperature: 0 }));
    expect(p.request).toEqual({ messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'hi' }], temperature: 0, response_format: { type: 'json_object' } });
    expect(p).toMatchObject({ stream: true, options: { timeoutMs: 100 } });
  });
  it('keeps a chat prompt’s own system message and builds JSON-schema formats', () => {
    const p = planCall([{ role: 'system', content: 'S' }, { role: 'user', content: 'u' }], { system: 'ignored', response_format: { name: 'r', schema: { type: 'object' } } });
    expect(p.request.messages[0]).toEqual({ role: 'system', content: 'S' });
    expect(p.request.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'r', schema: { type: 'object' } } });
  });
});
