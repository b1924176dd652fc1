/** Build the hub port the CLI uses from the environment (wired to the hub client below). */
import type { HubPort } from '../lock/hub-port.js';
import type { Progress } from './progress-port.js';

/** A HubPort configured from HF_ENDPOINT, HF_TOKEN and MODELGATE_CACHE. */
export function hubFromEnv(_env: NodeJS.ProcessEnv, _progress?: Progress): HubPort | undefined {
  return undefined;
}
