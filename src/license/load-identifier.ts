/**
 * The license identifier and catalog, loaded on first use: the catalog is
 * data read from disk, so nothing is loaded before a command needs it.
 */
import type { Identifier } from './chain/types.js';

let loaded: Promise<Identifier> | undefined;

/** The catalog-backed identifier (loaded once per process). */
export function loadIdentifier(): Promise<Identifier> {
  loaded ??= import('./identify/index.js').then((m) => ({
    identify: m.identifyLicense,
    isLicenseFileName: m.isLicenseFileName,
    catalogEntry: m.catalogEntry,
  }));
  return loaded;
}
