/**
 * The evaluation data model shared by the suite loader, the runner, the
 * store and the reports. Results are rows: one per (case, prompt, model,
 * repeat), streamed to the store as they finish so memory stays flat.
 */

/** Where a number of tokens came from: the API, the model's tokenizer, or an estimate. */
export type TokenSource = 'api' | 'tokenizer' | 'estimate';

/** Why a case produced no usable answer (mirrors the providers' failure kinds). */
export interface CaseError {
  kind: 'timeout' | 'rate_limited' | 'upstream_5xx' | 'upstream_4xx' | 'refused' | 'bad_response' | 'network' | 'cancelled' | 'assertion_error';
  message: string;
}

/** Result of one assertion on one output. */
export interface AssertionResult {
  /** Assertion type, e.g. `contains`, `llm-rubric`. */
  type: string;
  pass: boolean;
  /** 0..1. */
  score: number;
  weight: number;
  reason: string;
  /** Optional named metric the assertion feeds (promptfoo's `metric`). */
  metric?: string;
}

/** One row: a case run once against one prompt and one model. */
export interface CaseResult {
  runId: string;
  /** Index of the test case in the suite (0-based, stable across runs of the same suite). */
  caseIndex: number;
  /** Stable id of the prompt template (hash of its text or its label). */
  promptId: string;
  /** The model's label in the run (a manifest model name or a provider ref). */
  model: string;
  /** 0-based repetition number (`--repeat N`). */
  repeat: number;
  /** Case description, when the suite gives one. */
  description?: string;
  vars: Record<string, unknown>;
  /** The rendered prompt (text, or JSON of chat messages). */
  prompt: string;
  /** Model output; null when the call failed. */
  output: string | null;
  error?: CaseError;
  pass: boolean;
  /** Weighted mean of assertion scores, 0..1 (0 on error). */
  score: number;
  assertions: AssertionResult[];
  latencyMs: number;
  /** Time to first token for streamed calls. */
  ttftMs?: number;
  tokens: { prompt: number; completion: number; cached?: number; source: TokenSource };
  costUsd: number;
  /** True when the response came from the cache (latency and cost are then those recorded originally). */
  cached: boolean;
}

/** A run's identity and settings, written when it starts. */
export interface RunMeta {
  id: string;
  /** Path of the suite file and the sha256 of its content (and of any data files it reads). */
  suitePath: string;
  suiteHash: string;
  description?: string;
  models: string[];
  baseline?: string;
  repeat: number;
  concurrency: number;
  startedAt: string;
  /** Free-form settings (gate thresholds, CLI flags, modelgate version). */
  config: Record<string, unknown>;
  /** `eval` or `redteam`. */
  kind: 'eval' | 'redteam';
}

/** Status of a run in the store. */
export type RunStatus = 'running' | 'completed' | 'interrupted' | 'failed';

/** A run as listed by `modelgate runs`. */
export interface RunRecord extends RunMeta {
  status: RunStatus;
  finishedAt?: string;
  /** Counts kept up to date as results are appended. */
  counts: { results: number; passed: number; errors: number };
}

/** Per-model statistics of a run (computed by `src/eval/stats`, stored with the run when it finishes). */
export interface ModelSummary {
  model: string;
  cases: number;
  passRate: Estimate;
  meanScore: Estimate;
  errors: number;
  costUsd: { total: number; perCase: number };
  latencyMs: { p50: number; p95: number };
  tokens: { prompt: number; completion: number; estimated: boolean };
  /** Rows (case × prompt × repeat) behind the figures; `errors` counts rows too. */
  rows?: number;
  /** Rows that ran but did not pass (errors excluded). */
  failures?: number;
  /** True when latency percentiles come from a uniform sample of the rows (very large runs). */
  latencySampled?: boolean;
  /** The group (e.g. red-team category or metric) these figures are for; absent for the whole run. */
  group?: string;
}

/** A point estimate with a 95% confidence interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** A candidate against the baseline, paired by case. */
export interface BaselineComparison {
  model: string;
  baseline: string;
  /** Mean paired score difference (candidate - baseline) with its CI. */
  scoreDiff: Estimate;
  wins: number;
  ties: number;
  losses: number;
  /** Candidate quality as a fraction of the baseline's (mean score ratio) with its CI. */
  qualityRatio: Estimate;
  /** Candidate cost as a fraction of the baseline's. */
  costRatio: number;
  /** Case indices where one passed and the other failed (capped; see `disagreementCount`). */
  disagreements: number[];
  /** How many cases disagree in all, when `disagreements` was capped. */
  disagreementCount?: number;
  /** Cases both models ran: the sample behind the paired figures. */
  pairedCases?: number;
  /** Paired pass-rate difference (candidate - baseline) with its CI. */
  passDiff?: Estimate;
  /** Candidate pass rate as a fraction of the baseline's with its CI. */
  passRatio?: Estimate;
}
