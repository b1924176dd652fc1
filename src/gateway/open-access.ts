/**
 * Open the access services for `serve`: keys and ledger in the project's
 * store (or `--store`), limits in memory or Redis (`--redis`). The admin key
 * named by `gateway.server.admin_key_env` is handed to the key service too.
 */
import { openAccess } from './access/index.js';
import type { GatewayAccess } from './types.js';

/** Where the access services keep their data. */
export interface OpenAccessOptions {
  storeUrl: string | undefined;
  redisUrl: string | undefined;
  stateDir: string;
  adminKey: string | undefined;
}

/** The access services plus one close for all of them (which flushes the ledger). */
export async function openAccessServices(o: OpenAccessOptions): Promise<GatewayAccess & { close(): Promise<void> }> {
  const a = await openAccess({ stateDir: o.stateDir, ...(o.storeUrl ? { store: o.storeUrl } : {}), ...(o.redisUrl ? { redisUrl: o.redisUrl } : {}), ...(o.adminKey ? { adminKey: o.adminKey } : {}) });
  return { keys: a.keys, limits: a.limits, ledger: a.ledger, close: () => a.close() };
}
