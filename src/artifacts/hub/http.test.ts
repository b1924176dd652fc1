import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHubFixture, type HubFixture } from '../../../test/support/hub-fixture.js';
import { createHubClient } from './client.js';
import { hubGet, IdleTimer, type HubHttp } from './http.js';
import { RetryableFailure } from './retry.js';

let fx: HubFixture | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await fx?.close();
  fx = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A server that records request headers and answers with `reply`. */
async function recorder(reply: (url: string, res: ServerResponse) => void): Promise<{ url: string; seen: { url: string; headers: IncomingHttpHeaders }[] }> {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    reply(req.url ?? '', res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function httpFor(endpoint: string, token?: string): HubHttp {
  return { endpoint: new URL(endpoint), token, fetch: globalThis.fetch, timeoutMs: 2000, retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined } };
}

describe('redirects and the token', () => {
  it('sends the token to the hub but not to the CDN on another port', async () => {
    fx = await startHubFixture({ token: 'hf_test_token' });
    const snap = await fx.client().snapshot('acme/tiny', 'main', { include: ['model.safetensors', 'config.json'] });
    expect(snap.files).toHaveLength(2);
    const hub = fx.hub.requests.filter((r) => r.server === 'hub');
    const cdn = fx.hub.requests.filter((r) => r.server === 'cdn');
    expect(hub.every((r) => r.authorization === 'Bearer hf_test_token')).toBe(true);
    expect(cdn).toHaveLength(1);
    expect(cdn[0]?.authorization).toBeUndefined();
  });

  it('keeps the token on a same-origin redirect (a renamed repo) and drops it for good once it leaves', async () => {
    const other = await recorder((_url, res) => res.writeHead(307, { location: `${hub.url}/back` }).end());
    const hub = await recorder((url, res) => {
      if (url === '/old') res.writeHead(301, { location: '/new' }).end();
      else if (url === '/new') res.writeHead(302, { location: `${other.url}/cdn` }).end();
      else res.writeHead(200).end('ok');
    });
    const timer = new IdleTimer(2000);
    const res = await hubGet(httpFor(hub.url, 'hf_tok'), new URL(`${hub.url}/old`), { range: 'bytes=5-' }, timer);
    timer.clear();
    expect(await res.text()).toBe('ok');
    expect(hub.seen.map((s) => [s.url, s.headers.authorization])).toEqual([
      ['/old', 'Bearer hf_tok'],
      ['/new', 'Bearer hf_tok'],
      ['/back', undefined],
    ]);
    expect(other.seen[0]?.headers.authorization).toBeUndefined();
    expect([...hub.seen, ...other.seen].every((s) => s.headers.range === 'bytes=5-')).toBe(true);
  });

  it('turns a refused connection into a retryable MG_HUB_UNREACHABLE', async () => {
    const dead = await recorder(() => undefined);
    const url = dead.url;
    const server = servers.pop() as Server;
    await new Promise((resolve) => server.close(resolve));
    const timer = new IdleTimer(2000);
    const error = await hubGet(httpFor(url), new URL(`${url}/x`), {}, timer).catch((e: unknown) => e);
    timer.clear();
    expect(error).toBeInstanceOf(RetryableFailure);
    expect((error as RetryableFailure).final).toMatchObject({ code: 'MG_HUB_UNREACHABLE', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('reports MG_HUB_UNREACHABLE from the client after the retries', async () => {
    fx = await startHubFixture();
    const url = fx.hub.url;
    await fx.close();
    fx = undefined;
    const client = createHubClient({ endpoint: url, cacheDir: '/nonexistent-not-used', retries: 2, sleep: async () => undefined });
    await expect(client.resolveRevision('acme/tiny', 'main')).rejects.toMatchObject({ code: 'MG_HUB_UNREACHABLE' });
  });
});
