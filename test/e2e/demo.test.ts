import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo/run-demo.js';
import { tempProject } from '../support/temp-project.js';

describe('modelgate demo', () => {
  it('builds the workspace offline, pins and verifies the models, and flags the os.system checkpoint', async () => {
    const dir = await tempProject();
    const lines: string[] = [];
    const code = await runDemo(join(dir, 'ws'), (l = '') => lines.push(l));
    const text = lines.join('\n');
    expect(code).toBe(0);
    expect(text).toMatch(/verify: all files match modelgate\.lock/);
    expect(text).toMatch(/CRITICAL\s+pickle\/dangerous-import/);
    expect(text).toMatch(/os\.system/);
    const lock = JSON.parse(await readFile(join(dir, 'ws', 'modelgate.lock'), 'utf8'));
    expect(Object.keys(lock.models).sort()).toEqual(['suspicious-checkpoint', 'tiny-llama', 'tiny-safetensors']);
    expect(lock.models['tiny-llama'].files.find((f: { path: string }) => f.path === 'tiny-llama.gguf').format).toBe('gguf');
    expect(lock.models['suspicious-checkpoint'].files.find((f: { path: string }) => f.path === 'pytorch_model.bin').format).toBe('zip');
    // The payload was only ever read, never run.
    expect(existsSync('/tmp/modelgate-demo-pwned')).toBe(false);
  });

  it('runs again in the same folder without leftovers', async () => {
    const dir = await tempProject();
    const quiet = () => undefined;
    expect(await runDemo(join(dir, 'ws'), quiet)).toBe(0);
    expect(await runDemo(join(dir, 'ws'), quiet)).toBe(0);
  });
});

describe('modelgate demo: serving at the end', () => {
  it('serves the workspace through the gateway and the dashboard until stopped, with a fresh admin key', async () => {
    const dir = await tempProject();
    const ws = join(dir, 'ws');
    expect(await runDemo(ws, () => undefined)).toBe(0);
    const { serveDemo } = await import('../../src/cli/demo/serve-demo.js');
    const lines: string[] = [];
    const stop = new AbortController();
    const served = serveDemo(ws, 0, stop.signal, (l = '') => lines.push(l));
    const until = Date.now() + 30_000;
    while (!lines.some((l) => l.includes('admin key:')) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const base = /gateway: +(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(lines.join('\n'))?.[1];
    const key = /admin key: +(\S+)/.exec(lines.join('\n'))?.[1];
    expect(base).toBeDefined();
    const models = await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(models.status).toBe(200);
    expect(JSON.stringify(await models.json())).toContain('tiny');
    expect((await fetch(`${base}/v1/models`)).status).toBe(401);
    const chat = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'tiny', max_tokens: 4, messages: [{ role: 'user', content: 'hi' }] }) });
    expect(chat.status).toBe(200);
    const api = await fetch(`${base}/api/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(api.status).toBe(200);
    stop.abort();
    expect(await served).toBe(0);
  });
});
