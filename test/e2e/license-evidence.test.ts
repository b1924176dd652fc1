import { rm, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cardText, licenseProject, manifest, WEIGHTS } from '../support/license-project.js';
import { runCli } from '../support/run-cli.js';

const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

const NOTICE_APACHE = 'Licensed under the Apache License, Version 2.0.\n';

async function lockedProject() {
  const dir = await licenseProject({
    'modelgate.yaml': manifest(['m']),
    'models/m/README.md': cardText({ license: 'apache-2.0' }),
    'models/m/LICENSE': NOTICE_APACHE,
    'models/m/weights.bin': WEIGHTS,
  });
  const lock = await runCli(['lock'], dir);
  expect(lock.code).toBe(0);
  const revision = JSON.parse(await readFile(join(dir, 'modelgate.lock'), 'utf8')).models.m.revision as string;
  return { dir, revision, folder: join(dir, '.modelgate', 'evidence', 'm', revision.replace(':', '-')) };
}

describe('license evidence on lock and verify', () => {
  it('saves the exact card and license text with a record of what they were identified as', async () => {
    const { dir, revision, folder } = await lockedProject();
    expect((await readdir(folder)).sort()).toEqual(['LICENSE', 'README.md', 'record.json']);
    expect(await readFile(join(folder, 'LICENSE'), 'utf8')).toBe(NOTICE_APACHE);
    const record = JSON.parse(await readFile(join(folder, 'record.json'), 'utf8'));
    const lock = JSON.parse(await readFile(join(dir, 'modelgate.lock'), 'utf8')).models.m;
    expect(record).toMatchObject({ model: 'm', revision, status: 'accepted', license: { id: 'Apache-2.0' } });
    expect(record.documents).toEqual([
      { role: 'card', path: 'README.md', sha256: lock.card.sha256 },
      { role: 'license', path: 'LICENSE', sha256: lock.license.sha256 },
    ]);
    expect(record.obligations.commercialUse.status).toBe('allowed');
    const verify = await runCli(['verify'], dir);
    expect(verify.code).toBe(0);
    expect(verify.stdout).not.toMatch(/license\//);
  });

  it('reports a license change on lock, fails verify until the change is accepted', async () => {
    const { dir } = await lockedProject();
    await writeFile(join(dir, 'models/m/README.md'), cardText({ license: 'cc-by-nc-4.0' }));
    await writeFile(join(dir, 'models/m/LICENSE'), 'This work is licensed under Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0).\n');
    const relock = await runCli(['lock'], dir);
    expect(relock.code).toBe(0);
    expect(relock.stdout).toMatch(/m: license license text changed/);
    expect(relock.stdout).toMatch(/high: m: license changed since sha256:[0-9a-f]{12}: license: Apache-2\.0 -> CC-BY-NC-4\.0; commercial use: allowed -> not-allowed \(non-commercial purposes only\);/);
    expect(relock.stdout).toMatch(/run `modelgate license m --accept`/);

    const verify = await runCli(['verify', '--json'], dir);
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.stdout);
    expect(report.problems).toEqual([]);
    expect(report.licenseFindings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['license/changed']);

    const accept = await runCli(['license', 'm', '--accept'], dir);
    expect(accept.stdout).toMatch(/accepted CC-BY-NC-4\.0 for m at sha256:/);
    expect((await runCli(['verify'], dir)).code).toBe(0);
    // Locking again with nothing changed keeps the acceptance.
    await runCli(['lock'], dir);
    expect((await runCli(['verify'], dir)).code).toBe(0);
  });

  it('names an obligation change that comes from the base model', async () => {
    const dir = await licenseProject({
      'modelgate.yaml': manifest(['base', 'ft']),
      'models/base/README.md': cardText({ license: 'apache-2.0' }),
      'models/base/weights.bin': WEIGHTS,
      'models/ft/README.md': cardText({ license: 'apache-2.0', base_model: 'base' }),
      'models/ft/weights.bin': WEIGHTS,
    });
    await runCli(['lock'], dir);
    await writeFile(join(dir, 'models/base/README.md'), cardText({ license: 'cc-by-nc-4.0' }));
    const relock = await runCli(['lock'], dir);
    expect(relock.stdout).toMatch(/ft: license terms changed since .*inherited commercial use: allowed -> not-allowed/);
  });

  it('flags missing evidence, evidence edited by hand, and a license that changed on disk', async () => {
    const { dir, folder } = await lockedProject();
    await writeFile(join(folder, 'LICENSE'), 'edited');
    const tampered = await runCli(['verify', '--json'], dir);
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout).licenseFindings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['license/evidence-tampered']);

    await writeFile(join(folder, 'LICENSE'), NOTICE_APACHE);
    await writeFile(join(dir, 'models/m/LICENSE'), 'This work is licensed under Creative Commons Attribution-NonCommercial 4.0 International (CC BY-NC 4.0).\n');
    const changed = await runCli(['verify', '--json'], dir);
    const out = JSON.parse(changed.stdout);
    expect(out.problems.map((p: { kind: string; path: string }) => `${p.kind}:${p.path}`)).toEqual(['changed:LICENSE']);
    expect(out.licenseFindings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['license/changed-on-disk']);

    const fresh = await licenseProject({ 'modelgate.yaml': manifest(['m']), 'models/m/README.md': cardText({ license: 'mit' }) });
    await runCli(['add', './models/m', '--name', 'n'], fresh);
    // `add` keeps evidence from the first lock on; losing the folder is what makes it missing.
    expect((await runCli(['verify', 'n'], fresh)).stdout).not.toMatch(/evidence-missing/);
    await rm(join(fresh, '.modelgate', 'evidence'), { recursive: true, force: true });
    const missing = await runCli(['verify', 'n'], fresh);
    expect(missing.stdout).toMatch(/warn license\/evidence-missing: n: no license evidence on file/);
    expect(missing.code).toBe(0);
  });
});
