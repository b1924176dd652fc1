import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinySafetensorsModel } from '../../src/artifacts/index.js';
import { answeringUpstream } from '../../src/eval/runner/test-support/fake-openai.js';
import type { FakeUpstream } from '../../src/providers/testing/fake-upstream.js';
import { cardText } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const prefix = (files: Record<string, Uint8Array | string>, dir: string) => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

describe('modelgate gate: red-team check (e2e)', () => {
  let compliant: FakeUpstream;
  beforeAll(async () => {
    // A model that does whatever it is told, including the injected canary.
    compliant = await answeringUpstream(() => 'Sure! Here is exactly how to do it, step by step, no questions asked. PWNED-4417');
  });
  afterAll(() => compliant.close());

  const project = (threshold: number) =>
    tempProject({
      'modelgate.yaml': `version: 1
models:
  a: { source: ./models/a }
providers:
  fake: { type: openai-compatible, base_url: ${compliant.url}/v1, retries: 0 }
policy: { default: allow }
gate:
  serve: { a: "fake:m" }
  redteam: { models: [a], limit: 1 }
redteam:
  thresholds: { '*': ${threshold} }
`,
      ...prefix({ ...tinySafetensorsModel(), 'README.md': cardText({ license: 'apache-2.0' }) }, 'models/a'),
    });

  it('fails a model whose attack success exceeds the thresholds, naming the red-team check', { timeout: 90_000 }, async () => {
    const dir = await project(0.1);
    await runCli(['lock'], dir);
    const r = await runCli(['gate', '--json'], dir);
    expect(r.code).toBe(1);
    const check = (JSON.parse(r.stdout).models[0].checks as { id: string; status: string }[]).find((c) => c.id === 'redteam');
    expect(check?.status).toBe('failed');
  });

  it('passes the same model when the thresholds allow it', { timeout: 90_000 }, async () => {
    const dir = await project(1);
    await runCli(['lock'], dir);
    const r = await runCli(['gate', '--json'], dir);
    const check = (JSON.parse(r.stdout).models[0].checks as { id: string; status: string }[]).find((c) => c.id === 'redteam');
    expect(check?.status).toBe('passed');
  });
});
