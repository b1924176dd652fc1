/**
 * Rules the zip scanner reports. Severities follow one principle: anything
 * that lets a loader and a scanner see different bytes, or that hides bytes
 * from inspection, is `high`, because that is how published bypasses of
 * picklescan, ModelScan and fickling worked; damage that only breaks loading
 * is `medium` or lower.
 */
import { defineRule } from '../../core/findings.js';

export const ZIP_HEADER_MISMATCH = defineRule({
  id: 'zip/header-mismatch',
  title: 'Zip records disagree',
  severity: 'high',
  description:
    'A local header, data descriptor or end record disagrees with the central directory (name, flags, method, sizes, CRC or entry count). Python zipfile, torch (miniz) and streaming readers pick different records, so a scanner and a loader can read different bytes.',
});

export const ZIP_PATH_TRAVERSAL = defineRule({
  id: 'zip/path-traversal',
  title: 'Member name escapes the extraction folder',
  severity: 'high',
  description:
    'A member name with `..`, an absolute path, a drive letter or a NUL byte writes outside the target folder when extracted (zip-slip). Backslashes alone are reported at medium: Windows tools treat them as separators.',
  cwe: [22],
});

export const ZIP_DUPLICATE_NAME = defineRule({
  id: 'zip/duplicate-name',
  title: 'Two members share a name',
  severity: 'high',
  description:
    'Readers disagree on which copy wins (Python zipfile takes the last, miniz in torch.load any match, case-insensitively). Every copy is scanned; names that differ only in case are reported at medium.',
});

export const ZIP_ENCRYPTED = defineRule({
  id: 'zip/encrypted',
  title: 'Encrypted member',
  severity: 'high',
  description:
    'The member is flagged as encrypted, so its content cannot be inspected; a loader that ignores the flag reads it anyway. The bytes are still checked in case they are plain.',
});

export const ZIP_UNSUPPORTED_METHOD = defineRule({
  id: 'zip/unsupported-method',
  title: 'Compression method the scanner cannot read',
  severity: 'high',
  description: 'Only stored and deflate members are inspected. Other methods (bzip2, lzma, zstd, …) open in some loaders, so an uninspected member is not safe.',
});

export const ZIP_OVERLAP = defineRule({
  id: 'zip/overlap',
  title: 'Overlapping members',
  severity: 'high',
  description:
    'Members share bytes with each other or with the central directory. No archiver writes this; it is the construction of non-recursive zip bombs and a way to show different readers different data.',
});

export const ZIP_BOMB = defineRule({
  id: 'zip/bomb',
  title: 'Decompression bomb',
  severity: 'high',
  description:
    'A member expands beyond its declared size, the member limit, the scan budget or what deflate can reach from this archive, or has a huge size with an extreme ratio. High stops all further inflation in the scan; medium marks a member too large to inspect at an ordinary ratio (not reported for a plain-dtype .npy, whose header shows the rest is raw array data).',
  cwe: [409],
});

export const ZIP_CRC_MISMATCH = defineRule({
  id: 'zip/crc-mismatch',
  title: 'Member CRC does not match its content',
  severity: 'medium',
  description: 'Python zipfile raises on read while torch.load may ignore it; a scanner that crashes on it has been bypassed before. The content is scanned regardless.',
});

export const ZIP_MALFORMED = defineRule({
  id: 'zip/malformed',
  title: 'Malformed zip structure',
  severity: 'medium',
  description:
    'Records are truncated, out of bounds, impossible for the file size or missing. High when member content could not be located and so was not inspected.',
});

export const ZIP_PREPENDED_DATA = defineRule({
  id: 'zip/prepended-data',
  title: 'Bytes before the first member',
  severity: 'medium',
  description:
    'Python zipfile opens a zip with bytes prepended, so the file is two formats at once (a polyglot). The prefix is scanned as well when it is in a known format.',
});

export const ZIP_HIDDEN_ENTRY = defineRule({
  id: 'zip/hidden-entry',
  title: 'Member missing from the central directory',
  severity: 'high',
  description:
    'A local file header that the central directory does not list: invisible to central-directory readers, read by streaming ones. It is scanned too.',
});

export const ZIP_BUDGET_EXHAUSTED = defineRule({
  id: 'zip/budget-exhausted',
  title: 'Members left unscanned',
  severity: 'medium',
  description: 'The scan expansion budget was spent (often by a bomb elsewhere), so these compressed members were not inflated or inspected.',
});

/** Every rule the zip scanner reports. */
export const ZIP_RULES = [
  ZIP_HEADER_MISMATCH,
  ZIP_PATH_TRAVERSAL,
  ZIP_DUPLICATE_NAME,
  ZIP_ENCRYPTED,
  ZIP_UNSUPPORTED_METHOD,
  ZIP_OVERLAP,
  ZIP_BOMB,
  ZIP_CRC_MISMATCH,
  ZIP_MALFORMED,
  ZIP_PREPENDED_DATA,
  ZIP_HIDDEN_ENTRY,
  ZIP_BUDGET_EXHAUSTED,
] as const;
