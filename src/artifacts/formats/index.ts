/**
 * The table of format scanners the dispatcher uses, one line per format.
 * A format without a line here is detected but only checked by generic rules.
 */
import type { ArtifactFormat, FormatScanner } from '../scanner.js';
import { ggufScanner } from '../gguf/scanner.js';
import { jsonScanner } from '../remote-code/json-scanner.js';
import { pythonScanner } from '../remote-code/python-scanner.js';
import { textScanner } from '../remote-code/text-scanner.js';
import { safetensorsScanner } from '../safetensors/scanner.js';
import { gzipScanner } from '../gzip/index.js';
import { numpyScanner } from '../numpy/index.js';
import { pickleScanner } from '../pickle/index.js';
import { tarScanner } from '../tar/index.js';
import { zipScanner } from '../zip/index.js';

export const formatScanners: Partial<Record<ArtifactFormat, FormatScanner>> = {
  pickle: pickleScanner,
  zip: zipScanner,
  tar: tarScanner,
  gzip: gzipScanner,
  numpy: numpyScanner,
  safetensors: safetensorsScanner,
  gguf: ggufScanner,
  python: pythonScanner,
  json: jsonScanner,
  text: textScanner,
};
