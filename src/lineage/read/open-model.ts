/**
 * Resolve a `modelgate lineage` argument: a GGUF file, a model folder
 * (safetensors, or a single GGUF inside), or a manifest model of the project
 * whose lock points at local files.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { parseSource } from '../../core/config/source.js';
import { projectPaths, readLock } from '../../artifacts/index.js';
import type { OpenedModel } from '../types.js';
import { openGgufFile } from './gguf-model.js';
import { openSafetensorsFolder } from './safetensors-model.js';

/** Where manifest names are looked up. */
export interface OpenModelOptions {
  /** modelgate.yaml of the project (default ./modelgate.yaml); its lock maps names to files. */
  configPath?: string;
}

async function openPath(abs: string, label: string): Promise<OpenedModel> {
  const info = await stat(abs);
  if (info.isFile()) {
    if (abs.toLowerCase().endsWith('.gguf')) return openGgufFile(abs, label);
    if (abs.toLowerCase().endsWith('.safetensors')) return openSafetensorsFolder(dirname(abs), label);
    throw new InputError('MG_INPUT_INVALID', abs, 'is neither a GGUF file nor a safetensors model');
  }
  const names = await readdir(abs);
  if (names.some((n) => n.endsWith('.safetensors'))) return openSafetensorsFolder(abs, label);
  const ggufs = names.filter((n) => n.toLowerCase().endsWith('.gguf'));
  if (ggufs.length === 1) return openGgufFile(join(abs, ggufs[0] as string), label);
  throw new InputError('MG_INPUT_INVALID', abs, ggufs.length > 1 ? 'holds several GGUF files; name one' : 'holds no safetensors or GGUF weights');
}

/**
 * Open one model by path or manifest name.
 * @example const m = await openModel('./models/base');
 */
export async function openModel(target: string, options: OpenModelOptions = {}): Promise<OpenedModel> {
  const abs = resolve(target);
  if (await stat(abs).catch(() => undefined)) return openPath(abs, target);
  const paths = projectPaths(options.configPath);
  const locked = (await readLock(paths.lockPath))?.models[target];
  if (locked?.kind === 'artifact') {
    const src = parseSource(locked.source);
    if (src.ok && src.value.kind !== 'hf') return openPath(resolve(paths.baseDir, src.value.path), target);
    throw new InputError('MG_INPUT_NOT_FOUND', target, 'is a hub model; lineage reads local files (download it, then pass its folder)');
  }
  throw new InputError('MG_INPUT_NOT_FOUND', target, 'is not a file, a folder or a locked manifest model');
}
