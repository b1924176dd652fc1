// Statistics of evaluation runs: bootstrap intervals, per-model summaries, paired baseline comparisons.
export { summarizeRun, summarizeTables, summarizeTable } from './summarize.js';
export type { SummarizeOptions, RunSummary, GroupSummary } from './summarize.js';
export { accumulateRun } from './accumulate.js';
export type { AccumulateOptions, ResultSource, RunTables } from './accumulate.js';
export { compareTables, TIE_EPSILON, DEFAULT_MAX_DISAGREEMENTS } from './compare.js';
export type { CompareOptions } from './compare.js';
export { CaseTable, casePassed } from './case-table.js';
export type { RowOutcome, CaseColumns } from './case-table.js';
export { groupByVar, groupByMetric } from './group.js';
export type { GroupBy, GroupAssignment } from './group.js';

// Building blocks, exported for the red-team report and for tests.
export { bootstrapFromMeans, bootstrapMean, safeRatio, DEFAULT_RESAMPLES, UNDEFINED_ESTIMATE } from './bootstrap.js';
export type { BootstrapOptions, MeanStatistic } from './bootstrap.js';
export { createRng, deriveSeed, DEFAULT_SEED } from './prng.js';
export type { Rng } from './prng.js';
export { LatencySketch, DEFAULT_LATENCY_CAPACITY } from './latency-sketch.js';
export { quantileSorted } from './quantile.js';
