/**
 * Before a run calls anything: the project's manifest and lockfile (both
 * optional), the models to run (`--models` wins over the suite's lists), the
 * baseline, and the store. Every problem here is exit 2, before any money
 * is spent.
 */
import { access } from 'node:fs/promises';
import { readLock, projectPaths, type Lockfile } from '../../artifacts/index.js';
import { loadConfig, type Config } from '../../core/index.js';
import { UsageError } from '../../core/errors.js';
import { openStore, type Store } from '../../store/index.js';
import type { LoadedSuite, ModelSpec } from '../suite/types.js';
import { resolveModels, type ModelTarget, type ResolveContext } from './models.js';

/** The project a run belongs to. */
export interface ProjectContext {
  config?: Config;
  lock?: Lockfile;
  projectDir: string;
  stateDir: string;
}

/**
 * Read modelgate.yaml and modelgate.lock when present. A missing default
 * config is fine (refs and promptfoo ids need none); a missing explicit one
 * is an error.
 */
export async function readProject(configPath: string | undefined): Promise<ProjectContext> {
  const paths = projectPaths(configPath ?? 'modelgate.yaml');
  const exists = await access(paths.configPath).then(
    () => true,
    () => false,
  );
  if (!exists) {
    if (configPath !== undefined) await loadConfig(configPath); // throws the usual not-found error
    return { projectDir: paths.baseDir, stateDir: paths.stateDir };
  }
  const config = await loadConfig(paths.configPath);
  const lock = await readLock(paths.lockPath);
  return { config, ...(lock ? { lock } : {}), projectDir: paths.baseDir, stateDir: paths.stateDir };
}

/** The model specs of a run: `--models` when given, else the suite's `models:` and `providers:`. */
export function modelSpecsFor(suite: LoadedSuite, models: readonly string[] | undefined): ModelSpec[] {
  if (models && models.length > 0) return models.map((ref) => ({ ref, where: '--models' }));
  if (suite.models.length > 0) return suite.models;
  throw new UsageError(`${suite.path}: no models to run; pass --models a,b or list models (or providers) in the suite`);
}

/** Resolve the models and check the baseline names one of them. */
export async function planModels(
  suite: LoadedSuite,
  project: ProjectContext,
  o: { models?: readonly string[]; baseline?: string; env: ResolveContext['env']; blobPath?: (sha256: string) => string },
): Promise<{ targets: ModelTarget[]; baseline?: string; resolve: (ref: string) => Promise<ModelTarget> }> {
  const ctx: ResolveContext = {
    projectDir: project.projectDir,
    suiteDir: suite.baseDir,
    env: o.env,
    ...(project.config ? { config: project.config } : {}),
    ...(project.lock ? { lock: project.lock } : {}),
    ...(o.blobPath ? { blobPath: o.blobPath } : {}),
  };
  const targets = await resolveModels(modelSpecsFor(suite, o.models), ctx, suite.path);
  const baseline = o.baseline ?? suite.baseline;
  if (baseline !== undefined && !targets.some((t) => t.label === baseline)) {
    throw new UsageError(`baseline "${baseline}" is not one of the models in this run (${targets.map((t) => t.label).join(', ')})`);
  }
  const resolve = async (ref: string) => (await resolveModels([{ ref, where: 'judge' }], ctx, suite.path))[0] as ModelTarget;
  return { targets, ...(baseline !== undefined ? { baseline } : {}), resolve };
}

/** The store a run writes to: the caller's, or the project's (URL, else SQLite under `.modelgate/`). */
export async function storeFor(o: { store?: Store; storeUrl?: string }, project: ProjectContext): Promise<{ store: Store; owned: boolean }> {
  if (o.store) return { store: o.store, owned: false };
  return { store: await openStore(o.storeUrl, { stateDir: project.stateDir }), owned: true };
}

/** A run id that sorts by start time and is short enough to type: `20250131-142501-7f3a`. */
export function newRunId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0')}`;
}
