/** `modelgate init`: write the starter config without clobbering one. */
import { writeFile } from 'node:fs/promises';
import { ModelgateError } from '../../core/errors.js';
import { STARTER_CONFIG } from './starter-config.js';

/** Create a starter modelgate.yaml; refuses to overwrite unless `force`. */
export async function initProject(configPath: string, force = false): Promise<void> {
  try {
    await writeFile(configPath, STARTER_CONFIG, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ModelgateError('MG_EXISTS', 'already exists (use --force to overwrite)', 2, { file: configPath });
    }
    throw e;
  }
}
