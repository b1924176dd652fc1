import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drift, familyWeights, writeHfModel, type Weights } from '../../src/lineage/generate/calibration-models.js';
import { cardText, licenseProject } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

// base: non-commercial; chat: its fine-tune that names no base; tuned: a fine-tune that declares it; solo: independent.
let weights: Record<'base' | 'chat' | 'tuned' | 'solo', Weights>;
beforeAll(async () => {
  const base = await familyWeights(31);
  weights = { base, chat: drift(base, 0.05, 32), tuned: drift(base, 0.05, 34), solo: await familyWeights(33) };
}, 60_000);

const DENY_POLICY = `policy:
  default: allow
  rules:
    - { id: no-noncommercial, when: { obligation: commercial-use, is: not-allowed }, decision: deny }
    - { id: undisclosed, when: { finding: license/undisclosed-derivation }, decision: deny, reason: say what it derives from }
`;
const WARN_POLICY = `policy:
  default: allow
  review_findings: 'off'
  rules:
    - { id: undisclosed, when: { finding: license/undisclosed-derivation }, decision: warn }
`;

function config(policy: string, chatExpect = 'derived'): string {
  const models = ['base', 'chat', 'tuned', 'solo'].map((m) => `  ${m}: { source: ./models/${m} }`).join('\n');
  return `version: 1
models:
${models}
${policy}gate:
  lineage:
    - { model: chat, against: [base], expect: ${chatExpect} }
    - { model: tuned, against: [base], expect: derived }
    - { model: solo, against: [base], expect: independent }
`;
}

async function project(policy: string): Promise<string> {
  const dir = await licenseProject({ 'modelgate.yaml': config(policy) });
  const cards = { base: { license: 'cc-by-nc-4.0' }, chat: { license: 'apache-2.0' }, tuned: { license: 'apache-2.0', base_model: 'base' }, solo: { license: 'apache-2.0' } };
  for (const [name, fields] of Object.entries(cards)) {
    const folder = await writeHfModel(join(dir, 'models', name), weights[name as keyof typeof weights], { name });
    await writeFile(join(folder, 'README.md'), cardText(fields));
  }
  expect((await runCli(['lock'], dir)).code).toBe(0);
  return dir;
}

interface JsonModel {
  model: string;
  decision: string;
  matches: { ruleId: string; decision: string; evidence: string[] }[];
  findings: { ruleId: string; file: string }[];
  lineage?: { status: string; pairs: string[]; bases: { ref: string }[] };
}
const byModel = (stdout: string) => Object.fromEntries((JSON.parse(stdout).models as JsonModel[]).map((m) => [m.model, m]));

describe('modelgate policy with lineage (e2e)', () => {
  it('denies an undisclosed derivative under its base\'s terms with --lineage; a model that declares its base or is independent gets no such finding', { timeout: 120_000 }, async () => {
    const dir = await project(DENY_POLICY);
    // Nothing compared yet: the policy reads no weights and says so.
    const before = await runCli(['policy', 'chat', 'solo'], dir);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/lineage not applied: not compared yet/);

    const r = await runCli(['policy', 'chat', 'solo', 'tuned', '--lineage', '--json'], dir);
    expect(r.code).toBe(1);
    const m = byModel(r.stdout);
    const chat = m['chat'] as JsonModel;
    expect(chat.decision).toBe('deny');
    expect(chat.lineage).toMatchObject({ status: 'run', pairs: ['base: derived (fine-tune)'], bases: [{ ref: 'base' }] });
    expect(chat.findings.find((f) => f.ruleId === 'license/undisclosed-derivation')?.file).toMatch(/models[/\\]chat$/);
    expect(chat.matches.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['undisclosed', 'no-noncommercial']));
    // The base lineage found binds chat as if its card named it.
    expect(chat.matches.find((x) => x.ruleId === 'no-noncommercial')?.evidence[0]).toMatch(/^base \(not declared; lineage: fine-tune\): CC-BY-NC-4\.0/);

    const tuned = m['tuned'] as JsonModel;
    expect(tuned.lineage).toMatchObject({ status: 'run', pairs: ['base: derived (fine-tune)'], bases: [] });
    expect(tuned.findings.map((f) => f.ruleId)).not.toContain('license/undisclosed-derivation');
    expect(tuned.matches.map((x) => x.ruleId)).not.toContain('undisclosed');

    const solo = m['solo'] as JsonModel;
    expect(solo).toMatchObject({ decision: 'allow', lineage: { status: 'run', pairs: ['base: same-architecture'], bases: [] } });
  });

  it('reads the gate attestation of the locked revision, and ignores it once its inputs changed', { timeout: 120_000 }, async () => {
    const dir = await project(DENY_POLICY);
    expect((await runCli(['gate', 'chat'], dir)).code).toBe(1);
    const r = await runCli(['policy', 'chat'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^DENY {4}chat/m);
    expect(r.stdout).toMatch(/x undisclosed \(deny\): finding license\/undisclosed-derivation - say what it derives from/);
    expect(r.stdout).toMatch(/lineage from the gate attestation \(.+\): base: derived \(fine-tune\)/);

    await writeFile(join(dir, 'modelgate.yaml'), config(DENY_POLICY, 'independent'));
    const stale = await runCli(['policy', 'chat'], dir);
    expect(stale.code).toBe(0);
    expect(stale.stdout).toMatch(/lineage not applied: the gate attestation is out of date/);
  });

  it('only warns when a warn rule decides the finding (exit 0), and exits 2 for a model not in the manifest', { timeout: 120_000 }, async () => {
    const dir = await project(WARN_POLICY);
    const r = await runCli(['policy', 'chat', '--lineage'], dir);
    expect(r.stdout).toMatch(/^ALLOW {3}chat/m);
    expect(r.stdout).toMatch(/! undisclosed \(warn\): finding license\/undisclosed-derivation/);
    expect(r.stdout).toMatch(/policy passed: 0 denied, 0 in review, 1 allowed, 1 with warnings/);
    expect(r.code).toBe(0);

    const bad = await runCli(['policy', 'nope', '--lineage'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not in the manifest: nope/);
  });
});
