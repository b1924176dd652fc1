/**
 * The lookup a project uses for base models, in order: the manifest (by
 * model name, or by hub id for a model whose source is `hf:org/repo`), the
 * local hub cache, then the hub itself when network access is allowed.
 */
import { resolve } from 'node:path';
import type { Config } from '../../core/config/config.schema.js';
import { parseSource } from '../../core/config/source.js';
import type { HubPort, Lockfile } from '../../artifacts/index.js';
import { folderDocFiles, lockedDocFiles, readModelDocs } from '../model-license.js';
import { normalizeRef } from './base-models.js';
import { isHubId, lookupInCache, lookupOnHub } from './hub-lookup.js';
import type { Identifier, LookupResult, ModelLookup, ResolvedModel } from './types.js';

/** Where a project's base models may be found. */
export interface ProjectLookupOptions {
  config?: Config;
  lock?: Lockfile;
  /** Folder relative model sources resolve against. */
  baseDir: string;
  /** Cache path of a hub blob (locked hub models are read from the cache). */
  blobPath?: (sha256: string) => string;
  /** Hub cache folder, searched offline for base models outside the manifest. */
  cacheDir?: string;
  /** When set, base models found nowhere else are fetched from the hub. */
  hub?: Pick<HubPort, 'snapshot'>;
  identifier: Pick<Identifier, 'isLicenseFileName'>;
}

/** Create the manifest → cache → hub lookup; results are memoised per reference. */
export function createProjectLookup(options: ProjectLookupOptions): ModelLookup & { manifestModel(name: string): Promise<LookupResult> } {
  const memo = new Map<string, Promise<LookupResult>>();
  const find = async (raw: string): Promise<LookupResult> => {
    const ref = normalizeRef(raw);
    const name = manifestNameFor(ref, options.config);
    if (name) return manifestModel(name, options);
    return externalModel(ref, options, undefined);
  };
  return {
    lookup: (ref) => {
      const key = normalizeRef(ref).toLowerCase();
      let p = memo.get(key);
      if (!p) memo.set(key, (p = find(ref)));
      return p;
    },
    manifestModel: (name) => manifestModel(name, options),
  };
}

/** The manifest model a reference names: by name, or by the hub id of its `hf:` source. */
export function manifestNameFor(ref: string, config: Config | undefined): string | undefined {
  if (!config) return undefined;
  const models = config.models;
  if (models[ref]) return ref;
  const lower = ref.toLowerCase();
  for (const [name, entry] of Object.entries(models).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name.toLowerCase() === lower) return name;
    const src = entry.source ? parseSource(entry.source) : undefined;
    if (src?.ok && src.value.kind === 'hf' && src.value.repo.toLowerCase() === lower) return name;
  }
  return undefined;
}

async function manifestModel(name: string, o: ProjectLookupOptions): Promise<LookupResult> {
  const entry = o.config?.models[name];
  if (!entry) return { ok: false, tried: ['manifest'] };
  if (entry.source === undefined) return { ok: false, tried: ['manifest'], reason: `${name} is a hosted API model; it ships no license documents` };
  const src = parseSource(entry.source);
  if (!src.ok) return { ok: false, tried: ['manifest'], reason: src.message };
  const hubId = src.value.kind === 'hf' ? src.value.repo : undefined;
  const base = { key: `model:${name}`, label: name, via: 'manifest' as const, model: name, ...(hubId ? { hubId } : {}) };
  const locked = o.lock?.models[name];
  if (locked?.kind === 'artifact' && locked.source === entry.source && (src.value.kind === 'local' || o.blobPath)) {
    const docs = await readModelDocs(lockedDocFiles(locked, o.baseDir, o.blobPath), o.identifier);
    return { ok: true, model: { ...base, revision: locked.revision, docs } };
  }
  if (src.value.kind === 'local') {
    const files = await folderDocFiles(resolve(o.baseDir, src.value.path)).catch(() => undefined);
    if (!files) return { ok: false, tried: ['manifest'], reason: `${name}: ${src.value.path} does not exist` };
    return { ok: true, model: { ...base, docs: await readModelDocs(files, o.identifier) } };
  }
  // A hub model that is not locked yet: read it like any other hub id, but keep its manifest name.
  return externalModel(src.value.repo, o, base);
}

async function externalModel(ref: string, o: ProjectLookupOptions, as: Omit<ResolvedModel, 'docs'> | undefined): Promise<LookupResult> {
  const tried = ['manifest'];
  if (!isHubId(ref)) return { ok: false, tried, reason: `"${ref}" is neither a manifest model nor a hub id (org/repo)` };
  const base = as ?? { key: `hf:${ref.toLowerCase()}`, label: ref, via: 'cache' as const };
  if (o.cacheDir) {
    tried.push('local hub cache');
    const cached = await lookupInCache(o.cacheDir, ref, o.identifier);
    if (cached) return { ok: true, model: { ...base, via: as ? 'manifest' : 'cache', ...cached } };
  }
  if (!o.hub) {
    tried.push('hub (offline; allow network access to fetch it)');
    return { ok: false, tried };
  }
  tried.push('hub');
  const fetched = await lookupOnHub(o.hub, ref, o.identifier);
  if (!fetched.ok) return { ok: false, tried, reason: fetched.reason };
  return { ok: true, model: { ...base, via: as ? 'manifest' : 'hub', ...fetched.found } };
}
