/**
 * Model source strings: `./path` or `/abs/path` (local folder or file),
 * `hf:ORG/REPO[@REVISION]` (Hugging Face hub).
 */

export type ModelSource =
  | { kind: 'local'; path: string }
  | { kind: 'hf'; repo: string; revision: string | undefined };

const HF_REPO = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/** Parse a source string; returns an error message instead of throwing. */
export function parseSource(raw: string): { ok: true; value: ModelSource } | { ok: false; message: string } {
  if (raw.startsWith('hf:')) {
    const rest = raw.slice(3);
    const at = rest.indexOf('@');
    const repo = at === -1 ? rest : rest.slice(0, at);
    const revision = at === -1 ? undefined : rest.slice(at + 1);
    if (!HF_REPO.test(repo)) return { ok: false, message: `"${raw}" is not hf:ORG/REPO[@REVISION]` };
    if (revision !== undefined && !/^[\w./-]{1,255}$/.test(revision)) {
      return { ok: false, message: `"${revision}" is not a valid revision` };
    }
    return { ok: true, value: { kind: 'hf', repo, revision } };
  }
  if (raw.startsWith('file:')) return { ok: true, value: { kind: 'local', path: raw.slice(5) } };
  if (raw.startsWith('./') || raw.startsWith('../') || raw.startsWith('/') || raw === '.') {
    return { ok: true, value: { kind: 'local', path: raw } };
  }
  return { ok: false, message: `"${raw}" is neither a local path (./dir, /abs) nor hf:ORG/REPO[@REVISION]` };
}

/** Canonical text form of a source, as written to the lockfile. */
export function formatSource(s: ModelSource): string {
  return s.kind === 'hf' ? `hf:${s.repo}${s.revision ? `@${s.revision}` : ''}` : s.path;
}
