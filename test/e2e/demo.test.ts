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
