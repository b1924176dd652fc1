// A gateway SIGKILLed under load and restarted loses no ledger row of a response that completed: the last bytes
// of every answer are held until its row is durable, so each request id a client saw complete is in the ledger.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion } from '../../src/gateway/test-support/openai-wire.js';
import { ADMIN_KEY } from '../../src/gateway/test-support/test-gateway.js';
import { startFakeUpstream, type FakeUpstream } from '../../src/providers/testing/fake-upstream.js';

const VITE_NODE = fileURLToPath(new URL('../../node_modules/vite-node/vite-node.mjs', import.meta.url));
const CHILD = fileURLToPath(new URL('../../src/gateway/test-support/crash-child.ts', import.meta.url));

/** One request; resolves with the request id when the whole answer arrived, else undefined. */
function call(port: number, agent: Agent): Promise<string | undefined> {
  const body = JSON.stringify({ model: 'chat', messages: [{ role: 'user', content: 'hi' }] });
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/chat/completions', agent, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(res.statusCode === 200 && text.includes('fine answer') ? String(res.headers['x-request-id']) : undefined));
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => resolve(undefined));
    req.end(body);
  });
}

describe('gateway crash safety', () => {
  let up: FakeUpstream;
  beforeAll(async () => {
    up = await startFakeUpstream(() => ({ body: completion('fine answer') }));
  });
  afterAll(() => up.close());

  it('keeps the ledger row of every response a client saw complete when SIGKILLed mid-load', { timeout: 90_000 }, async () => {
    const dbPath = join(await mkdtemp(join(tmpdir(), 'mg-crash-')), 'modelgate.db');
    const child = spawn(process.execPath, [VITE_NODE, CHILD, up.url, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        const m = /port (\d+)/.exec(c.toString());
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', () => reject(new Error(`gateway exited before listening:\n${stderr}`)));
    });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    const completed: string[] = [];
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    let killed = false;
    const loop = async () => {
      while (!killed) {
        const id = await call(port, agent);
        if (id) completed.push(id);
        if (completed.length >= 1_500 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, loop));
    await exited;
    agent.destroy();
    expect(completed.length).toBeGreaterThanOrEqual(1_500);
    const db = new Database(dbPath, { readonly: true });
    const stored = new Set((db.prepare('SELECT request_id FROM ledger').all() as { request_id: string }[]).map((r) => r.request_id));
    db.close();
    expect(completed.filter((id) => !stored.has(id))).toEqual([]);
  });
});
