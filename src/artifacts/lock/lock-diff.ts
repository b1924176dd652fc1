/**
 * What changed between two lockfiles, in the words a reviewer needs: a model
 * moved to another revision, files changed, or its card or license changed
 * (a license change means the user must re-approve).
 */
import type { LockedModel, Lockfile } from './lockfile.js';

export type LockChangeKind = 'added' | 'removed' | 'revision' | 'files' | 'card' | 'license' | 'hosted-version';

/** One change to one model. */
export interface LockChange {
  model: string;
  kind: LockChangeKind;
  detail: string;
}

/** Compare the old and new lock, model by model. */
export function diffLocks(before: Lockfile | undefined, after: Lockfile): LockChange[] {
  const changes: LockChange[] = [];
  const old = before?.models ?? {};
  for (const name of Object.keys(old).sort()) {
    if (!after.models[name]) changes.push({ model: name, kind: 'removed', detail: 'no longer locked' });
  }
  for (const name of Object.keys(after.models).sort()) {
    const a = old[name];
    const b = after.models[name] as LockedModel;
    if (!a) changes.push({ model: name, kind: 'added', detail: b.kind === 'artifact' ? `${b.files.length} files at ${b.revision}` : `${b.provider}:${b.model}@${b.version}` });
    else changes.push(...diffModel(name, a, b));
  }
  return changes;
}

function diffModel(name: string, a: LockedModel, b: LockedModel): LockChange[] {
  if (a.kind === 'hosted' || b.kind === 'hosted') {
    const same = JSON.stringify(a) === JSON.stringify(b);
    return same ? [] : [{ model: name, kind: 'hosted-version', detail: `${describe(a)} -> ${describe(b)}` }];
  }
  const out: LockChange[] = [];
  if (a.revision !== b.revision) out.push({ model: name, kind: 'revision', detail: `${a.revision} -> ${b.revision}` });
  const before = new Map(a.files.map((f) => [f.path, f.sha256]));
  const after = new Map(b.files.map((f) => [f.path, f.sha256]));
  const added = [...after.keys()].filter((p) => !before.has(p));
  const removed = [...before.keys()].filter((p) => !after.has(p));
  const changed = [...after.keys()].filter((p) => before.has(p) && before.get(p) !== after.get(p));
  if (added.length + removed.length + changed.length > 0) {
    const parts = [list('added', added), list('removed', removed), list('changed', changed)].filter(Boolean);
    out.push({ model: name, kind: 'files', detail: parts.join('; ') });
  }
  if (a.card?.sha256 !== b.card?.sha256) out.push({ model: name, kind: 'card', detail: `model card ${a.card ? 'changed' : 'appeared'}${b.card ? '' : ' (now missing)'}` });
  if (a.license?.sha256 !== b.license?.sha256) {
    out.push({ model: name, kind: 'license', detail: `license text ${a.license ? 'changed' : 'appeared'}${b.license ? '' : ' (now missing)'}: review and re-approve it` });
  }
  return out;
}

function list(label: string, paths: string[]): string {
  if (paths.length === 0) return '';
  const shown = paths.slice(0, 5).join(', ');
  return `${label} ${shown}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`;
}

function describe(m: LockedModel): string {
  return m.kind === 'hosted' ? `${m.provider}:${m.model}@${m.version}` : `${m.source}@${m.revision}`;
}
