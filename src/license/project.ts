/**
 * A project as the license stage sees it: manifest, lock, where model bytes
 * live, how base models are looked up, and each model's chain.
 */
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../core/config/load.js';
import type { Config } from '../core/config/config.schema.js';
import type { Finding } from '../core/findings.js';
import { projectPaths, readLock, type HubPort, type Lockfile, type ProjectPaths } from '../artifacts/index.js';
import { buildChain, type AssumedParent } from './chain/build-chain.js';
import { createProjectLookup, manifestNameFor } from './chain/project-lookup.js';
import { chainFinding } from './chain/rules.js';
import type { Identifier, LicenseChain, ModelLookup, ResolvedModel } from './chain/types.js';
import { loadIdentifier } from './load-identifier.js';
import { folderDocFiles, readModelDocs } from './model-license.js';
import type { AssumedBase } from './policy/lineage-evidence.js';

/** Where the license stage reads models and base models from. */
export interface LicenseSourceOptions {
  configPath?: string;
  /** Cache path of a hub blob by sha256 (locked hub models are read from the cache). */
  blobPath?: (sha256: string) => string;
  /** Hub cache folder, searched offline for base models outside the manifest. */
  cacheDir?: string;
  /** Network access to the hub for base models found nowhere else; offline when absent. */
  onlineHub?: Pick<HubPort, 'snapshot'>;
  /** Replaces the catalog-backed identifier (tests). */
  identifier?: Identifier;
}

/** A model's chain, or why it has none. */
export type ModelChain =
  | { ok: true; name: string; model: ResolvedModel; chain: LicenseChain }
  | { ok: false; name: string; hosted: boolean; finding: Finding };

/** An opened project. */
export interface LicenseProject {
  paths: ProjectPaths;
  config: Config | undefined;
  lock: Lockfile | undefined;
  identifier: Identifier;
  lookup: ModelLookup & { manifestModel(name: string): ReturnType<ModelLookup['lookup']> };
  /** Resolve a manifest model and its chain; `assumed` bases (found by lineage) join it as if declared. */
  chainOf(name: string, assumed?: readonly AssumedBase[]): Promise<ModelChain>;
}

/** Open a project; with `optional`, a missing modelgate.yaml gives a project without a manifest. */
export async function openLicenseProject(options: LicenseSourceOptions & { optional?: boolean } = {}): Promise<LicenseProject> {
  const paths = projectPaths(options.configPath);
  const present = await access(paths.configPath).then(
    () => true,
    () => false,
  );
  const config = present || !options.optional ? await loadConfig(paths.configPath) : undefined;
  const lock = config ? await readLock(paths.lockPath) : undefined;
  const identifier = options.identifier ?? (await loadIdentifier());
  const lookup = createProjectLookup({
    config,
    lock,
    baseDir: paths.baseDir,
    blobPath: options.blobPath,
    cacheDir: options.cacheDir,
    hub: options.onlineHub,
    identifier,
  });
  const chainOf = async (name: string, assumed: readonly AssumedBase[] = []): Promise<ModelChain> => {
    const found = await lookup.manifestModel(name);
    if (!found.ok) {
      const hosted = config?.models[name]?.source === undefined && config?.models[name] !== undefined;
      const message = found.reason ?? `model ${name} is not available (tried ${found.tried.join(', ')}); run \`modelgate lock\``;
      return { ok: false, name, hosted, finding: chainFinding(hosted ? 'license/hosted-model' : 'license/model-unavailable', { file: name, message }) };
    }
    const parents = await Promise.all(assumed.map((a) => assumedParent(a, config, paths.baseDir, lookup, identifier)));
    return { ok: true, name, model: found.model, chain: await buildChain(found.model, { lookup, identifier, assumed: parents }) };
  };
  return { paths, config, lock, identifier, lookup, chainOf };
}

/** Look up a base lineage found: a manifest model by name, else a folder or file relative to modelgate.yaml. */
async function assumedParent(a: AssumedBase, config: Config | undefined, baseDir: string, lookup: ModelLookup, identifier: Identifier): Promise<AssumedParent> {
  const why = `not declared; lineage: ${a.kind ?? 'derived'}`;
  if (manifestNameFor(a.ref, config)) return { ref: a.ref, why, found: await lookup.lookup(a.ref) };
  const abs = resolve(baseDir, a.ref);
  if (!(await stat(abs).catch(() => undefined))) return { ref: a.ref, why, found: { ok: false, tried: ['manifest', 'path'], reason: `${a.ref} does not exist` } };
  const model: ResolvedModel = { key: `path:${abs}`, label: a.ref, via: 'path', docs: await readModelDocs(await folderDocFiles(abs), identifier) };
  return { ref: a.ref, why, found: { ok: true, model } };
}
