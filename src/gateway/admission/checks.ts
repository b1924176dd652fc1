/**
 * The admission checks, one descriptor each: the lock entry verifies, the
 * artifacts have no scan finding at or above `scan.fail_on`, the license
 * policy neither denies nor asks for review, and the model's last gate
 * passed (an attestation file `.modelgate/attestations/<model>/<revision>.json`,
 * colons in the revision written as `-`, with `passed: true`, written by `modelgate gate`). Hosted API models pass
 * the lock and scan checks by their pinned version.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { scanPaths, verifyProject, type LockedModel } from '../../artifacts/index.js';
import { meetsSeverity, parseSource } from '../../core/index.js';
import { attestationPath } from '../../gate/index.js';
import { evaluatePolicy } from '../../license/index.js';
import type { AdmissionCheck, AdmissionContext, CheckOutcome } from './types.js';

const pass = (reason: string): CheckOutcome => ({ passed: true, reason });
const fail = (reason: string): CheckOutcome => ({ passed: false, reason });

const lockCheck: AdmissionCheck = {
  id: 'lock',
  title: 'lock entry verifies',
  async run(models, ctx) {
    const out = new Map<string, CheckOutcome>();
    if (!ctx.lock) return new Map(models.map((m) => [m, fail('no modelgate.lock (run `modelgate lock`)')]));
    const report = await verifyProject({ configPath: ctx.configPath, only: models, ...(ctx.blobPath ? { hub: { blobPath: ctx.blobPath } } : {}) });
    for (const m of models) {
      const problems = report.problems.filter((p) => p.model === m);
      out.set(m, problems.length === 0 ? pass(ctx.lock.models[m]?.kind === 'hosted' ? 'hosted model, pinned version matches' : 'files match the lock') : fail(problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.detail}`).join('; ')));
    }
    return out;
  },
};

function artifactFiles(locked: LockedModel, ctx: AdmissionContext): string[] | undefined {
  if (locked.kind !== 'artifact') return undefined;
  const src = parseSource(locked.source);
  if (!src.ok) return [];
  if (src.value.kind === 'hf') return ctx.blobPath ? locked.files.map((f) => (ctx.blobPath as (s: string) => string)(f.sha256)) : [];
  const root = resolve(ctx.baseDir, src.value.path);
  return locked.files.length === 1 && root.endsWith(locked.files[0]?.path ?? '\u0000') ? [root] : locked.files.map((f) => resolve(root, f.path));
}

const scanCheck: AdmissionCheck = {
  id: 'scan',
  title: `no scan finding at or above scan.fail_on`,
  async run(models, ctx) {
    const out = new Map<string, CheckOutcome>();
    for (const m of models) {
      const locked = ctx.lock?.models[m];
      if (!locked) {
        out.set(m, fail('not locked, so its files are unknown'));
        continue;
      }
      const files = artifactFiles(locked, ctx);
      if (files === undefined) out.set(m, pass('hosted model: no artifacts'));
      else if (files.length === 0) out.set(m, fail('locked files cannot be located (hub cache missing?)'));
      else {
        const report = await scanPaths(files, { allowGlobals: ctx.config.scan.allow_globals }).catch((e: unknown) => ({ files: [], findings: [], error: (e as Error).message }));
        if ('error' in report) out.set(m, fail(`scan failed: ${report.error}`));
        else {
          const bad = report.findings.filter((f) => meetsSeverity(f.severity, ctx.config.scan.fail_on));
          out.set(m, bad.length === 0 ? pass(`${report.files.length} file(s), no finding at or above ${ctx.config.scan.fail_on}`) : fail(`${bad.length} finding(s) at or above ${ctx.config.scan.fail_on}: ${bad.slice(0, 3).map((f) => f.ruleId).join(', ')}`));
        }
      }
    }
    return out;
  },
};

const licenseCheck: AdmissionCheck = {
  id: 'license',
  title: 'license policy allows',
  async run(models, ctx) {
    const result = await evaluatePolicy({ configPath: ctx.configPath, only: models, ...(ctx.blobPath ? { blobPath: ctx.blobPath } : {}) });
    const out = new Map<string, CheckOutcome>();
    for (const m of models) {
      const r = result.models.find((x) => x.model === m);
      if (!r) out.set(m, fail('not evaluated'));
      else if (r.decision === 'allow') out.set(m, pass(r.skipped ?? `allowed (${r.license?.id ?? r.license?.name ?? 'license'})`));
      else out.set(m, fail(`${r.decision}: ${r.matches.map((x) => x.reason ?? x.detail).slice(0, 3).join('; ') || 'see `modelgate policy`'}`));
    }
    return out;
  },
};

const attestationCheck: AdmissionCheck = {
  id: 'attestation',
  title: 'last gate passed',
  async run(models, ctx) {
    const out = new Map<string, CheckOutcome>();
    for (const m of models) {
      const locked = ctx.lock?.models[m];
      const revision = locked?.kind === 'artifact' ? locked.revision : locked?.version;
      if (!revision) {
        out.set(m, fail('no gate attestation (model not locked)'));
        continue;
      }
      const file = attestationPath(ctx.stateDir, m, revision);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) out.set(m, fail(`no gate attestation (${file})`));
      else {
        let passed: unknown;
        try {
          passed = (JSON.parse(text) as { passed?: unknown }).passed;
        } catch {
          passed = undefined;
        }
        out.set(m, passed === true ? pass(`attestation ${revision} passed`) : fail(`attestation ${revision} ${passed === false ? 'did not pass' : 'is malformed'}`));
      }
    }
    return out;
  },
};

/** The checks, in the order they are reported. */
export const ADMISSION_CHECKS: readonly AdmissionCheck[] = [lockCheck, scanCheck, licenseCheck, attestationCheck];
