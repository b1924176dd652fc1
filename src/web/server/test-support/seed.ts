/**
 * A temp project for the dashboard's tests: two eval runs against fake upstreams, a lock entry,
 * an attestation, an API key and ledger rows spread over the last hours.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runEval } from '../../../eval/index.js';
import { answeringUpstream } from '../../../eval/runner/test-support/fake-openai.js';
import { openAccess, type AccessServices } from '../../../gateway/access/index.js';
import { openStore, type Store } from '../../../store/index.js';
import { tempProject } from '../../../../test/support/temp-project.js';

const SUITE = `
description: capitals
prompts:
  - "Capital of {{ country }}?"
request: { retries: 0, timeout_ms: 2000 }
tests:
  - description: france
    vars: { country: France }
    assert: [{ type: icontains, value: paris }]
  - description: japan
    vars: { country: Japan }
    assert: [{ type: contains, value: Tokyo }]
  - description: peru <script>alert(1)</script>
    vars: { country: Peru }
    assert: [{ type: contains, value: Lima }]
`;

/** The seeded project and its open services. */
export interface SeededProject {
  dir: string;
  store: Store;
  access: AccessServices;
  runIds: [string, string];
  keyId: string;
  close(): Promise<void>;
}

/** Build the project; `now` is the clock the ledger rows are spread back from. */
export async function seedProject(now = Date.now()): Promise<SeededProject> {
  let second = false;
  const up = await answeringUpstream((u) => (u.includes('France') ? 'It is Paris.' : u.includes('Japan') ? (second ? 'Tokyo' : 'Kyoto') : second ? 'Cusco' : 'Lima'));
  const cheap = await answeringUpstream((u) => (u.includes('France') ? 'Paris' : 'no idea'));
  const provider = (name: string, url: string) => `  ${name}:\n    type: openai-compatible\n    base_url: ${url}/v1\n    retries: 0\n`;
  const dir = await tempProject({
    'modelgate.yaml': `version: 1\nproviders:\n${provider('good', up.url)}${provider('cheap', cheap.url)}`,
    'suite.yaml': SUITE,
    'modelgate.lock': `${JSON.stringify({ lockfileVersion: 1, models: { 'good:m1': { kind: 'hosted', provider: 'good', model: 'm1', version: '2025-01-01' } } }, null, 2)}\n`,
    '.modelgate/attestations/good:m1/2025-06-01T00-00-00Z.json': JSON.stringify({
      model: 'good:m1', revision: 'rev-abc123', createdAt: '2025-06-01T00:00:00Z', passed: true,
      license: { id: 'Apache-2.0', obligations: { attribution: true, commercial_use: 'allowed' } },
      findings: [{ rule: 'scan/pickle-import', severity: 'low', message: 'harmless import <b>x</b>' }],
      lineage: { base: 'example/base-model', verdict: 'derived' },
    }),
  });
  const stateDir = join(dir, '.modelgate');
  const base = { suite: join(dir, 'suite.yaml'), configPath: join(dir, 'modelgate.yaml'), models: ['good:m1', 'cheap:m1'], baseline: 'good:m1', cache: false };
  const r1 = await runEval(base);
  second = true;
  const r2 = await runEval(base);
  await Promise.all([up.close(), cheap.close()]);
  const store = await openStore(undefined, { stateDir });
  const access = await openAccess({ store, stateDir, env: {} });
  const { record } = await access.keys.create({ name: 'team-a', routes: ['chat'], budgetUsd: 50, budgetPeriod: 'month' });
  for (let i = 0; i < 24; i++) {
    const ts = new Date(now - (24 - i) * 5 * 60_000).toISOString();
    const outcome = i % 7 === 3 ? 'error' : i % 5 === 2 ? 'fallback' : 'ok';
    await access.ledger.record({
      requestId: `req-${i}`, ts, keyId: i % 2 ? record.id : undefined, route: i % 3 ? 'chat' : 'code', deployment: 'primary', model: i % 2 ? 'good:m1' : 'cheap:m1',
      promptTokens: 100 + i, completionTokens: 20 + i, costUsd: 0.001 * (i + 1), latencyMs: 100 + ((i * 37) % 400), status: outcome === 'error' ? 502 : 200, outcome, fallbackPath: outcome === 'fallback' ? 'primary:timeout>backup:ok' : 'primary:ok', stream: false,
    });
  }
  await access.ledger.flush();
  await mkdir(join(stateDir, 'attestations', 'cheap:m1'), { recursive: true });
  await writeFile(join(stateDir, 'attestations', 'cheap:m1', 'a.json'), JSON.stringify({ model: 'cheap:m1', createdAt: '2025-06-02T00:00:00Z', passed: false, reasons: ['pass rate below gate'] }));
  return {
    dir, store, access, runIds: [r1.runId, r2.runId], keyId: record.id,
    close: async () => {
      await access.close();
      await store.close();
    },
  };
}
