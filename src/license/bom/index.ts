// The AI bill of materials: CycloneDX 1.6 ML-BOM of the project's models.
export { buildBom } from './build-bom.js';
export type { BuildBomOptions, BomResult } from './build-bom.js';
export { toCycloneDx } from './to-cyclonedx.js';
export type { CycloneDxOptions } from './to-cyclonedx.js';
export { modelComponent, ancestorComponent, identity, modelRef } from './components.js';
export type { BomModelInput, CatalogView } from './components.js';
export { toModelCard } from './model-card.js';
export type { CdxModelCard } from './model-card.js';
