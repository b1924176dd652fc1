// Routing through the gateway against fake upstreams: fallbacks, retries, timeouts, breakers, canary, shadow, streams.
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeReply, type FakeUpstream } from '../../src/providers/testing/fake-upstream.js';
import { completion, sseStream } from '../../src/gateway/test-support/openai-wire.js';
import { ADMIN_KEY, startTestGateway, type TestGateway } from '../../src/gateway/test-support/test-gateway.js';

const ups: FakeUpstream[] = [];
let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  for (const u of ups.splice(0)) await u.close();
  t = undefined;
});

async function upstreams(...scripts: (FakeReply[] | ((r: never) => FakeReply))[]): Promise<FakeUpstream[]> {
  for (const s of scripts) ups.push(await startFakeUpstream(s as FakeReply[]));
  return ups;
}
const sdk = (url: string) => new OpenAI({ baseURL: `${url}/v1`, apiKey: ADMIN_KEY, maxRetries: 0 });
const ask = (url: string) => sdk(url).chat.completions.create({ model: 'r', messages: [{ role: 'user', content: 'hi' }] });
const two = (extra: Record<string, unknown> = {}) => ({ r: { deployments: [{ model: 'up0:m0' }], fallbacks: [{ model: 'up1:m1' }], ...extra } });
const ok = (text = 'fine'): FakeReply => ({ body: completion(text) });

describe('fallbacks and retries', () => {
  it('falls back on a 500 and records the path', async () => {
    const [a, b] = await upstreams([{ status: 500, body: '{"error":{"message":"boom"}}' }], [ok('from b')]);
    t = await startTestGateway(two(), [a!.url, b!.url]);
    expect((await ask(t.url)).choices[0]?.message.content).toBe('from b');
    expect((b!.requests[0]?.json as { model: string }).model).toBe('m1');
    expect(t.access.ledger.rows[0]).toMatchObject({ outcome: 'fallback', fallbackPath: 'up0:m0:error>up1:m1:ok', deployment: 'up1:m1' });
  });

  it('retries the same deployment with backoff before moving on', async () => {
    const [a, b] = await upstreams([{ status: 503, body: '{}' }, ok('second try')], [ok('never')]);
    t = await startTestGateway({ r: { deployments: [{ model: 'up0:m0', retries: 1 }], fallbacks: [{ model: 'up1:m1' }] } }, [a!.url, b!.url]);
    expect((await ask(t.url)).choices[0]?.message.content).toBe('second try');
    expect(a!.requests).toHaveLength(2);
    expect(b!.requests).toHaveLength(0);
  });

  it.each([
    ['a timeout', { delayMs: 400, body: completion('late') }, 'timeout'],
    ['a 429', { status: 429, body: '{"error":{"message":"slow down"}}' }, 'rate_limited'],
    ['an empty answer', { body: completion('') }, 'empty'],
    ['a connection reset', { body: '{"id":', drop: true }, 'error'],
    ['garbage', { body: 'not json at all' }, 'error'],
  ] as const)('falls back on %s', async (_, reply, reason) => {
    const [a, b] = await upstreams([reply as FakeReply], [ok('rescued')]);
    t = await startTestGateway({ r: { deployments: [{ model: 'up0:m0', timeout_ms: 150 }], fallbacks: [{ model: 'up1:m1' }] } }, [a!.url, b!.url]);
    expect((await ask(t.url)).choices[0]?.message.content).toBe('rescued');
    expect(t.access.ledger.rows[0]?.fallbackPath).toBe(`up0:m0:${reason}>up1:m1:ok`);
  });

  it('falls back on a refusal only when the route asks for it', async () => {
    const refusal = { body: completion("I'm sorry, but I can't help with that.") };
    const [a, b] = await upstreams([refusal, refusal], [ok('helpful')]);
    t = await startTestGateway(two({ fallback_on: ['error', 'refusal'] }), [a!.url, b!.url]);
    expect((await ask(t.url)).choices[0]?.message.content).toBe('helpful');
    await t.close();
    t = await startTestGateway(two(), [a!.url, b!.url]);
    expect((await ask(t.url)).choices[0]?.message.content).toContain("can't help");
  });

  it('forwards an upstream 400 without trying others', async () => {
    const [a, b] = await upstreams([{ status: 400, body: '{"error":{"message":"max_tokens is too large"}}' }], [ok()]);
    t = await startTestGateway(two(), [a!.url, b!.url]);
    await expect(ask(t.url)).rejects.toMatchObject({ status: 400, message: expect.stringContaining('max_tokens is too large') });
    expect(b!.requests).toHaveLength(0);
  });

  it('answers 502 naming every failure, and 504 when all timed out', async () => {
    const [a, b] = await upstreams(() => ({ status: 500, body: '{"error":{"message":"down"}}' }), () => ({ delayMs: 300, body: completion('x') }));
    t = await startTestGateway({ r: { deployments: [{ model: 'up0:m0' }], fallbacks: [{ model: 'up1:m1', timeout_ms: 80 }] } }, [a!.url, b!.url]);
    const e = await ask(t.url).catch((x: unknown) => x as InstanceType<typeof OpenAI.APIError>);
    expect(e).toMatchObject({ status: 502, code: 'upstream_error' });
    expect(String((e as Error).message)).toMatch(/up0:m0: upstream answered 500: down; up1:m1: .*deadline/);
    await t.close();
    t = await startTestGateway({ r: { deployments: [{ model: 'up1:m1', timeout_ms: 80 }] } }, [a!.url, b!.url]);
    await expect(ask(t.url)).rejects.toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(t.access.ledger.rows.at(-1)).toMatchObject({ status: 504, outcome: 'error' });
  });
});

