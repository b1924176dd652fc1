// Renderers for the shared findings model.
export { renderFindingsText, summaryLine, describeLocation } from './findings-text.js';
export { renderFindingsJson } from './findings-json.js';
export type { FindingsJson } from './findings-json.js';
export { renderFindingsSarif } from './findings-sarif.js';

// Eval reports: terminal table, JSON, JUnit XML, self-contained HTML, and run-to-run comparison.
export { renderEvalTable, renderModelTable, renderComparisons, renderGroupTable, renderGateResults, formatTable } from './eval-table.js';
export type { EvalTableInput } from './eval-table.js';
export { renderEvalJson } from './eval-json.js';
export type { EvalJson, EvalJsonInput } from './eval-json.js';
export { renderEvalJunit, renderEvalJunitChunks, writeEvalJunit, junitTestcase } from './eval-junit.js';
export type { JunitInput, RowSource } from './eval-junit.js';
export { renderEvalHtml, writeEvalHtml, DEFAULT_HTML_ROWS } from './eval-html.js';
export type { EvalHtmlInput } from './eval-html.js';
export { renderQualityCostChart } from './html/chart.js';
export type { ChartPoint, ChartOptions } from './html/chart.js';
export { compareRuns, renderRunComparison } from './compare-runs.js';
export type { RunComparison, CaseChange, ModelDelta, ChangeKind, CompareRunsOptions } from './compare-runs.js';
export { pct, pctCI, scoreCI, diffCI, usd, ms, qualityAtCost, winTieLoss } from './eval-format.js';

// Lineage reports: text and HTML with the similarity matrix and per-layer curves.
export { renderLineageText } from './lineage-text.js';
export { renderLineageHtml } from './lineage-html.js';
