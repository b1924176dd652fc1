import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUpstream } from '../../src/providers/testing/fake-upstream.js';
import { answeringUpstream, droppingUpstream, garbageUpstream, silentUpstream } from '../../src/eval/runner/test-support/fake-openai.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const SUITE = `
description: capitals
prompts: ["What is the capital of {{ country }}? Answer with the city."]
request: { retries: 0, timeout_ms: 500 }
defaultTest:
  assert: [{ type: latency, threshold: 10000 }, { type: icontains, value: '{{ city }}' }]
tests:
  - vars: { country: France, city: Paris }
  - vars: { country: Japan, city: Tokyo }
  - vars: { country: Italy, city: Rome }
  - vars: { country: Peru, city: Lima }
  - file: more.csv
`;
const CSV = 'country,city,__expected\nSpain,Madrid,not-is-refusal\nEgypt,Cairo,not-is-refusal\n';
const CITY: Record<string, string> = { France: 'Paris', Japan: 'Tokyo', Italy: 'Rome', Peru: 'Lima', Spain: 'Madrid', Egypt: 'Cairo' };

describe('modelgate eval / runs (e2e)', () => {
  let big: FakeUpstream;
  let small: FakeUpstream;
  let broken: FakeUpstream[];
  let dir: string;

  beforeAll(async () => {
    const country = (u: string) => /capital of (\w+)/.exec(u)?.[1] ?? '';
    big = await answeringUpstream((u) => `The capital is ${CITY[country(u)] ?? '?'}.`);
    // The small model gets two of six wrong.
    small = await answeringUpstream((u) => (['Italy', 'Egypt'].includes(country(u)) ? 'I do not know.' : `${CITY[country(u)]}`));
    broken = [await garbageUpstream(), await silentUpstream(), await droppingUpstream()];
    const p = (name: string, url: string, extra = '') => `  ${name}:\n    type: openai-compatible\n    base_url: ${url}/v1\n    retries: 0\n${extra}`;
    const pricing = (i: number, o: number) => `    pricing: { input: ${i}, output: ${o} }\n`;
    dir = await tempProject({
      'modelgate.yaml': `version: 1\nproviders:\n${p('big', big.url, pricing(10, 30))}${p('small', small.url, pricing(0.1, 0.3))}${p('garbage', broken[0]!.url)}${p('silent', broken[1]!.url)}${p('dropping', broken[2]!.url)}`,
      'suite.yaml': SUITE,
      'more.csv': CSV,
      'bad.yaml': 'prompts: ["{{ q }}"]\ntests:\n  - vars: { q: a }\n  - vars: { q: b }\n  - vars: { q: c }\n  - vars: { q: d }\n    assert: [{ type: containz, value: x }]\n',
      'promptfooconfig.yaml': 'prompts: ["{{ q }}"]\nproviders: [file://provider.py, "exec: ./run.sh", openai:chat:gpt-4o-mini]\ntests: [{ vars: { q: hi } }]\n',
    });
  });
  afterAll(async () => {
    await Promise.all([big, small, ...broken].map((u) => u.close()));
  });

  it('runs two models, prints the table, writes JSON and JUnit, and fails the gate naming the shortfall', async () => {
    const r = await runCli(['eval', 'suite.yaml', '--models', 'big:large,small:mini', '--baseline', 'big:large', '--gate', 'score >= 0.95*baseline', '--json', 'out.json', '--junit', 'out.xml', '--html', 'out.html'], dir);
    expect(r.stderr).toContain('gate failed for small:mini');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('big:large (baseline)');
    expect(r.stdout).toMatch(/FAIL score >= 0\.95\*baseline.*short by/);
    const json = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as { models: { model: string; cases: number }[]; gate: { passed: boolean } };
    expect(json.models.map((m) => [m.model, m.cases])).toEqual([['big:large', 6], ['small:mini', 6]]);
    expect(json.gate.passed).toBe(false);
    const xml = await readFile(join(dir, 'out.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="small:mini" tests="6" failures="2"');
    expect(await readFile(join(dir, 'out.html'), 'utf8')).toContain('<html');
  });

  it('replays responses from the cache on a re-run, and lists runs', async () => {
    const before = big.requests.length;
    const r = await runCli(['eval', 'suite.yaml', '--models', 'big:large'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 from cache');
    expect(big.requests.length).toBe(before);
    const runs = await runCli(['runs', '--json'], dir);
    const list = JSON.parse(runs.stdout) as { id: string; status: string; models: string[] }[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list[0]?.models).toEqual(['big:large']);
    expect((await runCli(['runs'], dir)).stdout).toContain('completed');
  });

  it('compares two runs case by case', async () => {
    const small2 = await runCli(['eval', 'suite.yaml', '--models', 'small:mini', '--no-cache'], dir);
    expect(small2.code).toBe(0);
    const runs = JSON.parse((await runCli(['runs', '--json'], dir)).stdout) as { id: string; models: string[] }[];
    const first = runs.find((r) => r.models.includes('small:mini') && r.models.length === 2) as { id: string };
    const cmp = await runCli(['compare', first.id, 'latest', '--json'], dir);
    expect(cmp.code).toBe(0);
    const doc = JSON.parse(cmp.stdout) as { a: string; models: { model: string; regressed: number; fixed: number }[]; onlyInA: string[] };
    expect(doc.a).toBe(first.id);
    expect(doc.models.map((m) => [m.model, m.regressed, m.fixed])).toEqual([['small:mini', 0, 0]]);
    expect(doc.onlyInA).toEqual(['big:large']);
    // The shortest prefix that names only that run (runs started in the same second share 15 characters).
    const len = [...Array(first.id.length).keys()].map((n) => n + 1).find((n) => runs.filter((r) => r.id.startsWith(first.id.slice(0, n))).length === 1);
    const text = await runCli(['compare', first.id.slice(0, len), 'latest'], dir);
    expect(text.stdout).toContain(`A = ${first.id}`);
    expect((await runCli(['compare', 'nope', 'latest'], dir)).code).toBe(2);
  });

  it('records garbage, timeouts and dropped streams per case and finishes the run', async () => {
    const r = await runCli(['eval', 'suite.yaml', '--models', 'garbage:m,silent:m,dropping:m', '--no-cache', '-j', '8'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('18 results');
    expect(r.stdout).toMatch(/garbage:m\s.*\s6\n/);
  });

  it('names the file, test index and field of a bad suite (exit 2)', async () => {
    const r = await runCli(['eval', 'bad.yaml', '--models', 'big:m'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml: tests[3].assert[0].type: unknown assertion "containz"');
  });

  it('reports promptfoo providers it cannot run (exit 2), naming each', async () => {
    const r = await runCli(['eval', 'promptfooconfig.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('providers[0]: "file://provider.py"');
    expect(r.stderr).toContain('providers[1]: "exec: ./run.sh"');
    expect(r.stderr).not.toContain('gpt-4o-mini');
  });

  it('stops cleanly on SIGINT: exit 130, run interrupted, finished rows kept', async () => {
    const slow = await answeringUpstream(() => 'ok', 150);
    try {
      const rows = Array.from({ length: 60 }, (_, i) => `q${i}`).join('\n');
      const d = await tempProject({
        'modelgate.yaml': `version: 1\nproviders:\n  slow:\n    type: openai-compatible\n    base_url: ${slow.url}/v1\n`,
        'suite.yaml': 'prompts: ["{{ q }}"]\ntests: [{ file: rows.csv }]\n',
        'rows.csv': `q\n${rows}\n`,
      });
      const timer = setTimeout(() => process.emit('SIGINT'), 700);
      const r = await runCli(['eval', 'suite.yaml', '--models', 'slow:m', '-j', '2'], d);
      clearTimeout(timer);
      expect(r.code).toBe(130);
      expect(r.stdout).toContain('interrupted');
      const store = await openStore(undefined, { stateDir: join(d, '.modelgate') });
      try {
        const [run] = await store.listRuns();
        expect(run?.status).toBe('interrupted');
        expect(run?.counts.results).toBeGreaterThan(0);
        expect(run?.counts.results).toBeLessThan(60);
      } finally {
        await store.close();
      }
    } finally {
      await slow.close();
    }
  });
});
