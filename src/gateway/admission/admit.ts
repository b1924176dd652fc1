/**
 * Run the admission checks for every model the routes point at. A route
 * target is a manifest model, or a provider ref whose `serves:` names one;
 * a bare provider ref names no vetted model and fails admission.
 */
import { readLock, projectPaths } from '../../artifacts/index.js';
import type { Config } from '../../core/config/config.schema.js';
import { ADMISSION_CHECKS } from './checks.js';
import type { AdmissionCheck, AdmissionContext, AdmissionReport } from './types.js';

/** Options of admitRoutes. */
export interface AdmitOptions {
  configPath: string;
  blobPath?: (sha256: string) => string;
  /** Replaces the default check list (tests, or a later `modelgate gate`). */
  checks?: readonly AdmissionCheck[];
}

/** Which manifest models (and unmanaged targets) each route uses. */
function subjects(config: Config): { models: Map<string, string[]>; unmanaged: Map<string, string[]> } {
  const models = new Map<string, string[]>();
  const unmanaged = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, route: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(route)) list.push(route);
    map.set(key, list);
  };
  for (const [route, r] of Object.entries(config.gateway?.routes ?? {})) {
    for (const t of [...r.deployments, ...r.fallbacks, ...(r.shadow ? [r.shadow] : [])]) {
      if (t.serves !== undefined) add(models, t.serves, route);
      else if (t.model in config.models) add(models, t.model, route);
      else add(unmanaged, t.model, route);
    }
  }
  return { models, unmanaged };
}

/**
 * Check every routed model.
 * @example const report = await admitRoutes(config, { configPath: 'modelgate.yaml' }); if (!report.admitted) …
 */
export async function admitRoutes(config: Config, o: AdmitOptions): Promise<AdmissionReport> {
  const paths = projectPaths(o.configPath);
  const { models, unmanaged } = subjects(config);
  const names = [...models.keys()].sort();
  const lock = await readLock(paths.lockPath);
  const ctx: AdmissionContext = { config, configPath: paths.configPath, baseDir: paths.baseDir, stateDir: paths.stateDir, lock, ...(o.blobPath ? { blobPath: o.blobPath } : {}) };
  const verdicts = new Map<string, AdmissionReport['models'][number]['checks']>(names.map((n) => [n, []]));
  if (names.length > 0) {
    for (const check of o.checks ?? ADMISSION_CHECKS) {
      const res = await check.run(names, ctx);
      for (const n of names) verdicts.get(n)?.push({ id: check.id, ...(res.get(n) ?? { passed: false, reason: 'not checked' }) });
    }
  }
  const report: AdmissionReport = {
    admitted: false,
    models: names.map((model) => ({ model, routes: models.get(model) ?? [], checks: verdicts.get(model) ?? [] })),
    unmanaged: [...unmanaged].map(([target, routes]) => ({ target, routes })),
  };
  report.admitted = report.unmanaged.length === 0 && report.models.every((m) => m.checks.every((c) => c.passed));
  return report;
}

/** The report as lines for the terminal: every failed check with its reason. */
export function describeAdmission(report: AdmissionReport): string[] {
  const lines: string[] = [];
  for (const m of report.models) {
    for (const c of m.checks) if (!c.passed) lines.push(`${m.model} (routes ${m.routes.join(', ')}): ${c.id}: ${c.reason}`);
  }
  for (const u of report.unmanaged) lines.push(`${u.target} (routes ${u.routes.join(', ')}): not a manifest model, so nothing vouches for it (declare it under models:, or add serves: <model>)`);
  return lines;
}
