/**
 * The zip format scanner (zip files, zip-based torch saves, .npz). Written
 * for hostile input: no zip library, every record cross-checked, every
 * member routed back through the dispatcher.
 */
import { defineScanner } from '../scanner.js';
import { TORCH_RULES } from '../torch/rules.js';
import { ZIP_RULES } from './rules.js';
import { scanZipArchive } from './scan-archive.js';

/** Scanner for the `zip` format. */
export const zipScanner = defineScanner({
  format: 'zip',
  title: 'Zip archives, torch zip saves and .npz',
  rules: [...ZIP_RULES, ...TORCH_RULES.filter((r) => r.id !== 'torch/legacy-unparsed')],
  scan: (src, ctx) => scanZipArchive(src, ctx),
});

export { ZIP_RULES } from './rules.js';
export { checkMemberPath, linkEscapes } from './member-path.js';
