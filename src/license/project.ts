/**
 * A project as the license stage sees it: manifest, lock, where model bytes
 * live, how base models are looked up, and each model's chain.
 */
import { access } from 'node:fs/promises';
import { loadConfig } from '../core/config/load.js';
import type { Config } from '../core/config/config.schema.js';
import type { Finding } from '../core/findings.js';
import { projectPaths, readLock, type HubPort, type Lockfile, type ProjectPaths } from '../artifacts/index.js';
import { buildChain } from './chain/build-chain.js';
import { createProjectLookup } from './chain/project-lookup.js';
import { chainFinding } from './chain/rules.js';
import type { Identifier, LicenseChain, ModelLookup, ResolvedModel } from './chain/types.js';
import { loadIdentifier } from './load-identifier.js';

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
  /** Resolve a manifest model and its chain. */
  chainOf(name: string): Promise<ModelChain>;
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
  const chainOf = async (name: string): Promise<ModelChain> => {
    const found = await lookup.manifestModel(name);
    if (!found.ok) {
      const hosted = config?.models[name]?.source === undefined && config?.models[name] !== undefined;
      const message = found.reason ?? `model ${name} is not available (tried ${found.tried.join(', ')}); run \`modelgate lock\``;
      return { ok: false, name, hosted, finding: chainFinding(hosted ? 'license/hosted-model' : 'license/model-unavailable', { file: name, message }) };
    }
    return { ok: true, name, model: found.model, chain: await buildChain(found.model, { lookup, identifier }) };
  };
  return { paths, config, lock, identifier, lookup, chainOf };
}
