/**
 * Build the lock entry of one model: hash and identify every file of a local
 * source, or fetch a hub snapshot pinned to a commit.
 */
import { resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { selectedByGlobs } from '../../core/glob.js';
import { parseSource } from '../../core/config/source.js';
import type { ModelEntry } from '../../core/config/model.schema.js';
import { detectFormat } from '../detect.js';
import { hashFiles, type HashProgress } from '../hash/hash-files.js';
import { fileSource } from '../io/byte-source.js';
import type { ArtifactFormat } from '../scanner.js';
import type { HubPort } from './hub-port.js';
import type { LockedArtifactModel, LockedFile, LockedModel } from './lockfile.js';
import { treeDigest } from './fingerprint.js';
import { findCard, findLicense } from './model-docs.js';
import { walkSource } from './walk.js';

export interface LockModelOptions {
  /** Folder that relative sources are resolved against (the config's folder). */
  baseDir: string;
  hub?: HubPort;
  /** The existing lock entry: a hub model keeps its pinned commit unless `update`. */
  previous?: LockedModel;
  update?: boolean;
  onProgress?: HashProgress;
}

/** Produce the lock entry for a manifest model. */
export async function lockModel(name: string, entry: ModelEntry, options: LockModelOptions): Promise<LockedModel> {
  if (entry.source === undefined) {
    return {
      kind: 'hosted',
      provider: entry.provider ?? '',
      model: entry.model ?? '',
      version: entry.version ?? '',
      ...(entry.base_url ? { base_url: entry.base_url } : {}),
    };
  }
  const parsed = parseSource(entry.source);
  if (!parsed.ok) throw new InputError('MG_SOURCE_INVALID', undefined, `model ${name}: ${parsed.message}`);
  const src = parsed.value;
  if (src.kind === 'local') return lockLocal(entry, resolve(options.baseDir, src.path), options);
  if (!options.hub) throw new InputError('MG_SOURCE_INVALID', undefined, `model ${name}: no hub client configured`);
  const prev = options.previous?.kind === 'artifact' && options.previous.source === entry.source ? options.previous : undefined;
  const revision = !options.update && prev ? prev.revision : (src.revision ?? 'main');
  const snap = await options.hub.snapshot(src.repo, revision, { include: entry.include, exclude: entry.exclude });
  const files: LockedFile[] = [];
  for (const f of snap.files) files.push({ path: f.path, size: f.size, sha256: f.sha256, format: await formatOf(f.blobPath, f.path) });
  return withDocs({
    kind: 'artifact',
    source: entry.source,
    revision: snap.sha,
    ...(src.revision && src.revision !== snap.sha ? { requested: src.revision } : {}),
    files,
  });
}

async function lockLocal(entry: ModelEntry, root: string, options: LockModelOptions): Promise<LockedArtifactModel> {
  const walked = (await walkSource(root)).filter((f) => selectedByGlobs(f.path, entry.include, entry.exclude));
  const hashed = await hashFiles(walked.map((f) => ({ path: f.absolute, size: f.size })), { onProgress: options.onProgress });
  const files: LockedFile[] = [];
  for (const [i, f] of walked.entries()) {
    const h = hashed[i];
    if (!h?.ok) throw new InputError('MG_INPUT_UNREADABLE', f.absolute, `cannot read: ${h?.message ?? 'unknown error'}`);
    files.push({ path: f.path, size: h.size, sha256: h.sha256, format: await formatOf(f.absolute, f.path) });
  }
  return withDocs({ kind: 'artifact', source: entry.source ?? '', revision: treeDigest(files), files });
}

function withDocs(model: LockedArtifactModel): LockedArtifactModel {
  const paths = model.files.map((f) => f.path);
  const doc = (p: string | undefined) => {
    const f = p === undefined ? undefined : model.files.find((x) => x.path === p);
    return f ? { path: f.path, sha256: f.sha256 } : undefined;
  };
  const card = doc(findCard(paths));
  const license = doc(findLicense(paths));
  return { ...model, ...(card ? { card } : {}), ...(license ? { license } : {}) };
}

async function formatOf(absolute: string, name: string): Promise<ArtifactFormat> {
  const src = await fileSource(absolute, name);
  try {
    return await detectFormat(src);
  } finally {
    await src.close();
  }
}
