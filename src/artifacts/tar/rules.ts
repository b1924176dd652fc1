/**
 * Rules the tar scanner reports. As for zip: parser differentials and hidden
 * bytes are `high`; what only breaks extraction or loading is `medium`.
 */
import { defineRule } from '../../core/findings.js';

export const TAR_PATH_TRAVERSAL = defineRule({
  id: 'tar/path-traversal',
  title: 'Member name escapes the extraction folder',
  severity: 'high',
  description: 'A member name with `..`, an absolute path, a drive letter or a NUL byte writes outside the target folder when extracted (tar-slip); backslashes alone are medium.',
  cwe: [22],
});

export const TAR_LINK = defineRule({
  id: 'tar/link',
  title: 'Symbolic or hard link member',
  severity: 'medium',
  description:
    "Model archives have no reason to carry links. tarfile's extractfile follows a link to another member, and extraction can write through it; high when the target leaves the archive folder.",
  cwe: [59],
});

export const TAR_SPECIAL_FILE = defineRule({
  id: 'tar/special-file',
  title: 'Device or FIFO member',
  severity: 'medium',
  description: 'Character or block devices and FIFOs are created on extraction by privileged tools; a model archive never needs them.',
});

export const TAR_DUPLICATE_NAME = defineRule({
  id: 'tar/duplicate-name',
  title: 'Two members share a name',
  severity: 'high',
  description: 'tarfile returns the last copy, other tools the first or both; every copy is scanned.',
});

export const TAR_HEADER_MISMATCH = defineRule({
  id: 'tar/header-mismatch',
  title: 'Pax record contradicts the header',
  severity: 'high',
  description: 'A pax `size` differs from a non-zero header size, so readers that ignore pax walk the archive differently from tarfile and see other members.',
});

export const TAR_MALFORMED = defineRule({
  id: 'tar/malformed',
  title: 'Malformed tar structure',
  severity: 'medium',
  description: 'A bad checksum, an unreadable number, an oversized pax record or a truncated member. High when member data lies beyond the end of the file.',
});

export const TAR_TRAILING_DATA = defineRule({
  id: 'tar/trailing-data',
  title: 'Data after the end-of-archive marker',
  severity: 'medium',
  description: 'tarfile stops at the first zero block; members after it are read only by tools that skip zero blocks. They are scanned anyway.',
});

/** Every rule the tar scanner reports. */
export const TAR_RULES = [TAR_PATH_TRAVERSAL, TAR_LINK, TAR_SPECIAL_FILE, TAR_DUPLICATE_NAME, TAR_HEADER_MISMATCH, TAR_MALFORMED, TAR_TRAILING_DATA] as const;
