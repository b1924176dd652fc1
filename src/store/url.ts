/**
 * Store URLs: which dialect a `--store` value or `MODELGATE_STORE` setting
 * means, decided once here so the factory and the CLI agree.
 */
import { join, resolve } from 'node:path';
import { UsageError } from '../core/index.js';

/** A parsed store location. */
export type StoreTarget =
  | { dialect: 'sqlite'; /** File path, or `:memory:`. */ path: string }
  | { dialect: 'postgres'; url: string };

/** File name of the default SQLite database inside the state folder. */
export const DEFAULT_DB_FILE = 'modelgate.db';

/**
 * Parse a store URL. `undefined` means the default SQLite file under `stateDir`;
 * `sqlite:PATH` (also `sqlite://PATH`) and bare paths are SQLite files;
 * `postgres://` and `postgresql://` are PostgreSQL. Any other `scheme://` is refused.
 *
 * @example
 * parseStoreUrl(undefined, '/repo/.modelgate') // { dialect: 'sqlite', path: '/repo/.modelgate/modelgate.db' }
 * parseStoreUrl('postgres://db/mg')            // { dialect: 'postgres', url: 'postgres://db/mg' }
 */
export function parseStoreUrl(url: string | undefined, stateDir = '.modelgate'): StoreTarget {
  const value = url?.trim();
  if (!value) return { dialect: 'sqlite', path: resolve(join(stateDir, DEFAULT_DB_FILE)) };
  if (/^postgres(ql)?:\/\//i.test(value)) return { dialect: 'postgres', url: value };
  if (/^sqlite:/i.test(value)) return { dialect: 'sqlite', path: sqlitePath(value.slice('sqlite:'.length)) };
  // A scheme followed by `//` that is not ours; a Windows drive (`C:\`) has no `//`.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new UsageError(`unsupported store URL "${redactUrl(value)}": use sqlite:PATH, a file path, or postgres://...`);
  }
  return { dialect: 'sqlite', path: sqlitePath(value) };
}

function sqlitePath(rest: string): string {
  // `sqlite://x.db` is relative, `sqlite:///abs/x.db` absolute, as in SQLAlchemy-style URLs.
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (!path) throw new UsageError('the sqlite: store URL names no file');
  return path === ':memory:' ? path : resolve(path);
}

/** The URL with any password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*:)[^@/]*@/i, '$1***@');
}
