// Base-model chains: resolve ancestors and combine their obligations.
export { buildChain, collectAncestors, obligationsOf, MAX_CHAIN_DEPTH } from './build-chain.js';
export type { AssumedParent, BuildChainOptions } from './build-chain.js';
export { baseModelsOf, normalizeRef, ggufBaseModels } from './base-models.js';
export type { BaseModels } from './base-models.js';
export { mergeObligations, mergeAll, relaxedDimensions, unknownObligations, stricterPermission, permissionRank, authorizationRank } from './merge-obligations.js';
export { createProjectLookup, manifestNameFor } from './project-lookup.js';
export type { ProjectLookupOptions } from './project-lookup.js';
export { isHubId, lookupInCache, lookupOnHub } from './hub-lookup.js';
export { renderChain, describeObligations } from './render-chain.js';
export type {
  ChainNode,
  Identifier,
  LicenseChain,
  LookupResult,
  ModelDoc,
  ModelDocs,
  ModelLookup,
  ResolvedModel,
  ResolvedVia,
} from './types.js';
