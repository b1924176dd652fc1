/**
 * Opening the embedded SQLite database and migrating it. better-sqlite3 is
 * loaded here, on first use, so importing the store costs nothing.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { pendingMigrations } from '../migrations.js';
import type { Migration } from '../migrations.js';

/** How long a writer waits for another process's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/** WAL pages (4 KiB each by default) between automatic checkpoints. */
const WAL_CHECKPOINT_PAGES = 16_384;

/** Open (creating it and its folder when missing) a SQLite database configured for the store. */
export async function openSqliteDatabase(path: string): Promise<Database.Database> {
  if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });
  const { default: BetterSqlite } = await import('better-sqlite3');
  // `timeout` is SQLite's busy timeout; it must be set before WAL is switched on, which briefly needs a lock.
  const db = new BetterSqlite(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers (the dashboard, `modelgate runs`) work while a run writes. With WAL, synchronous=NORMAL
    // keeps every committed transaction across a process crash; only an OS crash or power cut can lose the last few.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Checkpoint every 64 MiB of WAL instead of SQLite's 4 MiB: a 100,000-row run writes ~75 MiB, and frequent
    // checkpoints rewrite the same hot index pages and pay an fsync each time (about half the insert time on
    // a slow disk). The size limit truncates the WAL file back after a checkpoint so it does not stay large.
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${WAL_CHECKPOINT_PAGES * 4096}`);
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/**
 * Apply pending migrations in one `BEGIN IMMEDIATE` transaction: it takes the
 * write lock before reading `schema_migrations`, so a second process that
 * migrates at the same moment waits, then finds nothing left to do.
 */
export function migrateSqlite(db: Database.Database, where: string, now: () => Date, all?: readonly Migration[]): string[] {
  const apply = db.transaction((): string[] => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[];
    const pending = pendingMigrations(applied, where, all);
    const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
    for (const m of pending) {
      db.exec(m.sqlite);
      record.run(m.id, now().toISOString());
    }
    return pending.map((m) => m.id);
  });
  return apply.immediate();
}
