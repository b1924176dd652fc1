/**
 * Which models a run calls: manifest names (hosted entries, or locked GGUF
 * artifacts run by the `local` provider), provider refs (`vllm:qwen2.5-7b`,
 * `local:./m.gguf`, ids declared under `providers:` in modelgate.yaml), and
 * promptfoo provider ids. Each becomes a provider config plus the identity
 * the response cache is keyed on (never a credential).
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { LockedModel, Lockfile } from '../../artifacts/index.js';
import { parseSource, type Config } from '../../core/index.js';
import { InputError } from '../../core/errors.js';
import { PROVIDER_TYPES, providerConfigFromRef, type ProviderConfig, type ProviderType } from '../../providers/index.js';
import type { ModelSpec } from '../suite/types.js';
import { fromPromptfooId, unsupportedReason } from './promptfoo-ids.js';

/** A model ready to instantiate. */
export interface ModelTarget {
  label: string;
  /** Provider instance id (used in messages and metrics). */
  providerId: string;
  config: ProviderConfig;
  /** Per-model request settings (promptfoo provider `config`). */
  request: Record<string, unknown>;
  /** What the cache key names: provider type, base URL, model and pinned revision. */
  identity: { provider: string; base_url: string | null; model: string; revision: string | null };
}

/** What resolution may consult. */
export interface ResolveContext {
  config?: Config;
  lock?: Lockfile;
  /** Folder manifest sources resolve against (the config's). */
  projectDir: string;
  /** Folder suite-relative `local:` paths resolve against. */
  suiteDir: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Where hub files live in the cache, for locked `hf:` GGUF models. */
  blobPath?: (sha256: string) => string;
}

type Resolved = { ok: true; target: Omit<ModelTarget, 'label'> } | { ok: false; message: string; unsupported?: boolean };

function identityOf(config: ProviderConfig, revision: string | null): ModelTarget['identity'] {
  const model = config.type === 'local' ? basename(config.model_path ?? 'model.gguf') : (config.model ?? '');
  return { provider: config.type, base_url: config.base_url ?? null, model, revision };
}

async function localFile(path: string): Promise<{ ok: true; revision: string } | { ok: false; message: string }> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return { ok: false, message: `${path} is not a file` };
  // Unlocked files are pinned by size and mtime: hashing a multi-GB GGUF per run would cost more than the run.
  return { ok: true, revision: `file:${info.size}:${Math.floor(info.mtimeMs)}` };
}

async function fromManifest(name: string, ctx: ResolveContext): Promise<Resolved | undefined> {
  const entry = ctx.config?.models[name];
  if (!entry) return undefined;
  const locked: LockedModel | undefined = ctx.lock?.models[name];
  if (entry.provider && entry.model) {
    const declared = ctx.config?.providers[entry.provider];
    if (!declared && !(PROVIDER_TYPES as readonly string[]).includes(entry.provider)) {
      return { ok: false, message: `model "${name}" names provider "${entry.provider}", which is neither declared under providers: nor a provider type` };
    }
    const config: ProviderConfig = declared ? { ...declared, model: entry.model } : { type: entry.provider as ProviderType, model: entry.model };
    if (entry.base_url) config.base_url = entry.base_url;
    const revision = locked?.kind === 'hosted' ? locked.version : (entry.version ?? null);
    return { ok: true, target: { providerId: declared ? entry.provider : config.type, config, request: {}, identity: identityOf(config, revision) } };
  }
  if (!entry.source) return { ok: false, message: `model "${name}" has neither source nor provider/model` };
  const src = parseSource(entry.source);
  if (!src.ok) return { ok: false, message: src.message };
  let gguf: string | undefined;
  if (locked?.kind === 'artifact') {
    const file = locked.files.find((f) => f.format === 'gguf');
    if (!file) return { ok: false, message: `model "${name}" has no GGUF file; only GGUF artifacts run locally (serve others behind an OpenAI-compatible server)` };
    if (src.value.kind === 'hf') gguf = ctx.blobPath?.(file.sha256);
    else {
      const root = resolve(ctx.projectDir, src.value.path);
      gguf = locked.files.length === 1 && file.path === basename(root) ? root : resolve(root, file.path);
    }
  } else if (src.value.kind === 'local' && src.value.path.toLowerCase().endsWith('.gguf')) gguf = resolve(ctx.projectDir, src.value.path);
  if (!gguf) return { ok: false, message: `model "${name}" is not locked; run \`modelgate lock\` first` };
  const file = await localFile(gguf);
  if (!file.ok) return file;
  const config: ProviderConfig = { type: 'local', model_path: gguf, model: name };
  const revision = locked?.kind === 'artifact' ? locked.revision : file.revision;
  return { ok: true, target: { providerId: 'local', config, request: {}, identity: { provider: 'local', base_url: null, model: name, revision } } };
}

