// Evaluation harness: suites (modelgate or promptfoo format), assertions, the streaming runner, statistics and the upgrade gate.

// Running
export { runEval } from './runner/run-eval.js';
export type { RunEvalOptions, RunEvalResult, EvalProgress, FinishedRun, GateOutcome } from './runner/run-eval.js';
export { listRuns, findRun, getRunRows, withRunStore } from './runner/runs.js';
export type { RunListing, RunStoreOptions } from './runner/runs.js';
export { responseCacheKey, canonicalJson } from './runner/cache-key.js';
export { resolveModels } from './runner/models.js';
export type { ModelTarget, ResolveContext } from './runner/models.js';
export type { JudgeTally } from './runner/graders.js';

// Suites
export { loadSuite } from './suite/load.js';
export { iterateCases } from './suite/cases.js';
export { compileTemplate, TEMPLATE_FILTERS } from './suite/template.js';
export type { Template } from './suite/template.js';
export { SuiteSchema } from './suite/schema.js';
export type { SuiteFile, RequestSettings, AssertionEntry, TestEntry, PromptEntry, ProviderEntry } from './suite/schema.js';
export type { LoadedSuite, SuiteCase, ModelSpec, TestSource, CaseRequest } from './suite/types.js';
export type { CompiledPrompt, PromptMessage } from './suite/prompts.js';

// Assertions
export { assertions, isAssertionType, ASSERTION_TYPES, defineAssertion, outcome, notEvaluated, registerCodeScanner } from './assertions/index.js';
export type { AssertionType, AssertionDescriptor, ExternalAssertionDescriptor, AssertionOutcome, AssertionContext, AssertionFields, CodeScanner, GraderServices, GraderReply } from './assertions/index.js';
export { compileAssertion, parseAssertionType } from './assertions/compile.js';
export type { CompiledAssertion, AssertionSpec, CompileIssue } from './assertions/compile.js';
export { evaluateAssertions, runAssertion } from './assertions/evaluate.js';
export type { CaseVerdict } from './assertions/evaluate.js';

// Statistics and the gate
export { summarizeRun, groupByVar } from './stats/index.js';
export type { RunSummary, SummarizeOptions, GroupSummary, GroupBy, GroupAssignment } from './stats/index.js';
export { parseGate, evaluateGate, gatePassed, describeCheck, normalizeGate, GateSchema } from './gate/index.js';
export type { GateCheckSpec, GateResult, GateCheckResult, WrittenGate } from './gate/index.js';

// Data model
export type { CaseResult, CaseError, AssertionResult, RunMeta, RunRecord, RunStatus, ModelSummary, BaselineComparison, Estimate, TokenSource } from './types.js';
