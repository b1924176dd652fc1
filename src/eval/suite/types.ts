/** A loaded suite: validated, prompts and assertions compiled, data files checked and counted. */
import type { ToolChoice, ToolDefinition } from '../../providers/index.js';
import type { CompiledAssertion } from '../assertions/compile.js';
import type { WrittenGate } from '../gate/index.js';
import type { DataFormat } from './data-files.js';
import type { CompiledPrompt } from './prompts.js';
import type { RequestSettings } from './schema.js';

/** One test case, ready to run (defaults merged in). */
export interface SuiteCase {
  /** 0-based, stable for the same suite and data files. */
  index: number;
  description?: string;
  vars: Record<string, unknown>;
  assert: readonly CompiledAssertion[];
  threshold?: number;
  metadata?: Record<string, unknown>;
  /** Request fields of this case only (tools offered to the model); merged over the suite's request. Set by in-memory suites. */
  request?: CaseRequest;
}

/** Per-case request fields. */
export interface CaseRequest {
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
}

/** What a test contributes on top of the suite's defaults (and what rows of a data file share). */
export interface TestTemplate {
  description?: string;
  vars: Record<string, unknown>;
  assert: readonly CompiledAssertion[];
  threshold?: number;
  /** Judge ref and rubric prompt for model-graded assertions of rows that bring their own. */
  provider?: string;
  rubricPrompt?: string;
}

/** Where a suite's cases come from, in order. */
export type TestSource =
  | { kind: 'inline'; where: string; test: TestTemplate & { metadata?: Record<string, unknown>; request?: CaseRequest } }
  | { kind: 'file'; where: string; file: string; absPath: string; format: DataFormat; shared: TestTemplate; rows: number };

/** A model to run, as the suite or `--models` names it. */
export interface ModelSpec {
  /** A manifest model name, a provider ref (`vllm:qwen2.5-7b`) or a promptfoo provider id. */
  ref: string;
  /** Name in results (defaults to the ref). */
  label?: string;
  /** promptfoo provider config (base URL, request parameters). */
  config?: Record<string, unknown>;
  /** Where it was named, for messages (`providers[2]`, `--models`). */
  where: string;
}

/** The loaded suite. */
export interface LoadedSuite {
  /** The path as given (shown in messages). */
  path: string;
  absPath: string;
  baseDir: string;
  format: 'modelgate' | 'promptfoo';
  /** sha256 over the suite file and every data file it reads. */
  hash: string;
  description?: string;
  prompts: CompiledPrompt[];
  models: ModelSpec[];
  baseline?: string;
  judge?: string;
  request: RequestSettings;
  sources: TestSource[];
  caseCount: number;
  gate?: WrittenGate;
  concurrency?: number;
  repeat?: number;
  /** Things read but ignored (promptfoo output settings and the like). */
  warnings: string[];
}
