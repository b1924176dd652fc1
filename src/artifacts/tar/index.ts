/**
 * The tar format scanner: ustar, GNU long names, pax headers, base-256
 * sizes, and legacy torch tar saves.
 */
import { defineScanner } from '../scanner.js';
import { TORCH_LEGACY_UNPARSED } from '../torch/rules.js';
import { TAR_RULES } from './rules.js';
import { scanTarArchive } from './scan-archive.js';

/** Scanner for the `tar` format. */
export const tarScanner = defineScanner({
  format: 'tar',
  title: 'Tar archives and legacy torch tar saves',
  rules: [...TAR_RULES, TORCH_LEGACY_UNPARSED],
  scan: (src, ctx) => scanTarArchive(src, ctx),
});

export { TAR_RULES } from './rules.js';
