/** Prices per model, cost of a call, and the self-hosted GPU cost model. */
export { DEFAULT_PRICES } from './default-table.js';
export type { PriceEntry, PriceTable } from './default-table.js';
export { lookupPrice, computeCost, modelKeys } from './price.js';
export type { ResolvedPrice } from './price.js';
export { gpuCost, pricePerMillion, selfHostedCost, ThroughputMeter } from './self-hosted.js';
