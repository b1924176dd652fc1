/** Approve a changed license: the person has read the new terms on file. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import { projectPaths, readLock } from '../../artifacts/index.js';
import { evidenceDir, readRecord, serializeRecord, type EvidenceRecord } from './record.js';

/**
 * Mark the evidence of a model's locked revision as accepted.
 * @example await acceptLicenseChange('chat', { configPath: 'modelgate.yaml' });
 */
export async function acceptLicenseChange(model: string, options: { configPath?: string } = {}): Promise<EvidenceRecord> {
  const paths = projectPaths(options.configPath);
  const lock = await readLock(paths.lockPath);
  if (!lock) throw new InputError('MG_LOCK_NOT_FOUND', paths.lockPath, 'not found (run `modelgate lock` first)');
  const locked = lock.models[model];
  if (!locked) throw new InputError('MG_MODEL_UNKNOWN', paths.lockPath, `no locked model "${model}"`);
  if (locked.kind !== 'artifact') throw new InputError('MG_INPUT_INVALID', paths.lockPath, `${model} is a hosted API model; it has no license evidence`);
  const record = await readRecord(paths.stateDir, model, locked.revision);
  if (!record) throw new InputError('MG_INPUT_NOT_FOUND', evidenceDir(paths.stateDir, model, locked.revision), 'no license evidence on file; run `modelgate lock`');
  if (record.status === 'accepted') return record;
  const accepted: EvidenceRecord = { ...record, status: 'accepted' };
  await writeFile(join(evidenceDir(paths.stateDir, model, locked.revision), 'record.json'), serializeRecord(accepted));
  return accepted;
}
