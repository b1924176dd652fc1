/**
 * The gzip format scanner, which also reads joblib's `ZF` and bare zlib
 * streams once the dispatcher routes them here (see `sniffCompressedStream`).
 */
import { defineScanner } from '../scanner.js';
import { GZIP_RULES } from './rules.js';
import { scanCompressedStream } from './scan-stream.js';

/** Scanner for the `gzip` format. */
export const gzipScanner = defineScanner({
  format: 'gzip',
  title: 'Gzip, joblib ZF and zlib streams',
  rules: GZIP_RULES,
  scan: (src, ctx) => scanCompressedStream(src, ctx),
});

export { GZIP_RULES } from './rules.js';
export { sniffCompressedStream, type CompressedStream } from './zfile.js';
