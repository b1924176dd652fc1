/**
 * `runGate`: for each manifest model, run every gate check (or reuse its last
 * result when nothing it depends on changed), then write the model's
 * attestation. A model fails when any check that ran failed.
 */
import { InputError, isModelgateError } from '../core/index.js';
import { ATTESTATION_SCHEMA, attestationPath, readAttestation, writeAttestation, type Attestation, type AttestedCheck } from './attestation.js';
import { orderedChecks } from './checks/index.js';
import { gateContext, openGateProject, revisionOf } from './context.js';
import { digestOf } from './digest.js';
import type { GateCheck, GateCheckId, GateContext, GateSubject } from './types.js';

/** Options of {@link runGate}; the CLI's flags map onto these. */
export interface RunGateOptions {
  /** modelgate.yaml (default `modelgate.yaml`). */
  configPath?: string;
  /** Gate only these manifest models (default: all). */
  only?: readonly string[];
  /** Run every check again instead of reusing unchanged results. */
  force?: boolean;
  /** Called as each check starts and ends. */
  onProgress?: (e: { model: string; check: GateCheckId; phase: 'start' | 'done'; reused?: boolean }) => void;
  env?: Readonly<Record<string, string | undefined>>;
  blobPath?: (sha256: string) => string;
  now?: Date;
}

/** One model's verdict. */
export interface GateModelResult {
  model: string;
  /** Undefined when the model is not locked (then there is no attestation). */
  revision: string | undefined;
  passed: boolean;
  reasons: string[];
  checks: AttestedCheck[];
  /** Where the attestation was written. */
  attestation: string | undefined;
}

/** What {@link runGate} returns. */
export interface GateReport {
  passed: boolean;
  models: GateModelResult[];
}


async function runOne(check: GateCheck, ctx: GateContext, s: GateSubject, prev: Attestation | undefined, noReuse: boolean, o: RunGateOptions): Promise<AttestedCheck> {
  const base = { id: check.id, title: check.title };
  const skip = check.applies(ctx, s);
  if (skip !== undefined) return { ...base, status: 'skipped', passed: true, summary: skip, thresholds: null, results: null, ranAt: null, reused: false, digest: null, inputs: {} };
  const inputs = await check.inputs(ctx, s);
  const digest = inputs ? digestOf(inputs) : null;
  const last = prev?.checks.find((c) => c.id === check.id);
  // Only passed results are reused: a failure may be transient (an upstream down) and is cheap to recheck.
  if (!noReuse && digest !== null && last?.digest === digest && last.status === 'passed') {
    o.onProgress?.({ model: s.model, check: check.id, phase: 'done', reused: true });
    return { ...last, title: check.title, reused: true };
  }
  o.onProgress?.({ model: s.model, check: check.id, phase: 'start' });
  const ranAt = (o.now ?? new Date()).toISOString();
  const r = await check.run(ctx, s).catch((e: unknown) => {
    if (!isModelgateError(e)) throw e;
    return { passed: false, summary: `could not run: ${e.toLine()}`, details: null, thresholds: null };
  });
  o.onProgress?.({ model: s.model, check: check.id, phase: 'done', reused: false });
  const status = r.passed ? 'passed' : 'failed';
  return { ...base, status, passed: r.passed, summary: r.summary, thresholds: r.thresholds ?? null, results: r.details ?? null, ranAt, reused: false, digest, inputs: inputs ?? {} };
}

async function gateModel(ctx: GateContext, s: GateSubject, o: RunGateOptions): Promise<GateModelResult> {
  const file = attestationPath(ctx.paths.stateDir, s.model, s.revision);
  const prev = o.force ? undefined : await readAttestation(file);
  const checks: AttestedCheck[] = [];
  for (const check of orderedChecks()) {
    // Once verify fails the lock entry no longer describes the files, so no digest built on it may be trusted.
    const noReuse = o.force === true || checks.some((c) => c.id === 'verify' && c.status === 'failed');
    checks.push(await runOne(check, ctx, s, prev, noReuse, o));
  }
  const reasons = checks.filter((c) => c.status === 'failed').map((c) => `${c.id}: ${c.summary}`);
  const inputs = Object.fromEntries(checks.flatMap((c) => Object.entries(c.inputs)).sort(([a], [b]) => a.localeCompare(b)));
  const attestation: Attestation = {
    schema: ATTESTATION_SCHEMA,
    model: s.model,
    revision: s.revision,
    createdAt: (o.now ?? new Date()).toISOString(),
    modelgate: { version: ctx.version },
    inputs,
    checks,
    passed: reasons.length === 0,
    reasons,
  };
  const path = await writeAttestation(ctx.paths.stateDir, attestation);
  return { model: s.model, revision: s.revision, passed: attestation.passed, reasons, checks, attestation: path };
}

/**
 * Gate every model of the manifest (or `only` those) and write attestations.
 * @example const r = await runGate({ configPath: 'modelgate.yaml' }); if (!r.passed) process.exitCode = 1;
 */
export async function runGate(o: RunGateOptions = {}): Promise<GateReport> {
  const { config, paths, lock } = await openGateProject(o.configPath);
  if (!lock) throw new InputError('MG_LOCK_NOT_FOUND', paths.lockPath, 'not found (run `modelgate lock` first)');
  const unknown = (o.only ?? []).filter((m) => !(m in config.models));
  if (unknown.length > 0) throw new InputError('MG_MODEL_UNKNOWN', paths.configPath, `not in the manifest: ${unknown.join(', ')}`);
  const ctx = await gateContext({ config, paths, lock }, o);
  const models: GateModelResult[] = [];
  for (const model of (o.only ? [...o.only] : Object.keys(config.models)).sort()) {
    const locked = lock.models[model];
    if (!locked) models.push({ model, revision: undefined, passed: false, reasons: ['not locked (run `modelgate lock`)'], checks: [], attestation: undefined });
    else models.push(await gateModel(ctx, { model, locked, revision: revisionOf(locked) }, o));
  }
  return { passed: models.every((m) => m.passed), models };
}
