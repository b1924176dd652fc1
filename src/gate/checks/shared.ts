/** Helpers the check descriptors share: a model's files on disk, its lock digest, result builders. */
import { resolve } from 'node:path';
import type { LockedModel } from '../../artifacts/index.js';
import { parseSource } from '../../core/index.js';
import { digestOf } from '../digest.js';
import type { CheckResult, GateContext, GateSubject } from '../types.js';

/** Absolute paths of a locked artifact model's files; undefined for hosted models, [] when they cannot be located. */
export function artifactFiles(locked: LockedModel, ctx: GateContext): string[] | undefined {
  if (locked.kind !== 'artifact') return undefined;
  const src = parseSource(locked.source);
  if (!src.ok) return [];
  const blobPath = ctx.blobPath;
  if (src.value.kind === 'hf') return blobPath ? locked.files.map((f) => blobPath(f.sha256)) : [];
  const root = resolve(ctx.paths.baseDir, src.value.path);
  // A single-file source (`./m.gguf`) locks one file named like the source itself.
  return locked.files.length === 1 && root.endsWith(locked.files[0]?.path ?? '\u0000') ? [root] : locked.files.map((f) => resolve(root, f.path));
}

/** The digest parts every artifact-reading check starts from. */
export function baseInputs(ctx: GateContext, s: GateSubject): Record<string, string> {
  return { lock: digestOf(s.locked), modelgate: ctx.version };
}

/** A result in one call. */
export function result(passed: boolean, summary: string, details: unknown = null, thresholds: unknown = null): CheckResult {
  return { passed, summary, details, thresholds };
}

/** How evals and the red team call a model: its `gate.serve` ref, else its manifest name. */
export function targetOf(ctx: GateContext, model: string): string {
  return ctx.config.gate?.serve[model] ?? model;
}

/** The provider config a call to `target` uses (its cache key part), without anything secret. */
export function providerInputs(ctx: GateContext, target: string): string {
  const entry = ctx.config.models[target];
  const providerId = entry?.provider ?? target.split(':')[0] ?? target;
  return digestOf({ target, entry: entry ?? null, provider: ctx.config.providers[providerId] ?? null });
}
