/**
 * `modelgate lock`: (re)build modelgate.lock from the manifest. Hub models
 * keep the commit they were pinned to unless `update` names them; local
 * models are re-hashed. Returns what changed so the CLI can show it.
 */
import { loadConfig } from '../../core/config/load.js';
import type { Config } from '../../core/config/config.schema.js';
import { ModelgateError } from '../../core/errors.js';
import type { HashProgress } from '../hash/hash-files.js';
import type { HubPort } from '../lock/hub-port.js';
import { diffLocks, type LockChange } from '../lock/lock-diff.js';
import { lockModel } from '../lock/lock-model.js';
import { emptyLock, readLock, writeLock, type Lockfile } from '../lock/lockfile.js';
import { projectPaths } from './paths.js';

export interface LockProjectOptions {
  configPath?: string;
  hub?: HubPort;
  /** Re-resolve hub revisions: `true` for all models, or a list of names. */
  update?: boolean | readonly string[];
  /** Lock only these models (others keep their entries). */
  only?: readonly string[];
  onProgress?: (model: string, done: number, total: number) => void;
  /** Compute but do not write. */
  dryRun?: boolean;
}

export interface LockProjectResult {
  lock: Lockfile;
  changes: LockChange[];
  config: Config;
}

/** Build and write the lockfile; returns the new lock and the changes. */
export async function lockProject(options: LockProjectOptions = {}): Promise<LockProjectResult> {
  const paths = projectPaths(options.configPath);
  const config = await loadConfig(paths.configPath);
  const before = await readLock(paths.lockPath);
  const next: Lockfile = emptyLock();
  for (const name of Object.keys(config.models).sort()) {
    const entry = config.models[name];
    const previous = before?.models[name];
    if (!entry) continue;
    if (options.only && !options.only.includes(name)) {
      if (previous) next.models[name] = previous;
      continue;
    }
    const update = options.update === true || (Array.isArray(options.update) && options.update.includes(name));
    const onProgress: HashProgress = (d, t) => options.onProgress?.(name, d, t);
    try {
      next.models[name] = await lockModel(name, entry, { baseDir: paths.baseDir, hub: options.hub, previous, update, onProgress });
    } catch (e) {
      if (e instanceof ModelgateError && !e.message.startsWith(`model ${name}`)) {
        throw new ModelgateError(e.code, `model ${name}: ${e.message}`, e.exitCode, { file: e.file, cause: e });
      }
      throw e;
    }
  }
  if (!options.dryRun) await writeLock(paths.lockPath, next);
  return { lock: next, changes: diffLocks(before, next), config };
}
