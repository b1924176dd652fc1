/**
 * The hub port the CLI uses, configured from the environment: HF_ENDPOINT,
 * HF_TOKEN and MODELGATE_CACHE (default `~/.cache/modelgate`).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { blobPath, createHubClient, hubOptionsFromEnv } from '../hub/index.js';
import type { HubPort } from '../lock/hub-port.js';
import type { Progress } from './progress-port.js';

/** Cache folder from MODELGATE_CACHE, else `~/.cache/modelgate`. */
export function cacheDirFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  return env.MODELGATE_CACHE?.trim() || join(homedir(), '.cache', 'modelgate');
}

/** A HubPort over the real hub client; creating it does no I/O. */
export function hubFromEnv(env: Readonly<Record<string, string | undefined>>, progress?: Progress): HubPort {
  const cacheDir = cacheDirFromEnv(env);
  const client = createHubClient({
    ...hubOptionsFromEnv(env),
    cacheDir,
    onProgress: progress ? (e) => progress.update(e.done, e.total, e.path) : undefined,
  });
  return {
    snapshot: (repo, revision, options) => client.snapshot(repo, revision, options),
    blobPath: (sha256) => blobPath(cacheDir, sha256),
  };
}
