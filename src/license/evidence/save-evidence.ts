/**
 * Keep the exact card and license text of a model revision, with the record
 * of what they were identified as, under `.modelgate/evidence/<model>/<revision>/`.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { ModelDoc, ModelDocs } from '../chain/types.js';
import { evidenceDir, serializeRecord, type EvidenceRecord } from './record.js';

/** Save the documents and the record; returns the evidence folder. */
export async function saveEvidence(stateDir: string, record: EvidenceRecord, docs: ModelDocs): Promise<string> {
  const dir = evidenceDir(stateDir, record.model, record.revision);
  await mkdir(dir, { recursive: true });
  for (const doc of [docs.card, ...docs.licenses]) if (doc) await saveDoc(dir, doc);
  await writeAtomic(join(dir, 'record.json'), serializeRecord(record));
  return dir;
}

/** Path of a saved document inside the evidence folder. */
export function savedDocPath(dir: string, path: string): string {
  return join(dir, basename(path));
}

async function saveDoc(dir: string, doc: ModelDoc): Promise<void> {
  const target = savedDocPath(dir, doc.path);
  const tmp = `${target}.${process.pid}.tmp`;
  // Copy the bytes rather than re-encoding the text, so the file on record is exact.
  if (doc.absolute) await copyFile(doc.absolute, tmp);
  else await writeFile(tmp, doc.text);
  const sha = createHash('sha256').update(await readFile(tmp)).digest('hex');
  if (sha !== doc.sha256) throw new InputError('MG_INPUT_UNREADABLE', doc.absolute ?? doc.path, 'changed while it was being saved as evidence; run the command again');
  await rename(tmp, target);
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
