/**
 * The numpy `.npy` format scanner (versions 1.0, 2.0 and 3.0). `.npz` files
 * are zips of `.npy` members and reach this scanner through the zip scanner.
 */
import { defineScanner } from '../scanner.js';
import { NUMPY_RULES } from './rules.js';
import { scanNpy } from './scan-npy.js';

/** Scanner for the `numpy` format. */
export const numpyScanner = defineScanner({
  format: 'numpy',
  title: 'NumPy .npy arrays',
  rules: NUMPY_RULES,
  scan: (src, ctx) => scanNpy(src, ctx),
});

export { NUMPY_RULES } from './rules.js';