describe('circuit breaker, canary and shadow', () => {
  it('opens after consecutive failures and tries again after the cooldown', async () => {
    let now = 1_000_000;
    const [a, b] = await upstreams(() => ({ status: 500, body: '{}' }), () => ok('b'));
    t = await startTestGateway(two({ circuit_breaker: { failures: 2, cooldown_ms: 10_000 } }), [a!.url, b!.url], { clock: { now: () => now } });
    for (let i = 0; i < 5; i++) await ask(t.url);
    expect(a!.requests).toHaveLength(2);
    expect(t.access.ledger.rows.at(-1)?.fallbackPath).toBe('up0:m0:circuit_open>up1:m1:ok');
    expect(await (await fetch(`${t.url}/metrics`)).text()).toMatch(/modelgate_circuit_state\{route="r",deployment="up0:m0"\} 1/);
    now += 10_001;
    await ask(t.url);
    expect(a!.requests).toHaveLength(3);
  });

  it('splits first attempts by weight', async () => {
    const [a, b] = await upstreams(() => ok('a'), () => ok('b'));
    let r = 0;
    const seq = [0.1, 0.85, 0.95, 0.5];
    t = await startTestGateway({ r: { deployments: [{ model: 'up0:m0', weight: 90 }, { model: 'up1:m1', weight: 10 }] } }, [a!.url, b!.url], { random: () => seq[r++ % seq.length] as number });
    const got = [];
    for (let i = 0; i < 4; i++) got.push((await ask(t.url)).choices[0]?.message.content);
    expect(got).toEqual(['a', 'a', 'b', 'a']);
  });

  it('sends shadow copies whose answers are stored and never returned', async () => {
    const [a, b] = await upstreams(() => ok('primary'), () => ok('candidate'));
    t = await startTestGateway({ r: { deployments: [{ model: 'up0:m0' }], shadow: { model: 'up1:cand', percent: 100 } } }, [a!.url, b!.url]);
    expect((await ask(t.url)).choices[0]?.message.content).toBe('primary');
    await t.gw.close();
    expect((b!.requests[0]?.json as { model: string }).model).toBe('cand');
    expect(t.shadow.rows).toMatchObject([{ route: 'r', deployment: 'up1:cand', ok: true, body: expect.stringContaining('candidate') }]);
    expect(t.access.ledger.rows[0]).toMatchObject({ shadow: 'up1:cand', deployment: 'up0:m0' });
  });
});

describe('streams', () => {
  it('falls back before the first byte: garbage, a drop, an empty stream', async () => {
    const [a, b] = await upstreams(
      [{ chunks: ['event: x\nthis is not sse\n\n'] }, { chunks: [sseStream([])[0] as string], drop: true }, { chunks: sseStream([]) }],
      () => ({ chunks: sseStream(['all ', 'good']) }),
    );
    t = await startTestGateway(two(), [a!.url, b!.url]);
    for (let i = 0; i < 3; i++) {
      const s = await sdk(t.url).chat.completions.create({ model: 'r', stream: true, messages: [{ role: 'user', content: 'hi' }] });
      let text = '';
      for await (const c of s) text += c.choices[0]?.delta.content ?? '';
      expect(text).toBe('all good');
    }
    await t.gw.close();
    expect(t.access.ledger.rows.map((r) => r.fallbackPath)).toEqual(['up0:m0:error>up1:m1:ok', 'up0:m0:error>up1:m1:ok', 'up0:m0:empty>up1:m1:ok']);
  });

  it('reports a stream that breaks after the first byte as an error event', async () => {
    const chunks = sseStream(['partial ', 'answer']).slice(0, 2);
    const [a, b] = await upstreams([{ chunks, drop: true }], [ok()]);
    t = await startTestGateway(two(), [a!.url, b!.url]);
    const s = await sdk(t.url).chat.completions.create({ model: 'r', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    let text = '';
    await expect(
      (async () => {
        for await (const c of s) text += c.choices[0]?.delta.content ?? '';
      })(),
    ).rejects.toThrow(/upstream stream broke/);
    expect(text).toBe('partial ');
    expect(b!.requests).toHaveLength(0);
    await t.gw.close();
    expect(t.access.ledger.rows[0]).toMatchObject({ status: 200, outcome: 'error', stream: true });
  });
});
