import { readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const modelFiles = {
  'models/small/config.json': '{"architectures":["LlamaForCausalLM"]}',
  'models/small/README.md': '---\nlicense: apache-2.0\n---\n# small\n',
  'models/small/LICENSE': 'Apache License Version 2.0',
  'models/small/weights.dat': 'x'.repeat(1000),
};

describe('init, add, lock, verify', () => {
  it('pins a local model and verifies it; names each changed, missing and extra file', async () => {
    const dir = await tempProject(modelFiles);
    expect((await runCli(['init'], dir)).code).toBe(0);
    const add = await runCli(['add', './models/small', '--name', 'small'], dir);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/added small \(4 files at sha256:[0-9a-f]{64}\)/);

    const lock = JSON.parse(await readFile(join(dir, 'modelgate.lock'), 'utf8'));
    const m = lock.models.small;
    expect(m.kind).toBe('artifact');
    expect(m.files.map((f: { path: string }) => f.path)).toEqual(['LICENSE', 'README.md', 'config.json', 'weights.dat']);
    expect(m.files.find((f: { path: string }) => f.path === 'config.json').format).toBe('json');
    expect(m.card).toEqual({ path: 'README.md', sha256: m.files.find((f: { path: string }) => f.path === 'README.md').sha256 });
    expect(m.license.path).toBe('LICENSE');

    const ok = await runCli(['verify'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('verified 1 model');

    await appendFile(join(dir, 'models/small/weights.dat'), 'tampered');
    await rm(join(dir, 'models/small/LICENSE'));
    await writeFile(join(dir, 'models/small/extra.py'), 'import os');
    const bad = await runCli(['verify', '--json'], dir);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    const problems = report.problems.map((p: { kind: string; path: string }) => `${p.kind}:${p.path}`).sort();
    expect(problems).toEqual(['changed:weights.dat', 'extra:extra.py', 'missing:LICENSE']);
  });

  it('writes the same lock bytes twice and reports changes on relock', async () => {
    const dir = await tempProject(modelFiles);
    await runCli(['init'], dir);
    await runCli(['add', './models/small'], dir);
    const first = await readFile(join(dir, 'modelgate.lock'), 'utf8');
    const again = await runCli(['lock'], dir);
    expect(again.stdout).toContain('no changes');
    expect(await readFile(join(dir, 'modelgate.lock'), 'utf8')).toBe(first);
    await writeFile(join(dir, 'models/small/LICENSE'), 'A different license now');
    const relock = await runCli(['lock'], dir);
    expect(relock.stdout).toMatch(/small: license license text changed/);
    expect(relock.stdout).toMatch(/small: files changed LICENSE/);
  });

  it('keeps the manifest comments when adding', async () => {
    const dir = await tempProject(modelFiles);
    await runCli(['init'], dir);
    await runCli(['add', './models/small', '--name', 'small'], dir);
    const yaml = await readFile(join(dir, 'modelgate.yaml'), 'utf8');
    expect(yaml).toContain('# modelgate.yaml: the inventory');
    expect(yaml).toMatch(/small:\n\s+source: \.\/models\/small/);
  });
});

describe('exit codes and messages', () => {
  it('exits 2 with a one-line message naming the file for a missing config', async () => {
    const dir = await tempProject();
    const r = await runCli(['verify'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/modelgate\.yaml: not found \(run `modelgate init`/);
  });

  it('exits 2 naming file, line and key path for an invalid config', async () => {
    const dir = await tempProject({ 'modelgate.yaml': 'version: 1\nmodels:\n  a:\n    source: nowhere\n  b:\n    sorce: ./x\n' });
    const r = await runCli(['verify'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/modelgate\.yaml:4:13: models\.a\.source: "nowhere" is neither a local path/);
    expect(r.stderr).toMatch(/modelgate\.yaml:\d+:\d+: models\.b: Unrecognized key: "sorce"/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 2 for broken YAML', async () => {
    const dir = await tempProject({ 'modelgate.yaml': 'version: 1\nmodels: [\n' });
    const r = await runCli(['lock'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid YAML/);
  });

  it('exits 2 for an unknown option and 0 for --help', async () => {
    expect((await runCli(['scan', '--nope', 'x'])).code).toBe(2);
    expect((await runCli(['--help'])).code).toBe(0);
  });

  it('exits 2 when verify finds no lockfile', async () => {
    const dir = await tempProject({ 'modelgate.yaml': 'version: 1\nmodels: {}\n' });
    const r = await runCli(['verify'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/modelgate\.lock: not found/);
  });
});
