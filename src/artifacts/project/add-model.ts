/**
 * `modelgate add`: put a model in modelgate.yaml (keeping the file's comments
 * and layout) and lock it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { MODEL_NAME } from '../../core/config/config.schema.js';
import { parseSource } from '../../core/config/source.js';
import { ConfigError, InputError, ModelgateError, UsageError } from '../../core/errors.js';
import { lockProject, type LockProjectOptions, type LockProjectResult } from './lock-project.js';
import { projectPaths } from './paths.js';

export interface AddModelOptions extends Omit<LockProjectOptions, 'only'> {
  name?: string;
  include?: string[];
  /** How to lock after adding (default `lockProject`); the license layer passes its evidence-keeping lock. */
  lock?: (options: LockProjectOptions) => Promise<LockProjectResult>;
}

/** Add a source under a name (derived from the source when not given), then lock it. */
export async function addModel(source: string, options: AddModelOptions = {}): Promise<LockProjectResult & { name: string }> {
  const parsed = parseSource(source);
  if (!parsed.ok) throw new UsageError(parsed.message);
  const name = options.name ?? defaultName(source);
  if (!MODEL_NAME.test(name)) throw new UsageError(`"${name}" is not a valid model name; pass --name`);
  const paths = projectPaths(options.configPath);
  let text: string;
  try {
    text = await readFile(paths.configPath, 'utf8');
  } catch {
    throw new ConfigError('MG_CONFIG_NOT_FOUND', paths.configPath, 'not found (run `modelgate init` first)');
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ConfigError('MG_CONFIG_YAML', paths.configPath, doc.errors[0]?.message.split('\n')[0] ?? 'invalid YAML');
  const existing: unknown = doc.getIn(['models', name, 'source']);
  if (existing !== undefined && existing !== source) {
    throw new ModelgateError('MG_EXISTS', `model "${name}" already has source ${String(existing)}; pick another --name`, 2, { file: paths.configPath });
  }
  if (!isMap(doc.get('models'))) doc.set('models', doc.createNode({}));
  doc.setIn(['models', name], doc.createNode({ source, ...(options.include ? { include: options.include } : {}) }));
  const previousText = text;
  await writeFile(paths.configPath, doc.toString());
  try {
    const lock = options.lock ?? lockProject;
    return { name, ...(await lock({ ...options, only: [name] })) };
  } catch (e) {
    // Leave the manifest as it was when the model cannot be locked.
    await writeFile(paths.configPath, previousText);
    if (e instanceof ModelgateError) throw e;
    throw new InputError('MG_INPUT_UNREADABLE', source, (e as Error).message, e);
  }
}

function defaultName(source: string): string {
  const parsed = parseSource(source);
  const raw = parsed.ok && parsed.value.kind === 'hf' ? (parsed.value.repo.split('/')[1] ?? '') : basename(source.replace(/\/+$/, ''), extname(source));
  return raw.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 64) || 'model';
}
