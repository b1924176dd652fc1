import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHA, standardRepo } from '../support/hub-fixture.js';
import { startFakeHub, type FakeHub } from '../support/fake-hub.js';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

describe('add/lock/verify with a hub source (fake hub on 127.0.0.1)', () => {
  let hub: FakeHub;
  const saved = { ...process.env };
  beforeEach(async () => {
    hub = await startFakeHub({ repos: { 'acme/tiny': standardRepo() }, token: 'hf_test_token' });
  });
  afterEach(async () => {
    process.env = { ...saved };
    await hub.close();
  });

  async function project() {
    const dir = await tempProject({ 'modelgate.yaml': 'version: 1\nmodels: {}\n' });
    process.env.HF_ENDPOINT = hub.url;
    process.env.HF_TOKEN = 'hf_test_token';
    process.env.MODELGATE_CACHE = join(dir, 'cache');
    return dir;
  }

  it('pins a branch to its commit with per-file sha256, then verifies offline from the cache', async () => {
    const dir = await project();
    const add = await runCli(['add', 'hf:acme/tiny@main', '--include', '*.json', '*.safetensors', 'README.md'], dir);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const lock = JSON.parse(await readFile(join(dir, 'modelgate.lock'), 'utf8'));
    const m = lock.models.tiny;
    expect(m).toMatchObject({ kind: 'artifact', source: 'hf:acme/tiny@main', revision: SHA.main, requested: 'main' });
    expect(m.files.map((f: { path: string }) => f.path)).toEqual(['README.md', 'config.json', 'model.safetensors', 'tokenizer.json']);
    const weights = m.files.find((f: { path: string }) => f.path === 'model.safetensors');
    expect(weights.sha256).toBe(hub.file('acme/tiny', 'model.safetensors').sha256);
    expect(m.card.path).toBe('README.md');

    const before = hub.requests.length;
    const ok = await runCli(['verify'], dir);
    expect(ok.code).toBe(0);
    expect(hub.requests.length).toBe(before);

    // A corrupted blob in the cache is caught by verify.
    await appendFile(join(dir, 'cache', 'blobs', 'sha256', weights.sha256), 'x');
    const bad = await runCli(['verify', '--json'], dir);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).problems).toEqual([expect.objectContaining({ kind: 'changed', path: 'model.safetensors' })]);
  });

  it('keeps the pinned commit on relock and moves only with --update', async () => {
    const dir = await project();
    await runCli(['add', 'hf:acme/tiny', '--name', 'tiny'], dir);
    const relock = await runCli(['lock'], dir);
    expect(relock.code).toBe(0);
    expect(relock.stdout).toContain('no changes');
  });

  it('exits 2 with a one-line message on a 401 and on an unknown repo', async () => {
    const dir = await project();
    process.env.HF_TOKEN = 'wrong';
    const denied = await runCli(['add', 'hf:acme/tiny'], dir);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/MG_HUB_UNAUTHORIZED/);
    expect(denied.stderr).not.toContain('wrong');
    process.env.HF_TOKEN = 'hf_test_token';
    const missing = await runCli(['add', 'hf:acme/nope'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/MG_HUB_NOT_FOUND/);
    // A failed add leaves the manifest as it was.
    expect(await readFile(join(dir, 'modelgate.yaml'), 'utf8')).toBe('version: 1\nmodels: {}\n');
  });
});
