// startGateway (what `modelgate serve` runs): admission at start-up, --allow-ungated, graceful drain.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type StartedGateway } from '../../src/gateway/index.js';
import { completion } from '../../src/gateway/test-support/openai-wire.js';
import { startFakeUpstream, type FakeUpstream } from '../../src/providers/testing/fake-upstream.js';
import { tempProject } from '../support/temp-project.js';

const ADMIN = 'serve-test-admin-key-0123456789';
let up: FakeUpstream | undefined;
let g: StartedGateway | undefined;
afterEach(async () => {
  await g?.close();
  await up?.close();
  g = undefined;
});

async function project(url: string, target = 'hosted-m'): Promise<string> {
  const yaml = [
    'version: 1',
    'models:',
    '  hosted-m: { provider: up, model: test-model, version: "2025-01-01" }',
    'providers:',
    `  up: { type: openai-compatible, base_url: "${url}/v1", retries: 0 }`,
    'gateway:',
    '  server: { admin_key_env: MG_SERVE_TEST_ADMIN }',
    '  routes:',
    `    chat: { deployments: [{ model: "${target}" }] }`,
    '',
  ].join('\n');
  const lock = { lockfileVersion: 1, models: { 'hosted-m': { kind: 'hosted', provider: 'up', model: 'test-model', version: '2025-01-01' } } };
  return tempProject({ 'modelgate.yaml': yaml, 'modelgate.lock': `${JSON.stringify(lock, null, 2)}\n` });
}

const env = { ...process.env, MG_SERVE_TEST_ADMIN: ADMIN };
const silent = { info() {}, warn() {}, error() {} };

describe('startGateway', () => {
  it('refuses to start without a passed gate, naming the model and the reason', async () => {
    up = await startFakeUpstream([]);
    const dir = await project(up.url);
    await expect(startGateway({ configPath: join(dir, 'modelgate.yaml'), port: 0, env, logger: silent })).rejects.toThrow(/hosted-m \(routes chat\): attestation: no gate attestation/);
  });

  it('refuses a bare provider ref, which nothing vouches for', async () => {
    up = await startFakeUpstream([]);
    const dir = await project(up.url, 'up:test-model');
    await expect(startGateway({ configPath: join(dir, 'modelgate.yaml'), port: 0, env, logger: silent })).rejects.toThrow(/up:test-model .*not a manifest model/);
  });

  it('starts once the attestation passed, and drains an in-flight request on close', async () => {
    up = await startFakeUpstream([{ body: completion('slow but complete'), delayMs: 300 }]);
    const dir = await project(up.url);
    await mkdir(join(dir, '.modelgate', 'attestations', 'hosted-m'), { recursive: true });
    await writeFile(join(dir, '.modelgate', 'attestations', 'hosted-m', '2025-01-01.json'), '{"passed":true}');
    g = await startGateway({ configPath: join(dir, 'modelgate.yaml'), port: 0, host: '127.0.0.1', env, logger: silent });
    expect(g.admission.admitted).toBe(true);
    expect(g.warnings).toEqual([]);
    const client = new OpenAI({ baseURL: `http://127.0.0.1:${g.address.port}/v1`, apiKey: ADMIN, maxRetries: 0 });
    const pending = client.chat.completions.create({ model: 'chat', messages: [{ role: 'user', content: 'hi' }] });
    await new Promise((r) => setTimeout(r, 100));
    const closing = g.close();
    expect((await pending).choices[0]?.message.content).toBe('slow but complete');
    await closing;
    g = undefined;
  });

  it('serves ungated models with --allow-ungated, and says so', async () => {
    up = await startFakeUpstream([{ body: completion('ok') }]);
    const dir = await project(up.url);
    g = await startGateway({ configPath: join(dir, 'modelgate.yaml'), port: 0, host: '127.0.0.1', env, logger: silent, allowUngated: true });
    expect(g.warnings[0]).toMatch(/--allow-ungated.*Do not use this in production/);
    const models = await new OpenAI({ baseURL: `http://127.0.0.1:${g.address.port}/v1`, apiKey: ADMIN, maxRetries: 0 }).models.list();
    expect(models.data.map((m) => m.id)).toEqual(['chat']);
  });
});
