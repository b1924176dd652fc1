/**
 * The tar scan: walk members, judge their names and types, and hand each
 * regular member back to the dispatcher as a zero-copy window. Legacy torch
 * records are walked pickle by pickle.
 */
import type { Finding } from '../../core/findings.js';
import { sliceSource, type ByteSource } from '../io/byte-source.js';
import type { ScanContext } from '../scanner.js';
import { LEGACY_RECORDS, scanLegacyRecord } from '../torch/legacy-tar.js';
import { printable } from '../zip/bytes.js';
import { checkMemberPath, linkEscapes } from '../zip/member-path.js';
import { routeMember } from '../zip/nested.js';
import { capFindings, report } from '../zip/report.js';
import { readTarMembers, type TarMember } from './reader.js';
import { TAR_DUPLICATE_NAME, TAR_LINK, TAR_MALFORMED, TAR_PATH_TRAVERSAL, TAR_SPECIAL_FILE } from './rules.js';

/** Most members walked in one archive (each costs at least a 512-byte header). */
const MAX_MEMBERS = 1_000_000;
const LINK_TYPES: Record<string, string> = { '1': 'hard link', '2': 'symbolic link' };
const SPECIAL_TYPES: Record<string, string> = { '3': 'character device', '4': 'block device', '6': 'FIFO' };

/** Scan a tar archive and every member in it. */
export async function scanTarArchive(src: ByteSource, ctx: ScanContext): Promise<Finding[]> {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let count = 0;
  for await (const member of readTarMembers(src, findings, ctx.budget.deadline)) {
    if (++count > MAX_MEMBERS) {
      findings.push(report(TAR_MALFORMED, src.name, `more than ${MAX_MEMBERS} members; the rest was not scanned`, { severity: 'high' }));
      break;
    }
    findings.push(...checkMember(src.name, member, seen));
    findings.push(...(await scanMemberData(src, ctx, member)));
  }
  return capFindings(findings, src.name);
}

function checkMember(file: string, m: TarMember, seen: Set<string>): Finding[] {
  const findings: Finding[] = [];
  const shown = printable(m.name);
  const problem = checkMemberPath(m.name);
  if (problem) findings.push(report(TAR_PATH_TRAVERSAL, file, `member ${shown} ${problem.reason}`, { severity: problem.severity, offset: m.headerOffset, evidence: shown }));
  const normal = m.name.replace(/^\.\//, '').replace(/\/+$/, '');
  if (m.typeflag !== '5' && seen.has(normal)) {
    findings.push(report(TAR_DUPLICATE_NAME, file, `member ${shown} appears more than once; readers disagree on which copy they load`, { offset: m.headerOffset }));
  }
  seen.add(normal);
  const link = LINK_TYPES[m.typeflag];
  if (link) {
    const escapes = linkEscapes(m.name, m.linkname);
    const message = `${shown} is a ${link} to ${printable(m.linkname)}${escapes ? ', outside the archive folder' : ''}`;
    findings.push(report(TAR_LINK, file, message, { severity: escapes ? 'high' : 'medium', offset: m.headerOffset, evidence: printable(m.linkname) }));
  }
  const special = SPECIAL_TYPES[m.typeflag];
  if (special) findings.push(report(TAR_SPECIAL_FILE, file, `${shown} is a ${special}`, { offset: m.headerOffset }));
  return findings;
}

async function scanMemberData(src: ByteSource, ctx: ScanContext, m: TarMember): Promise<Finding[]> {
  // Directories, devices and FIFOs carry no content; links with data are scanned like files.
  if (m.typeflag === '5' || SPECIAL_TYPES[m.typeflag] || m.size <= 0) return [];
  const data = sliceSource(src, m.dataOffset, Math.min(m.size, src.size - m.dataOffset), `${src.name}!${m.name}`);
  if (data.size === 0) return [];
  const base = m.name.replace(/^\.\//, '');
  if (LEGACY_RECORDS.has(base)) return scanLegacyRecord(ctx, data, base === 'storages' ? 'storages' : 'tensors');
  return (await routeMember(ctx, data, false)).findings;
}
