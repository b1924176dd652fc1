/**
 * The pickle scanner: a static walk of pickle streams (protocols 0-5) that
 * names every callable a load would import or call, and judges it against an
 * allowlist of what torch, numpy, joblib and plain-Python saves need. Nothing
 * is ever unpickled.
 */
import { defineScanner } from '../scanner.js';
import { PICKLE_RULES } from './rules.js';
import { scanPickleFile } from './sequence.js';

export { scanPickleAt, scanPickleFile, TORCH_LEGACY_MAGIC } from './sequence.js';
export type { PickleAtResult } from './sequence.js';
export { sniffPickle } from './sniff.js';
export { judgeGlobal } from './policy.js';
export type { Verdict } from './policy.js';
export { PICKLE_RULES } from './rules.js';
export type { PickleRuleId } from './rules.js';

/** Scanner for pickle files (plain pickles, legacy torch saves, joblib dumps). */
export const pickleScanner = defineScanner({
  format: 'pickle',
  title: 'Python pickle',
  rules: PICKLE_RULES,
  scan: (src, ctx) => scanPickleFile(src, ctx),
});
