/**
 * `modelgate.lock`: the pinned identity of every model. Stable, sorted,
 * diff-friendly JSON with no timestamps, so the same models always write the
 * same bytes and a review shows only what changed.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { stableJsonFile } from '../../core/sorted-json.js';
import { ARTIFACT_FORMATS } from '../scanner.js';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex sha256');

export const LockedFileSchema = z.strictObject({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: Sha256,
  format: z.enum(ARTIFACT_FORMATS),
});
export type LockedFile = z.infer<typeof LockedFileSchema>;

/** A document a model ships that later stages read (model card, license text). */
export const LockedDocSchema = z.strictObject({ path: z.string().min(1), sha256: Sha256 });
export type LockedDoc = z.infer<typeof LockedDocSchema>;

export const LockedArtifactModelSchema = z.strictObject({
  kind: z.literal('artifact'),
  /** Source as written in modelgate.yaml, without a floating revision. */
  source: z.string().min(1),
  /** Hub commit sha, or `sha256:<digest of the file list>` for local sources. */
  revision: z.string().min(1),
  /** The revision the user asked for (a branch or tag), when it differs. */
  requested: z.string().optional(),
  files: z.array(LockedFileSchema),
  card: LockedDocSchema.optional(),
  license: LockedDocSchema.optional(),
});
export type LockedArtifactModel = z.infer<typeof LockedArtifactModelSchema>;

export const LockedHostedModelSchema = z.strictObject({
  kind: z.literal('hosted'),
  provider: z.string().min(1),
  model: z.string().min(1),
  version: z.string().min(1),
  base_url: z.string().optional(),
});
export type LockedHostedModel = z.infer<typeof LockedHostedModelSchema>;

export const LockedModelSchema = z.discriminatedUnion('kind', [LockedArtifactModelSchema, LockedHostedModelSchema]);
export type LockedModel = z.infer<typeof LockedModelSchema>;

export const LockfileSchema = z.strictObject({
  lockfileVersion: z.literal(1),
  models: z.record(z.string(), LockedModelSchema),
});
export type Lockfile = z.infer<typeof LockfileSchema>;

/** An empty lockfile. */
export function emptyLock(): Lockfile {
  return { lockfileVersion: 1, models: {} };
}

/** Serialize with sorted keys and files, two-space indent, trailing newline. */
export function serializeLock(lock: Lockfile): string {
  const models = Object.fromEntries(
    Object.keys(lock.models)
      .sort()
      .map((name) => {
        const m = lock.models[name] as LockedModel;
        return [name, m.kind === 'artifact' ? { ...m, files: [...m.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) } : m];
      }),
  );
  return stableJsonFile({ lockfileVersion: lock.lockfileVersion, models });
}


/** Parse lockfile text; errors name the file and every problem. */
export function parseLock(text: string, file: string): Lockfile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError('MG_LOCK_INVALID', file, `not valid JSON: ${(e as Error).message}`);
  }
  const parsed = LockfileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InputError('MG_LOCK_INVALID', file, `does not match the lockfile format: ${lines.join('; ')}`);
  }
  return parsed.data;
}

/** Read a lockfile; `undefined` when it does not exist. */
export async function readLock(file: string): Promise<Lockfile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError('MG_INPUT_UNREADABLE', file, `cannot read: ${(e as Error).message}`, e);
  }
  return parseLock(text, file);
}

/** Write atomically (temp file + rename) so a crash never leaves half a lock. */
export async function writeLock(file: string, lock: Lockfile): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, serializeLock(lock));
  await rename(tmp, file);
}
