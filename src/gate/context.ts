/**
 * Opening a project for the gate: the config (with every name under `gate:`
 * checked against `models:`), the lock, and the context every check reads.
 * `runGate` and `policyLineage` share it, so both judge one model alike.
 */
import { hubFromEnv, projectPaths, readLock, type LockedModel, type Lockfile, type ProjectPaths } from '../artifacts/index.js';
import { ConfigError, loadConfig, type Config } from '../core/index.js';
import { CATALOG_DIR, folderDigest, packageVersion } from './digest.js';
import type { GateContext } from './types.js';

/** A project as the gate opens it; `lock` is undefined when modelgate.lock is missing. */
export interface GateProject {
  config: Config;
  paths: ProjectPaths;
  lock: Lockfile | undefined;
}

/** What a caller may override in the context (tests). */
export interface GateContextOptions {
  env?: Readonly<Record<string, string | undefined>>;
  blobPath?: (sha256: string) => string;
  now?: Date;
}

/** The revision an attestation is filed under: hub commit or tree digest, or a hosted model's pinned version. */
export const revisionOf = (l: LockedModel): string => (l.kind === 'artifact' ? l.revision : l.version);

/** Every name in `gate:` must be a manifest model: a typo would silently skip a check. */
function checkGateNames(config: Config, file: string): void {
  const g = config.gate;
  if (!g) return;
  const named: [string, string][] = [
    ...g.evals.flatMap((e, i) => [...(e.models ?? []).map((m): [string, string] => [`gate.evals.${i}.models`, m]), ...(e.baseline !== undefined ? [[`gate.evals.${i}.baseline`, e.baseline] as [string, string]] : [])]),
    ...(g.redteam?.models ?? []).map((m): [string, string] => ['gate.redteam.models', m]),
    ...g.lineage.map((l, i): [string, string] => [`gate.lineage.${i}.model`, l.model]),
    ...Object.keys(g.serve).map((m): [string, string] => ['gate.serve', m]),
  ];
  const bad = named.filter(([, m]) => !(m in config.models)).map(([path, m]) => `${path}: "${m}" is not declared under models:`);
  if (bad.length > 0) throw new ConfigError('MG_CONFIG_INVALID', file, `${bad.length} problem(s)\n${bad.join('\n')}`);
}

/** Load modelgate.yaml (exit 2 on a wrong `gate:` name) and modelgate.lock. */
export async function openGateProject(configPath?: string): Promise<GateProject> {
  const paths = projectPaths(configPath);
  const config = await loadConfig(paths.configPath);
  checkGateNames(config, paths.configPath);
  return { config, paths, lock: await readLock(paths.lockPath) };
}

/** The context the checks read, built once per run. */
export async function gateContext(p: GateProject & { lock: Lockfile }, o: GateContextOptions = {}): Promise<GateContext> {
  const env = o.env ?? process.env;
  const blobPath = o.blobPath ?? hubFromEnv(env).blobPath;
  return { config: p.config, paths: p.paths, lock: p.lock, version: await packageVersion(), catalogDigest: await folderDigest(CATALOG_DIR), blobPath, env, now: o.now ?? new Date() };
}
