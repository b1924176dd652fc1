import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import type { FakeUpstream } from '../../providers/testing/fake-upstream.js';
import { tempProject } from '../../../test/support/temp-project.js';
import { runEval } from './run-eval.js';
import { answeringUpstream, droppingUpstream, garbageUpstream, silentUpstream } from './test-support/fake-openai.js';

const SUITE = `
description: capitals
prompts:
  - "Capital of {{ country }}?"
request: { retries: 0, timeout_ms: 400, stream: true }
defaultTest:
  assert:
    - type: latency
      threshold: 5000
tests:
  - vars: { country: France }
    assert: [{ type: icontains, value: paris }]
  - vars: { country: Japan }
    assert: [{ type: contains, value: Tokyo }]
  - vars: { country: Peru }
    assert: [{ type: not-contains, value: Paris }]
`;

describe('runEval', () => {
  let good: FakeUpstream;
  let garbage: FakeUpstream;
  let silent: FakeUpstream;
  let dropping: FakeUpstream;
  let dir: string;
  beforeAll(async () => {
    good = await answeringUpstream((u) => (u.includes('France') ? 'It is Paris.' : u.includes('Japan') ? 'Tokyo' : 'Lima'));
    garbage = await garbageUpstream();
    silent = await silentUpstream();
    dropping = await droppingUpstream();
    const provider = (name: string, url: string) => `  ${name}:\n    type: openai-compatible\n    base_url: ${url}/v1\n    retries: 0\n`;
    dir = await tempProject({
      'modelgate.yaml': `version: 1\nproviders:\n${provider('good', good.url)}${provider('garbage', garbage.url)}${provider('silent', silent.url)}${provider('dropping', dropping.url)}`,
      'suite.yaml': SUITE,
    });
  });
  afterAll(async () => {
    await Promise.all([good, garbage, silent, dropping].map((u) => u.close()));
  });

  it('runs cases against a model, grades them, stores rows and a summary, and caches responses', async () => {
    const o = { suite: join(dir, 'suite.yaml'), configPath: join(dir, 'modelgate.yaml'), models: ['good:m1'] };
    const r = await runEval(o);
    expect(r.status).toBe('completed');
    expect(r.counts).toMatchObject({ results: 3, passed: 3, errors: 0, cached: 0 });
    expect(good.requests).toHaveLength(3);
    const again = await runEval(o);
    expect(again.counts).toMatchObject({ results: 3, passed: 3, cached: 3 });
    expect(good.requests).toHaveLength(3);
    const store = await openStore(undefined, { stateDir: join(dir, '.modelgate') });
    try {
      const run = await store.getRun(r.runId);
      expect(run?.status).toBe('completed');
      expect(run?.summary?.models[0]?.model).toBe('good:m1');
      const rows = [];
      for await (const row of store.iterateResults(r.runId)) rows.push(row);
      expect(rows.map((x) => x.output)).toEqual(['It is Paris.', 'Tokyo', 'Lima']);
      expect(rows[2]?.assertions.map((a) => a.type)).toEqual(['latency', 'not-contains']);
    } finally {
      await store.close();
    }
  });

  it('records garbage, timeouts and dropped streams as case errors and goes on', async () => {
    const r = await runEval({ suite: join(dir, 'suite.yaml'), configPath: join(dir, 'modelgate.yaml'), models: ['good:m2', 'garbage:m', 'silent:m', 'dropping:m'], cache: false, concurrency: 8 });
    expect(r.status).toBe('completed');
    expect(r.counts.results).toBe(12);
    expect(r.counts.errors).toBe(9);
    const byModel = new Map(r.summary.models.map((m) => [m.model, m]));
    expect(byModel.get('good:m2')?.errors).toBe(0);
    expect(byModel.get('garbage:m')?.errors).toBe(3);
    expect(byModel.get('silent:m')?.errors).toBe(3);
    expect(byModel.get('dropping:m')?.errors).toBe(3);
  });
});
