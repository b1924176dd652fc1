/** Rules the dispatcher itself reports (format disagreements, limits, failures). */
import { defineRule } from '../core/findings.js';

export const FORMAT_MISMATCH = defineRule({
  id: 'format/name-mismatch',
  title: 'File content does not match its name',
  severity: 'medium',
  description:
    'The bytes say one format and the file extension another. Loaders pick a parser by content, so a pickle named .safetensors still runs code; review where the file came from.',
});

export const ARCHIVE_TOO_DEEP = defineRule({
  id: 'archive/too-deep',
  title: 'Archive nesting beyond the limit',
  severity: 'high',
  description: 'Archives nested deeper than the scan follows; what lies below was not inspected.',
});

export const SCAN_TIMEOUT = defineRule({
  id: 'scan/deadline',
  title: 'Scan stopped at its time limit',
  severity: 'high',
  description: 'The scan ran past its deadline; the rest of this file was not inspected.',
});

export const SCAN_ERROR = defineRule({
  id: 'scan/error',
  title: 'File could not be scanned',
  severity: 'high',
  description: 'The scanner failed on this file (I/O error or an internal fault); treat it as unverified.',
});

export const UNKNOWN_FORMAT = defineRule({
  id: 'format/unknown',
  title: 'Unrecognised binary file',
  severity: 'low',
  description: 'A binary file in no format the scanner knows. It cannot be loaded as a model by common loaders, but it was not inspected.',
});

export const POLYGLOT = defineRule({
  id: 'format/pickle-polyglot',
  title: 'File is also a pickle',
  severity: 'high',
  description: 'The file parses as its own format and also begins a pickle stream. Loaders that fall back to unpickling would run it; the pickle part was scanned too.',
  cwe: [502],
});

export const DISPATCH_RULES = [FORMAT_MISMATCH, ARCHIVE_TOO_DEEP, SCAN_TIMEOUT, SCAN_ERROR, UNKNOWN_FORMAT, POLYGLOT] as const;
