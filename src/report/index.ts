// Renderers for the shared findings model.
export { renderFindingsText, summaryLine, describeLocation } from './findings-text.js';
export { renderFindingsJson } from './findings-json.js';
export type { FindingsJson } from './findings-json.js';
export { renderFindingsSarif } from './findings-sarif.js';
