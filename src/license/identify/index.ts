// License identification: which license a model is under, from every piece of evidence it carries.

// Identify
export { identifyLicense, obligationsFor } from './identify.js';
export type { LicenseInput } from './evidence.js';
export { identifyText, SPDX_MATCH, CATALOG_MATCH } from './text-identify.js';
export type { TextMatch } from './text-identify.js';
export { isLicenseFileName } from './file-names.js';

// Catalog
export { loadCatalog, catalogEntry } from '../catalog/load.js';

// Matching internals, for tools and tests
export { normalizeLicense, normalizePhrase } from './normalize.js';
export { matchSpdx, warmSpdxIndex } from './spdx-index.js';
export type { SpdxMatch } from './spdx-index.js';
