/**
 * The evidence record kept beside the saved card and license text of one
 * model revision: what was identified, the obligations it carries (own and
 * inherited), and whether a person accepted it. Stable JSON, no timestamps.
 */
import { stableJsonFile } from '../../core/sorted-json.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { LockedArtifactModel } from '../../artifacts/index.js';
import { collectAncestors } from '../chain/build-chain.js';
import type { LicenseChain, ModelDocs } from '../chain/types.js';
import type { LicenseEvidence, Obligations } from '../types.js';

/** One saved document. */
export interface EvidenceDocument {
  role: 'card' | 'license';
  path: string;
  sha256: string;
}

/** `accepted`: on file and approved; `changed`: differs from the previous revision and awaits approval. */
export type EvidenceStatus = 'accepted' | 'changed';

/** The record of `.modelgate/evidence/<model>/<revision>/record.json`. */
export interface EvidenceRecord {
  version: 1;
  model: string;
  source: string;
  revision: string;
  documents: EvidenceDocument[];
  license: { id: string | null; name: string; kind: string; confidence: number };
  evidence: LicenseEvidence[];
  /** The model's own obligations; null when its license is unidentified. */
  obligations: Obligations | null;
  /** Own and inherited obligations combined. */
  effective: Obligations;
  ancestors: { ref: string; label: string; via: string; revision: string | null; license: string | null }[];
  status: EvidenceStatus;
  /** What changed against the previous revision's record, when anything did. */
  change?: { fromRevision: string; changes: string[] };
}

/** Build the record for a locked model from its documents and chain. */
export function buildRecord(name: string, locked: LockedArtifactModel, docs: ModelDocs, chain: LicenseChain): EvidenceRecord {
  const id = chain.root.identification;
  const documents: EvidenceDocument[] = [
    ...(docs.card ? [{ role: 'card' as const, path: docs.card.path, sha256: docs.card.sha256 }] : []),
    ...docs.licenses.map((d) => ({ role: 'license' as const, path: d.path, sha256: d.sha256 })),
  ];
  return {
    version: 1,
    model: name,
    source: locked.source,
    revision: locked.revision,
    documents,
    license: { id: id?.id ?? null, name: id?.name ?? 'unknown', kind: id?.kind ?? 'unknown', confidence: id?.confidence ?? 0 },
    evidence: id?.evidence ?? [],
    obligations: id?.obligations ?? null,
    effective: chain.effective,
    ancestors: collectAncestors(chain.root).map((n) => ({
      ref: n.ref,
      label: n.label,
      via: n.via,
      revision: n.revision ?? null,
      license: n.identification?.id ?? null,
    })),
    status: 'accepted',
  };
}

/** Folder name for a revision (`sha256:` digests use a dash so the name is portable). */
export function revisionFolder(revision: string): string {
  return revision.replace(/[^A-Za-z0-9._-]/g, '-');
}

/** Where a model revision's evidence lives. */
export function evidenceDir(stateDir: string, model: string, revision: string): string {
  return join(stateDir, 'evidence', model, revisionFolder(revision));
}

/** Serialise with sorted keys and a trailing newline. */
export function serializeRecord(r: EvidenceRecord): string {
  return stableJsonFile(r);
}


/** Read a revision's record; undefined when none was saved. */
export async function readRecord(stateDir: string, model: string, revision: string): Promise<EvidenceRecord | undefined> {
  const file = join(evidenceDir(stateDir, model, revision), 'record.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError('MG_INPUT_UNREADABLE', file, `cannot read: ${(e as Error).message}`, e);
  }
  try {
    const r = JSON.parse(text) as EvidenceRecord;
    if (r.version !== 1 || r.model !== model || !Array.isArray(r.documents)) throw new Error('not an evidence record');
    return r;
  } catch (e) {
    throw new InputError('MG_INPUT_INVALID', file, `${(e as Error).message}; delete it and run \`modelgate lock\``, e);
  }
}
