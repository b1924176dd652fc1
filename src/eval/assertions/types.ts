/**
 * The assertion contract. An assertion is a descriptor (type, docs, a zod
 * schema for its options, a `run` function); what it finds is a value
 * `{ pass, score, reason }`, never an exception. `error: true` marks an
 * assertion that could not be evaluated at all (no judge, a thrown
 * expression, no code scanner): that is neither a pass nor a plain fail.
 */
import type { z } from 'zod';

/** Every assertion type, in the order listings show them. `not-<type>` negates any of them. */
export const ASSERTION_TYPES = [
  'equals',
  'contains',
  'icontains',
  'contains-any',
  'contains-all',
  'icontains-any',
  'icontains-all',
  'starts-with',
  'regex',
  'is-json',
  'contains-json',
  'javascript',
  'levenshtein',
  'similar',
  'latency',
  'cost',
  'is-refusal',
  'llm-rubric',
  'code-safe',
] as const;
export type AssertionType = (typeof ASSERTION_TYPES)[number];

/** What an assertion concludes about one output. */
export interface AssertionOutcome {
  pass: boolean;
  /** 0..1. */
  score: number;
  reason: string;
  /** The assertion could not be evaluated (the case records an `assertion_error`). */
  error?: boolean;
  /** Cost of model calls the assertion made (a judge), in USD: counted apart from the model under test. */
  judgeCostUsd?: number;
}

/** A model reply of a judge or an embedder, reduced to what assertions use. */
export interface GraderReply {
  text: string;
  costUsd: number;
}

/** Model calls assertions may make; the runner supplies them (with caching and cancellation). */
export interface GraderServices {
  /** Ask a judge model; `provider` is the assertion's own judge ref, else the suite default. */
  complete(messages: { role: 'system' | 'user'; content: string }[], provider: string | undefined): Promise<{ ok: true; value: GraderReply } | { ok: false; message: string }>;
  /** Embed texts with an embeddings-capable provider. */
  embed?(texts: string[], provider: string): Promise<{ ok: true; value: { vectors: number[][]; costUsd: number } } | { ok: false; message: string }>;
}

/** Everything an assertion may look at. */
export interface AssertionContext {
  output: string;
  vars: Readonly<Record<string, unknown>>;
  /** The rendered prompt (text, or JSON of chat messages). */
  prompt: string;
  latencyMs: number;
  costUsd: number;
  /** Whether cost is known (a price was configured or found); `cost` assertions fail to evaluate otherwise. */
  costKnown: boolean;
  tokens: { prompt: number; completion: number };
  cached: boolean;
  model: string;
  graders: GraderServices;
  /** Scans generated code; `code-safe` reports a failure to evaluate without one. */
  codeScanner?: CodeScanner;
  signal?: AbortSignal;
  /** Tool calls the model made (name and JSON arguments), when it made any. */
  toolCalls?: readonly { name: string; arguments: string }[];
  /** Reasoning text the upstream returned apart from the answer (`reasoning_content`), when it did. */
  reasoning?: string;
}

/** The code scanner `code-safe` delegates to (installed by a later capability). */
export type CodeScanner = (code: string, options: { language?: string; config?: Record<string, unknown> }) => Promise<AssertionOutcome> | AssertionOutcome;

/**
 * The raw fields an assertion entry may carry (promptfoo's assertion shape);
 * each descriptor's `options` schema picks and checks the ones it uses.
 */
export interface AssertionFields {
  value?: unknown;
  threshold?: number;
  config?: Record<string, unknown>;
  provider?: string;
  rubricPrompt?: string;
}

/** An assertion descriptor; `O` is the parsed options type. */
export interface AssertionDescriptor<O = unknown> {
  type: AssertionType;
  title: string;
  description: string;
  /** Validates the entry's fields (value, threshold, config, ...) into typed options. */
  options: z.ZodType<O>;
  /** Whether `value` strings are templates rendered with the case's vars before `run` (promptfoo does this). */
  templatedValue: boolean;
  run(ctx: AssertionContext, options: O): Promise<AssertionOutcome> | AssertionOutcome;
}

/**
 * A descriptor outside the built-in table (red-team detectors): same
 * contract, any type name. Such assertions are compiled by their owner, not
 * named in suite files.
 */
export interface ExternalAssertionDescriptor<O = unknown> extends Omit<AssertionDescriptor<O>, 'type' | 'run'> {
  type: string;
  run(ctx: AssertionContext, options: O): Promise<AssertionOutcome> | AssertionOutcome;
}
