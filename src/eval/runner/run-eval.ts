/**
 * `runEval`: load the suite, resolve the models, then stream cases through a
 * pool of workers into the store, and summarise the run by streaming its
 * rows back. Memory stays flat however many cases there are: cases are
 * generated lazily, rows leave in batches, and the summary is one pass over
 * the store. Cancelling (Ctrl-C) stops new calls, aborts the ones in flight,
 * keeps every finished row and marks the run `interrupted`.
 */
import { createProvider, type ProviderAdapter } from '../../providers/index.js';
import type { Store } from '../../store/index.js';
import { UsageError } from '../../core/errors.js';
import { evaluateGate, gatePassed, normalizeGate, parseGate, type GateCheckSpec, type GateResult } from '../gate/index.js';
import { summarizeRun, type GroupBy, type RunSummary } from '../stats/index.js';
import type { CodeScanner } from '../assertions/types.js';
import { iterateCases } from '../suite/cases.js';
import { loadSuite } from '../suite/load.js';
import type { LoadedSuite } from '../suite/types.js';
import type { CaseResult, RunMeta, RunStatus } from '../types.js';
import { executeTask, type ExecEnv, type ModelRuntime, type Task } from './execute.js';
import { createGraders, type JudgeTally } from './graders.js';
import type { ModelTarget } from './models.js';
import { runPool } from './pool.js';
import { mergeSettings, planCall } from './request.js';
import { newRunId, planModels, readProject, storeFor } from './setup.js';
import { ResultSink, type SinkOptions } from './sink.js';

/** Options of {@link runEval}; the CLI's flags map onto these. */
export interface RunEvalOptions {
  /** Path of the suite file (modelgate or promptfoo format), or a suite built in memory (red-team packs). */
  suite: string | LoadedSuite;
  /** What the run is recorded as (default `eval`). */
  kind?: RunMeta['kind'];
  /** A second grouping key for the summary (`groupByVar('category')`); adds `summary.groups`. */
  groupBy?: GroupBy;
  /** Manifest model names or provider refs; overrides the suite's lists. */
  models?: string[];
  baseline?: string;
  /** Samples per case and model (default: the suite's, else 1). */
  repeat?: number;
  /** Calls in flight at once (default: the suite's, else 4); providers' own limits apply on top. */
  concurrency?: number;
  /** Use the response cache (default true). */
  cache?: boolean;
  /** modelgate.yaml to read models and providers from (default `modelgate.yaml`, optional). */
  configPath?: string;
  /** A store to use (left open); otherwise the project's is opened and closed. */
  store?: Store;
  storeUrl?: string;
  signal?: AbortSignal;
  onProgress?: (p: EvalProgress) => void;
  /** Called once the run is planned, before the first call. */
  onStart?: (run: RunMeta & { total: number }) => void;
  env?: Readonly<Record<string, string | undefined>>;
  blobPath?: (sha256: string) => string;
  codeScanner?: CodeScanner;
  sink?: SinkOptions;
  /** Gate expression (`--gate`); replaces the suite's `gate:`. */
  gate?: string;
  /** Called with the store still open once the run is summarised (report files stream rows from here). */
  afterRun?: (done: FinishedRun) => Promise<void>;
}

/** The gate's verdict on a run. */
export interface GateOutcome {
  checks: GateCheckSpec[];
  results: GateResult[];
  passed: boolean;
}

/** What `afterRun` receives. */
export interface FinishedRun {
  meta: RunMeta;
  status: RunStatus;
  store: Store;
  summary: RunSummary;
  gate?: GateOutcome;
}

/** Progress of a running eval. */
export interface EvalProgress {
  done: number;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  cached: number;
  elapsedMs: number;
}

/** What {@link runEval} returns. */
export interface RunEvalResult {
  runId: string;
  status: RunStatus;
  suite: LoadedSuite;
  models: string[];
  baseline?: string;
  counts: { results: number; passed: number; failed: number; errors: number; cached: number };
  summary: RunSummary;
  judge: JudgeTally;
  /** The gate's verdict; absent without a gate, or when the run was interrupted. */
  gate?: GateOutcome;
  durationMs: number;
}

async function* tasksOf(suite: LoadedSuite, models: readonly (ModelRuntime & { settings: Record<string, unknown> })[], repeat: number): AsyncGenerator<Task> {
  for await (const testCase of iterateCases(suite)) {
    for (const prompt of suite.prompts) {
      const messages = prompt.render(testCase.vars);
      const promptText = prompt.kind === 'text' ? (messages[0]?.content ?? '') : JSON.stringify(messages);
      for (const m of models) {
        const plan = planCall(messages, m.settings);
        if (testCase.request) plan.request = { ...plan.request, ...testCase.request };
        for (let r = 0; r < repeat; r++) yield { testCase, promptId: prompt.id, promptText, plan, model: m, repeat: r };
      }
    }
  }
}

function tally(counts: RunEvalResult['counts'], row: CaseResult): void {
  counts.results++;
  if (row.error) counts.errors++;
  else if (row.pass) counts.passed++;
  else counts.failed++;
  if (row.cached) counts.cached++;
}

interface Prepared {
  suite: LoadedSuite;
  meta: RunMeta;
  total: number;
  models: (ModelRuntime & { settings: Record<string, unknown> })[];
  resolve: (ref: string) => Promise<ModelTarget>;
}

