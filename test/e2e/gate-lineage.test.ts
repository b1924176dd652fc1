import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinySafetensorsModel } from '../../src/artifacts/index.js';
import { drift, familyWeights, writeHfModel, type Weights } from '../../src/lineage/generate/calibration-models.js';
import { cardText, licenseProject } from '../support/license-project.js';
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

describe('modelgate gate: an undisclosed derivation and the policy (e2e)', () => {
  let weights: { base: Weights; chat: Weights } | undefined;
  const derivedProject = async (policyRule: string) => {
    weights ??= await (async () => {
      const base = await familyWeights(41);
      return { base, chat: drift(base, 0.05, 42) };
    })();
    const dir = await licenseProject({
      'modelgate.yaml': `version: 1
models:
  base: { source: ./models/base }
  chat: { source: ./models/chat }
policy:
  default: allow
  review_findings: 'off'
  rules:
    - { id: undisclosed, when: { finding: license/undisclosed-derivation }, decision: ${policyRule} }
gate:
  lineage:
    - { model: chat, against: [base], expect: derived }
`,
    });
    for (const name of ['base', 'chat'] as const) {
      const folder = await writeHfModel(join(dir, 'models', name), weights[name], { name });
      await writeFile(join(folder, 'README.md'), cardText({ license: 'apache-2.0' }));
    }
    expect((await runCli(['lock'], dir)).code).toBe(0);
    return dir;
  };
  const lineageOf = async (dir: string) => {
    const r = await runCli(['gate', 'chat', '--json'], dir);
    const checks = JSON.parse(r.stdout).models[0].checks as { id: string; status: string; summary: string }[];
    return { code: r.code, check: checks.find((c) => c.id === 'lineage') };
  };

  it('fails the lineage check when the policy denies the finding', { timeout: 60_000 }, async () => {
    const { code, check } = await lineageOf(await derivedProject('deny'));
    expect(code).toBe(1);
    expect(check?.status).toBe('failed');
    expect(check?.summary).toMatch(/license\/undisclosed-derivation/);
  });

  it('passes with a warning when the policy only warns on it, as `modelgate policy` does', { timeout: 60_000 }, async () => {
    const { code, check } = await lineageOf(await derivedProject('warn'));
    expect(check?.status).toBe('passed');
    expect(check?.summary).toMatch(/warning \(policy\): license\/undisclosed-derivation/);
    expect(code).toBe(0);
  });
});
