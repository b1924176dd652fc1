import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard } from './create-dashboard.js';
import { seedProject, type SeededProject } from './test-support/seed.js';

const ADMIN = 'mg_admin_test_key_0123456789';

describe('dashboard API', () => {
  let p: SeededProject;
  let server: Server;
  let base: string;
  const get = (path: string, key: string | undefined = ADMIN) => fetch(base + path, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const json = async <T>(path: string): Promise<T> => {
    const r = await get(path);
    expect(r.status, path).toBe(200);
    return (await r.json()) as T;
  };

  beforeAll(async () => {
    p = await seedProject();
    const handle = await createDashboard({ projectDir: p.dir, store: p.store, access: p.access, adminKey: ADMIN, webRoot: '/nonexistent-web-root' });
    server = createServer((req, res) => void handle(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await p.close();
  });

  it('refuses API calls without the admin key, with a wrong key, and with a non-admin key', async () => {
    expect((await get('/api/models', '')).status).toBe(401);
    expect((await get('/api/models', 'mg_admin_test_key_012345678X')).status).toBe(401);
    const { key } = await p.access.keys.create({ routes: ['*'] });
    expect((await get('/api/models', key)).status).toBe(401);
  });

  it('logs in with the key and then accepts the session cookie', async () => {
    const bad = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'nope' }) });
    expect(bad.status).toBe(401);
    const ok = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: ADMIN }) });
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const r = await fetch(`${base}/api/runs`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(r.status).toBe(200);
    expect((await fetch(`${base}/api/runs`, { headers: { cookie: 'mg_dashboard=forged' } })).status).toBe(401);
  });

  it('lists models with gate status, scores, lineage and attestations', async () => {
    const { models } = await json<{ models: { name: string; gate: string; runs: number; locked: boolean }[] }>('/api/models');
    expect(models.map((m) => [m.name, m.gate, m.runs, m.locked])).toEqual([['cheap:m1', 'failed', 2, false], ['good:m1', 'passed', 2, true]]);
    const m = await json<{ license: { id: string }; findings: unknown[]; lineage: unknown; attestations: unknown[]; scores: { comparison?: unknown }[] }>(`/api/models/${encodeURIComponent('good:m1')}`);
    expect(m.license.id).toBe('Apache-2.0');
    expect(m.findings).toHaveLength(1);
    expect(m.attestations).toHaveLength(1);
    expect(m.scores).toHaveLength(2);
    const cheap = await json<{ scores: { comparison?: { baseline: string } }[] }>('/api/models/cheap%3Am1');
    expect(cheap.scores[0]?.comparison?.baseline).toBe('good:m1');
    expect((await get('/api/models/unknown')).status).toBe(404);
  });

  it('serves runs, paged results, a case transcript, a comparison and suite points, escaping markup', async () => {
    const [r1, r2] = p.runIds;
    const { runs } = await json<{ runs: { id: string }[] }>('/api/runs');
    expect(runs.map((r) => r.id).sort()).toEqual([r1, r2].sort());
    const page = await json<{ rows: unknown[]; more: boolean }>(`/api/runs/${r1}/results?page=0`);
    expect(page.rows).toHaveLength(6);
    expect(page.more).toBe(false);
    const one = await json<{ rows: { caseIndex: number; prompt: string }[] }>(`/api/runs/${r1}/results?case=1`);
    expect(one.rows.map((r) => r.caseIndex)).toEqual([1, 1]);
    const raw = await (await get(`/api/runs/${r1}/results?case=2`)).text();
    expect(raw).not.toContain('<script>');
    expect(raw).toContain('\\u003cscript\\u003e');
    const cmp = await json<{ counts: Record<string, number> }>(`/api/runs/${r1}/compare/${r2}`);
    expect(cmp.counts).toMatchObject({ fixed: 1, broke: 1, same: 4 });
    const { suites } = await json<{ suites: { points: unknown[] }[] }>('/api/suites');
    expect(suites[0]?.points).toHaveLength(2);
    expect((await get(`/api/runs/nope`)).status).toBe(404);
    expect((await get(`/api/runs/${r1}/results?page=-1`)).status).toBe(400);
  });

  it('reports traffic over time by model, route and key', async () => {
    const t = await json<{ totals: { requests: number; errors: number; fallbacks: number }; groups: string[]; buckets: { p95: number }[]; labels: Record<string, string> }>('/api/traffic?by=model&since=24h');
    expect(t.totals).toMatchObject({ requests: 24, errors: 3, fallbacks: 4 });
    expect(t.groups).toEqual(['cheap:m1', 'good:m1']);
    expect(t.buckets.every((b) => b.p95 > 0)).toBe(true);
    const byKey = await json<{ groups: string[]; labels: Record<string, string> }>('/api/traffic?by=key&since=24h');
    expect(byKey.labels[p.keyId]).toMatch(/^team-a/);
    expect((await get('/api/traffic?by=nope')).status).toBe(400);
    expect((await get('/api/traffic?since=banana')).status).toBe(400);
  });

  it('creates and revokes keys', async () => {
    const post = (body: unknown, type = 'application/json') => fetch(`${base}/api/keys`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': type }, body: JSON.stringify(body) });
    expect((await post({ name: 'x' }, 'text/plain')).status).toBe(415);
    expect((await post({ name: 'x', budgetUsd: -1 })).status).toBe(400);
    const created = await post({ name: 'ci', routes: ['chat'], budgetUsd: 5, budgetPeriod: 'day', expires: '30d' });
    expect(created.status).toBe(201);
    const { key, record } = (await created.json()) as { key: string; record: { id: string } };
    expect(await p.access.keys.authenticate(key)).toBeDefined();
    const del = (id: string) => fetch(`${base}/api/keys/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN}` } });
    expect((await del(record.id)).status).toBe(200);
    expect((await del('no-such-key')).status).toBe(404);
    const { keys } = await json<{ keys: { id: string; status: string }[] }>('/api/keys');
    expect(keys.find((k) => k.id === record.id)?.status).toBe('revoked');
  });

  it('serves a page at / even when the app is not built, and 404s unknown API routes', async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('npm run build');
    expect((await get('/api/nothing')).status).toBe(404);
    expect((await fetch(`${base}/api/models`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN}` } })).status).toBe(405);
  });
});
