/** Where a project's files live, all derived from the config path. */
import { dirname, join, resolve } from 'node:path';

export interface ProjectPaths {
  configPath: string;
  lockPath: string;
  /** Folder relative model sources resolve against. */
  baseDir: string;
  /** `.modelgate/` state folder (evidence, attestations, store). */
  stateDir: string;
}

/** Derive the project's paths from its config file. */
export function projectPaths(configPath = 'modelgate.yaml'): ProjectPaths {
  const abs = resolve(configPath);
  const baseDir = dirname(abs);
  return { configPath: abs, lockPath: join(baseDir, 'modelgate.lock'), baseDir, stateDir: join(baseDir, '.modelgate') };
}
