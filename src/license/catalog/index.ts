// The license catalog: one YAML file per license and version under `catalog/licenses/`.
export { loadCatalog, catalogEntry, readCatalogDir, parseCatalogFile, CATALOG_DIR } from './load.js';
export type { CatalogRead } from './load.js';
export { CatalogEntrySchema, ObligationsSchema, FactsSchema } from './schema.js';
export type { CatalogFile } from './schema.js';
