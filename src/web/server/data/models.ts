/**
 * Models for the dashboard: every model the project knows (lockfile, attestations, runs), with
 * its gate status, license, findings and lineage as the latest attestation records them, its lock
 * entry, and its eval and red-team scores against the baseline from stored run summaries.
 */
import { join } from 'node:path';
import { readLock } from '../../../artifacts/index.js';
import type { LockedModel } from '../../../artifacts/index.js';
import type { BaselineComparison, ModelSummary, RunRecord } from '../../../eval/index.js';
import type { Store } from '../../../store/index.js';
import { attestedModels, readAttestations, type Attestation } from './attestations.js';
import { suiteName } from './runs.js';

/** A model's scores in one run. */
export interface ModelRunScore {
  runId: string;
  kind: RunRecord['kind'];
  suite: string;
  startedAt: string;
  baseline: string | undefined;
  summary: ModelSummary;
  comparison: BaselineComparison | undefined;
}

/** A row of the models page. */
export interface ModelListItem {
  name: string;
  locked: boolean;
  kind: LockedModel['kind'] | undefined;
  gate: Attestation['status'] | 'none';
  lastAttested: string | undefined;
  runs: number;
  latestPassRate: number | undefined;
}

/** Everything the model page shows. */
export interface ModelDetail {
  name: string;
  lock: LockedModel | undefined;
  gate: Attestation['status'] | 'none';
  license: unknown;
  obligations: unknown;
  findings: unknown[];
  lineage: unknown;
  attestations: Attestation[];
  scores: ModelRunScore[];
}

/** Where the dashboard finds the project's files. */
export interface ProjectFiles {
  stateDir: string;
  lockPath: string;
}

/** The project's files from its base folder. */
export function projectFiles(projectDir: string): ProjectFiles {
  return { stateDir: join(projectDir, '.modelgate'), lockPath: join(projectDir, 'modelgate.lock') };
}

async function lockModels(lockPath: string): Promise<Record<string, LockedModel>> {
  try {
    return (await readLock(lockPath))?.models ?? {};
  } catch {
    return {};
  }
}

/** Per model, its scores across runs (newest first). */
export async function scoresByModel(store: Store): Promise<Map<string, ModelRunScore[]>> {
  const out = new Map<string, ModelRunScore[]>();
  for (const r of await store.listRuns()) {
    const run = await store.getRun(r.id);
    for (const summary of run?.summary?.models ?? []) {
      if (summary.group !== undefined) continue;
      const comparison = run?.summary?.comparisons.find((c) => c.model === summary.model);
      const list = out.get(summary.model) ?? [];
      list.push({ runId: r.id, kind: r.kind, suite: suiteName(r.suitePath), startedAt: r.startedAt, baseline: r.baseline, summary, comparison });
      out.set(summary.model, list);
    }
  }
  return out;
}

/** Every known model, sorted by name. */
export async function listModels(files: ProjectFiles, store: Store): Promise<ModelListItem[]> {
  const [lock, attested, scores] = await Promise.all([lockModels(files.lockPath), attestedModels(files.stateDir), scoresByModel(store)]);
  const names = new Set([...Object.keys(lock), ...attested, ...scores.keys()]);
  const items: ModelListItem[] = [];
  for (const name of [...names].sort()) {
    const latest = (await readAttestations(files.stateDir, name))[0];
    const s = scores.get(name) ?? [];
    items.push({
      name,
      locked: name in lock,
      kind: lock[name]?.kind,
      gate: latest?.status ?? 'none',
      lastAttested: latest?.time,
      runs: s.length,
      latestPassRate: s[0]?.summary.passRate.value,
    });
  }
  return items;
}

const field = (d: Record<string, unknown> | undefined, ...names: string[]): unknown => {
  for (const n of names) if (d && d[n] !== undefined) return d[n];
  return undefined;
};

/** One model's page; undefined when the project has never heard of it. */
export async function modelDetail(files: ProjectFiles, store: Store, name: string): Promise<ModelDetail | undefined> {
  const [lock, attestations, scores] = await Promise.all([lockModels(files.lockPath), readAttestations(files.stateDir, name), scoresByModel(store)]);
  const mine = scores.get(name) ?? [];
  if (!(name in lock) && attestations.length === 0 && mine.length === 0) return undefined;
  const latest = attestations[0]?.data;
  const license = field(latest, 'license');
  const licenseObj = license && typeof license === 'object' ? (license as Record<string, unknown>) : undefined;
  const findings = field(latest, 'findings', 'scan');
  return {
    name,
    lock: lock[name],
    gate: attestations[0]?.status ?? 'none',
    license: license ?? null,
    obligations: field(licenseObj, 'obligations') ?? field(latest, 'obligations') ?? null,
    findings: Array.isArray(findings) ? findings : findings && typeof findings === 'object' && Array.isArray(field(findings as Record<string, unknown>, 'findings')) ? (field(findings as Record<string, unknown>, 'findings') as unknown[]) : [],
    lineage: field(latest, 'lineage') ?? null,
    attestations,
    scores: mine,
  };
}
