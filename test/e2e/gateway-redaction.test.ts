// Redaction through the gateway: secrets and PII never reach the upstream, the log or the ledger,
// and come back restored in answers, streams (split anywhere) and tool-call arguments.
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../../src/providers/testing/fake-upstream.js';
import { completion, sseStream } from '../../src/gateway/test-support/openai-wire.js';
import { ADMIN_KEY, startTestGateway, type TestGateway } from '../../src/gateway/test-support/test-gateway.js';

const KEY = 'sk-proj-4fT9xQ2mL8vB1nR7sK3pZ6wY0cJ5hD2aE9uG1iO4';
const EMAIL = 'jane.doe@example.com';
const PROMPT = `Use the key ${KEY} and write to ${EMAIL}.`;
const PLACEHOLDER = /\[[A-Z_]+_\d+_[0-9a-z]+\]/g;

let up: FakeUpstream | undefined;
let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  await up?.close();
  t = undefined;
});

/** An upstream that echoes the placeholders it received, as a model repeating the user would. */
const echo = (rec: RecordedRequest) => (rec.raw.match(PLACEHOLDER) ?? []).join(' and ');
const sdk = (url: string) => new OpenAI({ baseURL: `${url}/v1`, apiKey: ADMIN_KEY, maxRetries: 0 });
const route = (extra: Record<string, unknown>) => ({ r: { deployments: [{ model: 'up0:m' }], ...extra } });

describe('redaction', () => {
  it('replaces secrets and PII before the upstream and restores them in the answer', async () => {
    up = await startFakeUpstream((rec) => ({ body: completion(`Noted: ${echo(rec)}`) }));
    t = await startTestGateway(route({ logging: 'redacted' }), [up.url]);
    const r = await sdk(t.url).chat.completions.create({ model: 'r', messages: [{ role: 'user', content: PROMPT }] });
    expect(up.requests[0]?.raw).not.toContain(KEY);
    expect(up.requests[0]?.raw).not.toContain(EMAIL);
    expect(r.choices[0]?.message.content).toBe(`Noted: ${KEY} and ${EMAIL}`);
    await t.gw.close();
    const logged = JSON.stringify(t.logs) + JSON.stringify(t.access.ledger.rows);
    expect(logged).not.toContain(KEY);
    expect(logged).not.toContain(EMAIL);
    expect(logged).toContain('[EMAIL_1_');
    expect(t.logs[0]?.fields).toMatchObject({ redacted: expect.arrayContaining(['pii/email']) });
  });

  it('restores placeholders split across stream chunks, one character at a time', async () => {
    up = await startFakeUpstream((rec) => ({ chunks: sseStream([...`Mail ${echo(rec)} ok`]) }));
    t = await startTestGateway(route({}), [up.url]);
    const s = await sdk(t.url).chat.completions.create({ model: 'r', stream: true, messages: [{ role: 'user', content: `write to ${EMAIL}` }] });
    let text = '';
    for await (const c of s) text += c.choices[0]?.delta.content ?? '';
    expect(text).toBe(`Mail ${EMAIL} ok`);
    expect(up.requests[0]?.raw).not.toContain(EMAIL);
  });

  it('restores values inside tool-call arguments as valid JSON', async () => {
    up = await startFakeUpstream((rec) => {
      const args = JSON.stringify({ to: (rec.raw.match(PLACEHOLDER) ?? [])[0] });
      return { body: completion(null, { tool_calls: [{ id: 'c1', type: 'function', function: { name: 'send', arguments: args } }] }) };
    });
    t = await startTestGateway(route({}), [up.url]);
    const r = await sdk(t.url).chat.completions.create({ model: 'r', messages: [{ role: 'user', content: `send it to ${EMAIL}` }] });
    expect(JSON.parse(r.choices[0]?.message.tool_calls?.[0]?.type === 'function' ? r.choices[0].message.tool_calls[0].function.arguments : '{}')).toEqual({ to: EMAIL });
  });

  it('blocks with a 400 naming the detector when the route says block', async () => {
    up = await startFakeUpstream([]);
    t = await startTestGateway(route({ redaction: { mode: 'block' } }), [up.url]);
    const e = sdk(t.url).chat.completions.create({ model: 'r', messages: [{ role: 'user', content: PROMPT }] });
    await expect(e).rejects.toMatchObject({ status: 400, code: 'content_blocked', message: expect.stringContaining('pii/email') });
    expect(up.requests).toHaveLength(0);
    await t.gw.close();
    expect(t.access.ledger.rows[0]).toMatchObject({ status: 400, outcome: 'blocked' });
  });

  it('passes text through when the route allows it, and still logs it redacted', async () => {
    up = await startFakeUpstream([{ body: completion('ok') }]);
    t = await startTestGateway(route({ redaction: { mode: 'allow' }, logging: 'redacted' }), [up.url]);
    await sdk(t.url).chat.completions.create({ model: 'r', messages: [{ role: 'user', content: PROMPT }] });
    expect(up.requests[0]?.raw).toContain(EMAIL);
    await t.gw.close();
    expect(JSON.stringify(t.logs)).not.toContain(EMAIL);
  });

  it('logs metadata only by default, and nothing with logging: none', async () => {
    up = await startFakeUpstream(() => ({ body: completion('ok') }));
    t = await startTestGateway({ a: { deployments: [{ model: 'up0:m' }] }, b: { deployments: [{ model: 'up0:m' }], logging: 'none' } }, [up.url]);
    await sdk(t.url).chat.completions.create({ model: 'a', messages: [{ role: 'user', content: PROMPT }] });
    await sdk(t.url).chat.completions.create({ model: 'b', messages: [{ role: 'user', content: PROMPT }] });
    await t.gw.close();
    const lines = t.logs.filter((l) => l.event === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.fields).toMatchObject({ route: 'a', status: 200, deployment: 'up0:m' });
    expect(lines[0]?.fields).not.toHaveProperty('request');
  });
});
