/**
 * Which files of a model are its card and its license text. The license
 * stage reads them; the lock pins their hashes so the license accepted is the
 * one on file.
 */

const CARD_NAMES = ['readme.md', 'model_card.md', 'modelcard.md'];
// Order matters: the model-specific license beats a generic NOTICE.
const LICENSE_NAMES = ['license-model', 'model_license', 'license', 'license.txt', 'license.md', 'license-model.txt', 'model_license.txt', 'licence', 'licence.txt', 'licence.md', 'notice', 'notice.txt', 'notice.md'];

/** Pick the model card among top-level files, if any. */
export function findCard(paths: readonly string[]): string | undefined {
  return pickByName(paths, CARD_NAMES);
}

/** Pick the license text among top-level files, if any. */
export function findLicense(paths: readonly string[]): string | undefined {
  return pickByName(paths, LICENSE_NAMES);
}

function pickByName(paths: readonly string[], names: readonly string[]): string | undefined {
  const top = paths.filter((p) => !p.includes('/'));
  for (const name of names) {
    const hit = top.find((p) => p.toLowerCase() === name);
    if (hit) return hit;
  }
  return undefined;
}
