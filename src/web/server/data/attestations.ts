/**
 * Gate attestations as the gate writes them: `.modelgate/attestations/<model>/*.json`.
 * Read tolerantly: the format may grow, a folder may be missing, a file may be bad.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One attestation file, with the few fields the dashboard picks out and the rest as is. */
export interface Attestation {
  file: string;
  model: string;
  revision: string | undefined;
  time: string | undefined;
  /** `passed`, `failed` or `unknown` when the file does not say. */
  status: 'passed' | 'failed' | 'unknown';
  data: Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function statusOf(d: Record<string, unknown>): Attestation['status'] {
  const v = d['passed'] ?? d['pass'] ?? d['ok'] ?? d['status'] ?? d['verdict'] ?? d['result'];
  if (v === true || v === 'passed' || v === 'pass' || v === 'ok' || v === 'admitted') return 'passed';
  if (v === false || v === 'failed' || v === 'fail' || v === 'blocked' || v === 'rejected') return 'failed';
  return 'unknown';
}

/** Model names that have an attestation folder. */
export async function attestedModels(stateDir: string): Promise<string[]> {
  try {
    const entries = await readdir(join(stateDir, 'attestations'), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}

/** A model's attestations, newest first; empty when there are none. */
export async function readAttestations(stateDir: string, model: string): Promise<Attestation[]> {
  if (model.includes('/') || model.includes('\\') || model.startsWith('.')) return [];
  const dir = join(stateDir, 'attestations', model);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const out: Attestation[] = [];
  for (const file of names) {
    try {
      const raw = JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) continue;
      const d = raw as Record<string, unknown>;
      const time = str(d['createdAt']) ?? str(d['time']) ?? str(d['ts']) ?? str(d['timestamp']) ?? str(d['issuedAt']);
      out.push({ file, model, revision: str(d['revision']), time, status: statusOf(d), data: d });
    } catch {
      // An unreadable attestation is skipped, not fatal to the page.
    }
  }
  return out.sort((a, b) => (b.time ?? b.file).localeCompare(a.time ?? a.file));
}
