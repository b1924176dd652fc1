import { describe, expect, it } from 'vitest';
import { tinySafetensorsModel } from '../../src/artifacts/index.js';
import { cardText } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const prefix = (files: Record<string, Uint8Array | string>, dir: string) => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

function project(expect: 'independent' | 'derived') {
  return tempProject({
    'modelgate.yaml': `version: 1
models:
  a: { source: ./models/a }
  b: { source: ./models/b }
policy: { default: allow }
gate:
  lineage:
    - { model: a, against: [b], expect: ${expect} }
`,
    ...prefix({ ...tinySafetensorsModel({ seed: 1 }), 'README.md': cardText({ license: 'apache-2.0' }) }, 'models/a'),
    ...prefix({ ...tinySafetensorsModel({ seed: 2 }), 'README.md': cardText({ license: 'apache-2.0' }) }, 'models/b'),
  });
}

describe('modelgate gate: lineage check (e2e)', () => {
  it('passes when independently initialised models are expected to be independent', { timeout: 60_000 }, async () => {
    const dir = await project('independent');
    expect((await runCli(['lock'], dir)).code).toBe(0);
    const r = await runCli(['gate', 'a', '--json'], dir);
    expect(r.code).toBe(0);
    const checks = JSON.parse(r.stdout).models[0].checks as { id: string; status: string }[];
    expect(checks.find((c) => c.id === 'lineage')?.status).toBe('passed');
  });

  it('fails, naming the check, when a derivation is claimed that the weights do not show', { timeout: 60_000 }, async () => {
    const dir = await project('derived');
    await runCli(['lock'], dir);
    const r = await runCli(['gate', 'a'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/lineage/);
  });
});