/** Create the providers and record the run; adapters are pushed to `adapters` so the caller can close them. */
async function prepare(o: RunEvalOptions, suite: LoadedSuite, store: Store, plan: Awaited<ReturnType<typeof planModels>>, gate: readonly GateCheckSpec[], adapters: ProviderAdapter[]): Promise<Prepared> {
  const repeat = o.repeat ?? suite.repeat ?? 1;
  const models = plan.targets.map((target) => {
    const adapter = createProvider(target.config, { id: target.providerId });
    adapters.push(adapter);
    return { target, adapter, settings: mergeSettings(suite.request, target.request) };
  });
  const meta: RunMeta = {
    id: newRunId(),
    suitePath: suite.path,
    suiteHash: suite.hash,
    ...(suite.description !== undefined ? { description: suite.description } : {}),
    models: models.map((m) => m.target.label),
    ...(plan.baseline !== undefined ? { baseline: plan.baseline } : {}),
    repeat,
    concurrency: o.concurrency ?? suite.concurrency ?? 4,
    startedAt: new Date().toISOString(),
    config: { cache: o.cache !== false, format: suite.format, cases: suite.caseCount, prompts: suite.prompts.map((p) => p.id), gate: gate.map((c) => c.expression) },
    kind: o.kind ?? 'eval',
  };
  await store.createRun(meta);
  const total = suite.caseCount * suite.prompts.length * models.length * repeat;
  o.onStart?.({ ...meta, total });
  return { suite, meta, total, models, resolve: plan.resolve };
}

/** Stream every task through the pool into the store; returns the counts and the final status. */
async function execute(o: RunEvalOptions, p: Prepared, store: Store, signal: AbortSignal, started: number): Promise<{ status: RunStatus; counts: RunEvalResult['counts']; judge: JudgeTally }> {
  const judge: JudgeTally = { calls: 0, costUsd: 0 };
  const writes = new Set<Promise<void>>();
  const cache = o.cache === false ? undefined : store;
  const graders = createGraders({ ...(p.suite.judge ? { defaultJudge: p.suite.judge } : {}), resolve: p.resolve, writes, signal, tally: judge, ...(cache ? { cache } : {}) });
  const exec: ExecEnv = { runId: p.meta.id, writes, graders, signal, ...(cache ? { cache } : {}), ...(o.codeScanner ? { codeScanner: o.codeScanner } : {}) };
  const counts = { results: 0, passed: 0, failed: 0, errors: 0, cached: 0 };
  const sink = new ResultSink(store, o.sink);
  const work = async (t: Task) => {
    const row = await executeTask(t, exec);
    if (!row) return;
    tally(counts, row);
    o.onProgress?.({ ...counts, done: counts.results, total: p.total, elapsedMs: performance.now() - started });
    await sink.push(row);
  };
  try {
    await runPool(tasksOf(p.suite, p.models, p.meta.repeat), p.meta.concurrency, work, signal);
    await sink.close();
    await Promise.all([...writes]);
  } catch (e) {
    await store.finishRun(p.meta.id, 'failed').catch(() => undefined);
    throw e;
  } finally {
    await graders.close();
  }
  return { status: signal.aborted ? 'interrupted' : 'completed', counts, judge };
}

function gateOf(checks: GateCheckSpec[], summary: RunSummary, baseline: string | undefined): GateOutcome {
  const results = evaluateGate(checks, { models: summary.models, comparisons: summary.comparisons, ...(baseline !== undefined ? { baseline } : {}) });
  return { checks, results, passed: gatePassed(results) };
}

/**
 * Run an eval suite and record it in the store.
 * @example
 * const r = await runEval({ suite: 'evals/qa.yaml', models: ['qwen2.5-7b', 'gpt-4o-mini'], baseline: 'gpt-4o-mini' });
 * console.log(r.runId, r.summary.models.map((m) => m.passRate.value));
 */
export async function runEval(o: RunEvalOptions): Promise<RunEvalResult> {
  const started = performance.now();
  const suite = typeof o.suite === 'string' ? await loadSuite(o.suite) : o.suite;
  const project = await readProject(o.configPath);
  const plan = await planModels(suite, project, { ...(o.models ? { models: o.models } : {}), ...(o.baseline ? { baseline: o.baseline } : {}), env: o.env ?? process.env, ...(o.blobPath ? { blobPath: o.blobPath } : {}) });
  const checks = o.gate !== undefined ? parseGate(o.gate) : suite.gate !== undefined ? normalizeGate(suite.gate) : [];
  const relative = checks.find((c) => c.relative);
  if (relative && plan.baseline === undefined) throw new UsageError(`gate "${relative.expression}" compares with the baseline; name one with --baseline or baseline: in the suite`);
  const { store, owned } = await storeFor(o, project);
  const adapters: ProviderAdapter[] = [];
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) controller.abort();
  try {
    const p = await prepare(o, suite, store, plan, checks, adapters);
    const { status, counts, judge } = await execute(o, p, store, controller.signal, started);
    const baseline = plan.baseline !== undefined ? { baseline: plan.baseline } : {};
    const summary = await summarizeRun(store.iterateResults(p.meta.id), { ...baseline, models: p.meta.models, ...(o.groupBy ? { groupBy: o.groupBy } : {}) });
    await store.finishRun(p.meta.id, status, { models: summary.models, comparisons: summary.comparisons });
    // A gate on half a run would judge the cases that happened to finish first.
    const gate = checks.length > 0 && status === 'completed' ? gateOf(checks, summary, plan.baseline) : undefined;
    await o.afterRun?.({ meta: p.meta, status, store, summary, ...(gate ? { gate } : {}) });
    return { runId: p.meta.id, status, suite, models: p.meta.models, ...baseline, counts, summary, judge, ...(gate ? { gate } : {}), durationMs: Math.round(performance.now() - started) };
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await Promise.all(adapters.map((a) => a.close().catch(() => undefined)));
    if (owned) await store.close();
  }
}
