/** `modelgate verify`: check the files on disk against modelgate.lock. */
import { loadConfig } from '../../core/config/load.js';
import { InputError } from '../../core/errors.js';
import type { HubPort } from '../lock/hub-port.js';
import { readLock } from '../lock/lockfile.js';
import { verifyLock, type VerifyReport } from '../lock/verify-lock.js';
import { projectPaths } from './paths.js';

export interface VerifyProjectOptions {
  configPath?: string;
  hub?: Pick<HubPort, 'blobPath'>;
  only?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

/** Verify every locked model; a missing lockfile is an input error. */
export async function verifyProject(options: VerifyProjectOptions = {}): Promise<VerifyReport> {
  const paths = projectPaths(options.configPath);
  const config = await loadConfig(paths.configPath);
  const lock = await readLock(paths.lockPath);
  if (!lock) throw new InputError('MG_LOCK_NOT_FOUND', paths.lockPath, 'not found (run `modelgate lock` first)');
  return verifyLock(config, lock, {
    baseDir: paths.baseDir,
    blobPath: options.hub ? (sha) => options.hub?.blobPath(sha) ?? '' : undefined,
    onProgress: options.onProgress,
    only: options.only,
  });
}
