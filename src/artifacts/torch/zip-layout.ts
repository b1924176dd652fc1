/**
 * The layout of a torch.save zip: torch (miniz) takes the folder of the
 * first central entry as the archive prefix and reads `<prefix>/data.pkl`,
 * `<prefix>/version` or `<prefix>/.data/version`, optional `byteorder` and
 * `.data/serialization_id`, and raw storages `<prefix>/data/<key>`. miniz
 * matches names case-insensitively, so this module does too.
 */
import type { Finding } from '../../core/findings.js';
import { report } from '../zip/report.js';
import { TORCH_NO_DATA_PKL, TORCH_UNEXPECTED_PICKLE } from './rules.js';

const TORCH_EXTENSIONS = /\.(pt|pth|bin|ckpt)$/i;
// Pickles a torch or TorchScript archive legitimately holds, relative to the prefix.
const EXPECTED_PICKLES = /^(data\.pkl|constants\.pkl|bytecode\.pkl|code\/.+\.debug_pkl)$/;
const STORAGE = /^(data|tensors)\/\d+$/;

/** What the member names say about a zip being a torch save. */
export interface TorchZipLayout {
  /** The zip has `<prefix>/data.pkl` for the prefix torch would use. */
  isTorch: boolean;
  prefix?: string;
  findings: Finding[];
}

/** Recognise the torch layout from the central directory's names, in order. */
export function analyseTorchZip(fileName: string, names: readonly string[]): TorchZipLayout {
  const first = names[0];
  const slash = first?.indexOf('/') ?? -1;
  const prefix = first !== undefined && slash > 0 ? first.slice(0, slash).toLowerCase() : undefined;
  const isTorch = prefix !== undefined && names.some((n) => n.toLowerCase() === `${prefix}/data.pkl`);
  const findings: Finding[] = [];
  const outerBase = fileName.slice(fileName.lastIndexOf('!') + 1);
  if (!isTorch && TORCH_EXTENSIONS.test(outerBase)) {
    findings.push(report(TORCH_NO_DATA_PKL, fileName, 'named like a torch checkpoint, but the zip has no <prefix>/data.pkl that torch.load would read'));
  }
  return { isTorch, ...(prefix !== undefined ? { prefix } : {}), findings };
}

function relative(layout: TorchZipLayout, name: string): string | undefined {
  const lower = name.toLowerCase();
  return layout.prefix !== undefined && lower.startsWith(`${layout.prefix}/`) ? lower.slice(layout.prefix.length + 1) : undefined;
}

/** True for `<prefix>/data/<n>` raw tensor storages, which hold bytes rather than a format. */
export function isTorchStorage(layout: TorchZipLayout, name: string): boolean {
  const rel = layout.isTorch ? relative(layout, name) : undefined;
  return rel !== undefined && STORAGE.test(rel);
}

/** A finding when a member detected as a pickle sits where torch never reads one. */
export function checkTorchPickle(layout: TorchZipLayout, fileName: string, memberName: string): Finding | undefined {
  if (!layout.isTorch) return undefined;
  const rel = relative(layout, memberName);
  if (rel !== undefined && EXPECTED_PICKLES.test(rel)) return undefined;
  const where = rel === undefined ? `outside the archive prefix ${layout.prefix ?? ''}/ that torch.load reads` : 'where torch expects no pickle';
  return report(TORCH_UNEXPECTED_PICKLE, fileName, `pickle ${memberName} sits ${where}`, { evidence: memberName });
}