async function fromRef(spec: ModelSpec, ctx: ResolveContext): Promise<Resolved> {
  const why = unsupportedReason(spec.ref);
  if (why) return { ok: false, message: why, unsupported: true };
  if (!spec.ref.includes(':')) {
    const m = await fromManifest(spec.ref, ctx);
    return m ?? { ok: false, message: `"${spec.ref}" is not a model in modelgate.yaml (and not PROVIDER:MODEL)` };
  }
  const declared = ctx.config?.providers ?? {};
  const pf = declared[spec.ref.split(':')[0] ?? ''] ? undefined : fromPromptfooId(spec.ref, spec.config ?? {}, ctx.env);
  if (pf && 'error' in pf) return { ok: false, message: pf.error, unsupported: true };
  if (pf) return { ok: true, target: { providerId: pf.config.type, config: pf.config, request: pf.request, identity: identityOf(pf.config, null) } };
  const r = providerConfigFromRef(spec.ref, declared);
  if (!r.ok) return { ok: false, message: r.message };
  const own = entryConfig(spec.config ?? {});
  let config: ProviderConfig = { ...r.config, ...own.provider };
  let revision: string | null = null;
  if (config.type === 'local' && config.model_path) {
    const abs = resolve(spec.where === '--models' ? process.cwd() : ctx.suiteDir, config.model_path);
    const file = await localFile(abs);
    if (!file.ok) return file;
    config = { ...config, model_path: abs };
    revision = file.revision;
  }
  return { ok: true, target: { providerId: r.id, config, request: own.request, identity: identityOf(config, revision) } };
}

/**
 * A suite's provider entry may set, for a modelgate ref, where the model
 * lives and what it costs (`base_url`, `pricing` in USD per 1M tokens,
 * `api_key_env`) and request parameters; promptfoo's `apiBaseUrl` works too.
 */
function entryConfig(cfg: Record<string, unknown>): { provider: Partial<ProviderConfig>; request: Record<string, unknown> } {
  const provider: Partial<ProviderConfig> = {};
  const base = cfg.base_url ?? cfg.apiBaseUrl;
  if (typeof base === 'string') provider.base_url = base;
  const pricing = cfg.pricing as { input?: unknown; output?: unknown } | undefined;
  if (pricing && typeof pricing.input === 'number' && typeof pricing.output === 'number') provider.pricing = { input: pricing.input, output: pricing.output };
  if (typeof cfg.api_key_env === 'string') provider.api_key_env = cfg.api_key_env;
  const request: Record<string, unknown> = {};
  for (const k of ['temperature', 'top_p', 'max_tokens', 'seed', 'stop', 'response_format']) if (cfg[k] !== undefined) request[k] = cfg[k];
  return { provider, request };
}

/**
 * Resolve every model; problems are collected and thrown together (exit 2),
 * naming each model and where it was listed.
 */
export async function resolveModels(specs: readonly ModelSpec[], ctx: ResolveContext, file: string): Promise<ModelTarget[]> {
  const targets: ModelTarget[] = [];
  const problems: string[] = [];
  let unsupported = false;
  for (const spec of specs) {
    const r = await fromRef(spec, ctx);
    if (!r.ok) {
      problems.push(`${spec.where}: "${spec.ref}": ${r.message}`);
      unsupported ||= r.unsupported === true;
      continue;
    }
    const label = spec.label ?? spec.ref;
    if (targets.some((t) => t.label === label)) problems.push(`${spec.where}: the model "${label}" is listed twice; give one a label`);
    else targets.push({ label, ...r.target });
  }
  if (problems.length > 0) {
    const head = unsupported ? 'unsupported or unknown models' : 'unknown models';
    throw new InputError(unsupported ? 'MG_INPUT_INVALID' : 'MG_MODEL_UNKNOWN', file, `${head}\n${problems.join('\n')}`);
  }
  return targets;
}
