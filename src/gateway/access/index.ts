// The gateway's access services: API keys, rate limits and budgets, and the cost ledger.
// The request path uses them through the interfaces in `../access-types.ts`.

// Opening
export { openAccess } from './open-access.js';
export type { AccessOptions, AccessServices } from './open-access.js';

// Keys
export { DbKeyService, DEFAULT_KEY_CACHE_TTL_MS, ENV_ADMIN_ID } from './keys/key-service.js';
export type { KeyServiceOptions } from './keys/key-service.js';
export { mayUseRoute } from './keys/key-spec.js';
export { generateKey, hashKey, looksLikeKey } from './keys/key-format.js';

// Limits
export { MemoryLimitService } from './limits/memory-limits.js';
export { RedisLimitService } from './limits/redis-limits.js';
export type { RedisLimitOptions } from './limits/redis-limits.js';
export { connectRedis } from './limits/redis-connect.js';
export type { LimitOptions } from './limits/limit-options.js';

// Ledger
export { BatchedLedger } from './ledger/batched-ledger.js';
export type { LedgerOptions } from './ledger/batched-ledger.js';

// Management (what the CLI calls)
export { createKey, listKeys, revokeKey, spendReport, withAccess } from './manage.js';
export type { ManageOptions, SpendReport } from './manage.js';
export { parseExpiry, parseSince } from './since.js';
export { keysTable, keyStatus, spendTable } from './tables.js';
