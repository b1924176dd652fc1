/**
 * Re-hash every locked file and compare with the lock. Reports each missing,
 * extra or changed file, and manifest entries that the lock does not match.
 */
import { resolve } from 'node:path';
import type { Config } from '../../core/config/config.schema.js';
import { selectedByGlobs } from '../../core/glob.js';
import { parseSource } from '../../core/config/source.js';
import { hashFiles, type HashJob, type HashProgress } from '../hash/hash-files.js';
import type { LockedArtifactModel, Lockfile } from './lockfile.js';
import { walkSource } from './walk.js';

export type VerifyProblemKind = 'missing' | 'extra' | 'changed' | 'unreadable' | 'not-locked' | 'not-in-manifest' | 'source-changed';

/** One reason a model does not verify. */
export interface VerifyProblem {
  model: string;
  kind: VerifyProblemKind;
  path?: string;
  detail: string;
}

/** Per-model summary plus every problem found. */
export interface VerifyReport {
  ok: boolean;
  models: { name: string; ok: boolean; files: number; bytes: number }[];
  problems: VerifyProblem[];
}

export interface VerifyOptions {
  baseDir: string;
  /** Cache path of a hub blob by sha256 (hub models are verified from the cache, offline). */
  blobPath?: (sha256: string) => string;
  onProgress?: HashProgress;
  /** Limit to these model names. */
  only?: readonly string[];
}

interface Check {
  model: string;
  path: string;
  expected: { size: number; sha256: string };
  job: HashJob;
}

/** Verify the lock against the files on disk and the manifest. */
export async function verifyLock(config: Config, lock: Lockfile, options: VerifyOptions): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const checks: Check[] = [];
  const names = new Set([...Object.keys(config.models), ...Object.keys(lock.models)]);
  for (const name of [...names].sort()) {
    if (options.only && !options.only.includes(name)) continue;
    const entry = config.models[name];
    const locked = lock.models[name];
    if (!entry) problems.push({ model: name, kind: 'not-in-manifest', detail: 'locked but no longer in modelgate.yaml (run `modelgate lock`)' });
    else if (!locked) problems.push({ model: name, kind: 'not-locked', detail: 'in modelgate.yaml but not locked (run `modelgate lock`)' });
    else if (locked.kind === 'hosted') {
      if (entry.model !== locked.model || entry.version !== locked.version || entry.provider !== locked.provider) {
        problems.push({ model: name, kind: 'source-changed', detail: `manifest says ${entry.provider}:${entry.model}@${entry.version}, lock says ${locked.provider}:${locked.model}@${locked.version}` });
      }
    } else if (entry.source !== locked.source) {
      problems.push({ model: name, kind: 'source-changed', detail: `manifest says ${entry.source ?? '(hosted)'}, lock says ${locked.source}` });
    } else {
      checks.push(...(await planChecks(name, locked, entry.include, entry.exclude, options, problems)));
    }
  }
  const results = await hashFiles(checks.map((c) => c.job), { onProgress: options.onProgress });
  for (const [i, c] of checks.entries()) {
    const r = results[i];
    if (!r) continue;
    if (!r.ok) {
      const kind = r.code === 'ENOENT' ? 'missing' : 'unreadable';
      problems.push({ model: c.model, kind, path: c.path, detail: kind === 'missing' ? 'file is missing' : r.message });
    } else if (r.sha256 !== c.expected.sha256 || r.size !== c.expected.size) {
      problems.push({ model: c.model, kind: 'changed', path: c.path, detail: `sha256 ${short(r.sha256)} (${r.size} bytes), locked ${short(c.expected.sha256)} (${c.expected.size} bytes)` });
    }
  }
  const models = [...names]
    .filter((n) => !options.only || options.only.includes(n))
    .sort()
    .map((name) => {
      const own = checks.filter((c) => c.model === name);
      return { name, ok: !problems.some((p) => p.model === name), files: own.length, bytes: own.reduce((s, c) => s + c.expected.size, 0) };
    });
  return { ok: problems.length === 0, models, problems };
}

async function planChecks(
  name: string,
  locked: LockedArtifactModel,
  include: string[] | undefined,
  exclude: string[] | undefined,
  options: VerifyOptions,
  problems: VerifyProblem[],
): Promise<Check[]> {
  const parsed = parseSource(locked.source);
  if (!parsed.ok) {
    problems.push({ model: name, kind: 'source-changed', detail: parsed.message });
    return [];
  }
  if (parsed.value.kind === 'hf') {
    const blobPath = options.blobPath;
    return locked.files.map((f) => ({
      model: name,
      path: f.path,
      expected: f,
      job: { path: blobPath ? blobPath(f.sha256) : '', size: f.size },
    }));
  }
  const root = resolve(options.baseDir, parsed.value.path);
  const onDisk = await walkSource(root).catch(() => []);
  const byPath = new Map(onDisk.filter((f) => selectedByGlobs(f.path, include, exclude)).map((f) => [f.path, f]));
  const lockedPaths = new Set(locked.files.map((f) => f.path));
  for (const path of byPath.keys()) {
    if (!lockedPaths.has(path)) problems.push({ model: name, kind: 'extra', path, detail: 'file is not in the lock' });
  }
  return locked.files.map((f) => ({
    model: name,
    path: f.path,
    expected: f,
    job: { path: byPath.get(f.path)?.absolute ?? resolve(root, f.path), size: byPath.get(f.path)?.size ?? f.size },
  }));
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
