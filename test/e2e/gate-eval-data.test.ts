import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinySafetensorsModel } from '../../src/artifacts/index.js';
import { answeringUpstream } from '../../src/eval/runner/test-support/fake-openai.js';
import type { FakeUpstream } from '../../src/providers/testing/fake-upstream.js';
import { cardText } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const prefix = (files: Record<string, Uint8Array | string>, dir: string) => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));
type Check = { id: string; status: string; reused: boolean };

describe('modelgate gate: eval results depend on the suite\'s data files (e2e)', () => {
  let up: FakeUpstream;
  beforeAll(async () => {
    up = await answeringUpstream((u) => (u.includes('France') ? 'Paris' : u.includes('Japan') ? 'Tokyo' : 'Rome'));
  });
  afterAll(() => up.close());

  it('reuses the eval result until a CSV the suite reads changes', { timeout: 90_000 }, async () => {
    const dir = await tempProject({
      'modelgate.yaml': `version: 1\nmodels:\n  a: { source: ./models/a }\nproviders:\n  fake: { type: openai-compatible, base_url: ${up.url}/v1, retries: 0 }\npolicy: { default: allow }\ngate:\n  serve: { a: "fake:m" }\n  evals:\n    - { suite: suite.yaml, threshold: "pass >= 0.5" }\n`,
      'suite.yaml': 'prompts: ["Capital of {{ country }}?"]\ntests:\n  - file: cases.csv\ndefaultTest:\n  assert: [{ type: icontains, value: "{{ city }}" }]\n',
      'cases.csv': 'country,city\nFrance,Paris\nJapan,Tokyo\n',
      ...prefix({ ...tinySafetensorsModel(), 'README.md': cardText({ license: 'apache-2.0' }) }, 'models/a'),
    });
    await runCli(['lock'], dir);
    const evalOf = async () => ((JSON.parse((await runCli(['gate', '--json'], dir)).stdout).models[0].checks as Check[]).find((c) => c.id === 'eval'));
    expect((await evalOf())?.status).toBe('passed');
    expect((await evalOf())?.reused).toBe(true);
    await appendFile(join(dir, 'cases.csv'), 'Italy,Rome\n');
    const after = await evalOf();
    expect(after?.reused).toBe(false);
    expect(after?.status).toBe('passed');
  });
});
