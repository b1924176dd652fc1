/**
 * The factory for the gateway's access services: keys and the ledger in the
 * project's store (SQLite by default, PostgreSQL with `postgres://`), limits
 * in memory or, with `redisUrl`, in Redis shared by every replica.
 */
import { openStore, PostgresStore, SqliteStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import type { KeyService, LimitService } from '../access-types.js';
import { DbKeyService } from './keys/key-service.js';
import type { KeyRepo } from './keys/key-rows.js';
import { PgKeyRepo } from './keys/pg-keys.js';
import { SqliteKeyRepo } from './keys/sqlite-keys.js';
import { BatchedLedger } from './ledger/batched-ledger.js';
import type { LedgerOptions } from './ledger/batched-ledger.js';
import type { LedgerDb } from './ledger/ledger-rows.js';
import { PgLedgerDb } from './ledger/pg-ledger.js';
import { SqliteLedgerDb } from './ledger/sqlite-ledger.js';
import { SqliteWorkerLedgerDb } from './ledger/sqlite-worker-ledger.js';
import { MemoryLimitService } from './limits/memory-limits.js';
import { connectRedis } from './limits/redis-connect.js';
import { RedisLimitService } from './limits/redis-limits.js';

/** Where and how the access services keep their state. */
export interface AccessOptions {
  /** An open store (left open by `close`), or a store URL; none means SQLite in `stateDir`. */
  store?: Store | string;
  /** The project's `.modelgate/` folder, for the default SQLite store. */
  stateDir?: string;
  /** PostgreSQL schema (see `openStore`). */
  schema?: string;
  /** `redis://…`: keep rate limits and budgets in Redis, shared by several gateway processes. */
  redisUrl?: string;
  /** Prefix of the Redis keys (default `mg:`). */
  redisKeyPrefix?: string;
  /** Admin key accepted without a row; default `MODELGATE_ADMIN_KEY` from `env`. */
  adminKey?: string;
  /** Environment to read `MODELGATE_ADMIN_KEY` from (default `process.env`, read when this is called). */
  env?: NodeJS.ProcessEnv;
  /** How long an authenticated key is cached (ms, at most 5,000). */
  keyCacheTtlMs?: number;
  /** Group-commit knobs of the ledger. */
  ledger?: Omit<LedgerOptions, 'now'>;
  /** How long an unsettled budget reservation holds (ms). */
  reservationTtlMs?: number;
  /** Clock in epoch ms (tests). With Redis it replaces the Redis server's clock. */
  now?: () => number;
}

/** The services the gateway's request path uses, and how to release them. */
export interface AccessServices {
  keys: KeyService;
  limits: LimitService;
  ledger: BatchedLedger;
  /** The store keys and ledger live in (the caller's, or the one opened here). */
  store: Store;
  /** Flush the ledger, then release Redis and (when opened here) the store. */
  close(): Promise<void>;
}

/**
 * Open the access services.
 *
 * @example
 * const access = await openAccess({ store: 'postgres://mg@db/modelgate', redisUrl: 'redis://cache:6379' });
 * const key = await access.keys.authenticate(bearer);
 */
export async function openAccess(options: AccessOptions = {}): Promise<AccessServices> {
  const owned = typeof options.store !== 'object';
  const store = typeof options.store === 'object' ? options.store : await openStore(options.store, storeOptions(options));
  let ledger: BatchedLedger | undefined;
  try {
    const { repo, db, parallel } = dialectParts(store);
    ledger = new BatchedLedger(db, { parallel, ...options.ledger, ...(options.now ? { now: options.now } : {}) });
    const adminKey = options.adminKey ?? (options.env ?? process.env)['MODELGATE_ADMIN_KEY'];
    const keys = new DbKeyService(repo, {
      ...(adminKey ? { adminKey } : {}),
      ...(options.keyCacheTtlMs !== undefined ? { cacheTtlMs: options.keyCacheTtlMs } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const limitOptions = {
      spentSince: (keyId: string, sinceMs: number) => (ledger as BatchedLedger).spentSince(keyId, sinceMs),
      ...(options.reservationTtlMs !== undefined ? { reservationTtlMs: options.reservationTtlMs } : {}),
      ...(options.now ? { now: options.now } : {}),
    };
    const limits: LimitService = options.redisUrl
      ? new RedisLimitService(await connectRedis(options.redisUrl), { ...limitOptions, owned: true, ...(options.redisKeyPrefix ? { keyPrefix: options.redisKeyPrefix } : {}) })
      : new MemoryLimitService(limitOptions);
    const opened = ledger;
    const close = async (): Promise<void> => {
      try {
        await opened.close();
        await limits.close();
      } finally {
        if (owned) await store.close();
      }
    };
    return { keys, limits, ledger, store, close };
  } catch (e) {
    // A bad admin key or an unreachable Redis: stop the ledger's writer before giving up.
    await ledger?.close().catch(() => {});
    if (owned) await store.close();
    throw e;
  }
}

function storeOptions(o: AccessOptions): { stateDir?: string; schema?: string } {
  return { ...(o.stateDir ? { stateDir: o.stateDir } : {}), ...(o.schema ? { schema: o.schema } : {}) };
}

/**
 * The key repository and ledger storage for the store's dialect, and how many ledger batches to commit at
 * once. A SQLite file is written by a worker thread on its own connection, so commits stay off the event
 * loop (`:memory:` cannot be shared with a worker and is written on this thread); one batch at a time, so
 * rows arriving during a commit form the next, larger batch. On PostgreSQL 1, 2 and 4 measured the same
 * rows/s (see README), and 2 keeps one slow commit from holding every queued row behind it.
 */
function dialectParts(store: Store): { repo: KeyRepo; db: LedgerDb; parallel: number } {
  if (store instanceof SqliteStore) {
    const db = store.database;
    const repo = new SqliteKeyRepo(db);
    return { repo, db: db.memory ? new SqliteLedgerDb(db) : new SqliteWorkerLedgerDb(db), parallel: 1 };
  }
  if (store instanceof PostgresStore) return { repo: new PgKeyRepo(store.pool), db: new PgLedgerDb(store.pool), parallel: 2 };
  throw new TypeError(`openAccess: unsupported store (${store.dialect}); use one opened by openStore`);
}
