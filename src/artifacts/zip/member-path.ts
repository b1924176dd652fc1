/**
 * Archive member names judged as extractors would treat them (zip-slip).
 * Shared by the zip and tar scanners.
 */

/** Why a member name is unsafe, with the severity it deserves. */
export interface PathProblem {
  severity: 'high' | 'medium';
  reason: string;
}

/** Check a member name for traversal, absolute paths, drive letters, NUL bytes and backslashes. */
export function checkMemberPath(name: string): PathProblem | undefined {
  if (name.includes('\0')) return { severity: 'high', reason: 'contains a NUL byte: tools that stop at it write a different file than the one scanned' };
  if (/^[a-zA-Z]:/.test(name)) return { severity: 'high', reason: 'starts with a drive letter' };
  if (name.startsWith('/') || name.startsWith('\\')) return { severity: 'high', reason: 'is an absolute path' };
  const parts = name.split(/[\\/]/);
  if (parts.includes('..')) return { severity: 'high', reason: 'climbs out of the extraction folder with ..' };
  if (name.includes('\\')) return { severity: 'medium', reason: 'uses backslashes, which Windows extractors treat as folder separators' };
  return undefined;
}

/** True when a link target points outside the archive's folder (absolute, drive, or climbs above the root). */
export function linkEscapes(memberName: string, target: string): boolean {
  if (target.startsWith('/') || target.startsWith('\\') || /^[a-zA-Z]:/.test(target)) return true;
  const depth: string[] = memberName.split(/[\\/]/).slice(0, -1);
  for (const part of target.split(/[\\/]/)) {
    if (part === '..') {
      if (depth.length === 0) return true;
      depth.pop();
    } else if (part !== '.' && part !== '') depth.push(part);
  }
  return false;
}
