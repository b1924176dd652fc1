// 10,000 requests (a third of them streamed) through a route whose primary upstream fails one
// request in five: 500s, connection resets, timeouts, truncated answers and garbage. A healthy
// fallback must hide every fault from the client, and the ledger must hold exactly one row per request.
import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeReply, type RecordedRequest } from '../../src/providers/testing/fake-upstream.js';
import { completion, sseStream } from '../../src/gateway/test-support/openai-wire.js';
import { ADMIN_KEY, startTestGateway } from '../../src/gateway/test-support/test-gateway.js';

const TOTAL = 10_000;
const CONCURRENCY = 32;

function faulty(): (rec: RecordedRequest) => FakeReply {
  let n = 0;
  return (rec) => {
    const stream = (rec.json as { stream?: boolean }).stream === true;
    const healthy: FakeReply = stream ? { chunks: sseStream(['fine ', 'answer']) } : { body: completion('fine answer') };
    if (n++ % 5 !== 0) return healthy;
    switch ((n / 5) % 5 | 0) {
      case 0:
        return { status: 500, body: '{"error":{"message":"internal"}}' };
      case 1:
        return { body: '', drop: true };
      case 2:
        return { ...healthy, delayMs: 1_000 };
      case 3:
        return stream ? { chunks: [sseStream([])[0] as string, 'data: {"id":"x","choi'], drop: true } : { body: '{"id":"chatcmpl","choices":[{"mess', drop: true };
      default:
        return stream ? { chunks: ['data: {{{ not json\n\n'] } : { body: '<html>502 Bad Gateway</html>' };
    }
  };
}

function call(port: number, agent: Agent, i: number): Promise<boolean> {
  const stream = i % 3 === 0;
  const body = JSON.stringify({ model: 'r', stream, messages: [{ role: 'user', content: `question ${i}` }] });
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/chat/completions', agent, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve(res.statusCode === 200 && (stream ? text.includes('data: [DONE]') && !text.includes('"error"') && text.includes('answer') : (JSON.parse(text) as { choices: { message: { content: string } }[] }).choices[0]?.message.content === 'fine answer')));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

describe('reliability under upstream faults', () => {
  it('serves 10,000 requests with zero client-visible failures and one ledger row each', async () => {
    const bad = await startFakeUpstream(faulty());
    const good = await startFakeUpstream((rec) => ((rec.json as { stream?: boolean }).stream ? { chunks: sseStream(['fine ', 'answer']) } : { body: completion('fine answer') }));
    // A breaker that never opens keeps every fault in play (each one must be hidden by the fallback).
    const routes = { r: { deployments: [{ model: 'up0:m', timeout_ms: 250 }], fallbacks: [{ model: 'up1:m' }], circuit_breaker: { failures: 1000 } } };
    const t = await startTestGateway(routes, [bad.url, good.url]);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const port = Number(new URL(t.url).port);
    let next = 0;
    let failures = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < TOTAL; i = next++) if (!(await call(port, agent, i))) failures++;
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    await t.close();
    agent.destroy();
    await bad.close();
    await good.close();
    const rows = t.access.ledger.rows;
    const fellBack = rows.filter((r) => r.outcome === 'fallback').length;
    const paths = new Map<string, number>();
    for (const r of rows) paths.set(r.fallbackPath, (paths.get(r.fallbackPath) ?? 0) + 1);
    console.log(`reliability: ${TOTAL} requests in ${seconds.toFixed(1)} s, ${fellBack} fell back, ${failures} failed`, Object.fromEntries(paths));
    expect(failures).toBe(0);
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(TOTAL);
    // About one request in five falls back (a loaded machine can add slow healthy answers that time out).
    expect(fellBack).toBeGreaterThan(TOTAL / 6);
    expect(rows.every((r) => r.status === 200)).toBe(true);
  }, 120_000);
});
