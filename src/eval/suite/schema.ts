/**
 * The suite file as written. modelgate's format is promptfoo's core
 * (`prompts`, `providers`, `tests`, `defaultTest`, `assert`) plus a few keys
 * of its own (`models`, `baseline`, `judge`, `request`, `gate`), so a
 * promptfoo config needs only light normalising (see promptfoo.ts) before it
 * is checked by the same schema.
 */
import { z } from 'zod';
import { GateSchema } from '../gate/index.js';

/** A model or judge named by a string ref, or promptfoo's `{ id, label, config }`. */
export const ProviderEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    id: z.string().min(1),
    label: z.string().min(1).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  }),
]);
export type ProviderEntry = z.infer<typeof ProviderEntrySchema>;

/** One assertion entry (promptfoo's shape). The type is checked against the assertion table later, with its options. */
export const AssertionEntrySchema = z.strictObject({
  type: z.string().min(1),
  value: z.unknown().optional(),
  threshold: z.number().optional(),
  weight: z.number().min(0).optional(),
  metric: z.string().min(1).optional(),
  /** The judge or embedder this assertion uses (a model ref). */
  provider: z.string().min(1).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  rubricPrompt: z.string().min(1).optional(),
});
export type AssertionEntry = z.infer<typeof AssertionEntrySchema>;

/** Per-test options: the judge for model-graded assertions and its prompt (promptfoo's `options`). */
export const TestOptionsSchema = z.strictObject({
  provider: z.string().min(1).optional(),
  rubricPrompt: z.string().min(1).optional(),
});

const testFields = {
  description: z.string().optional(),
  vars: z.record(z.string(), z.unknown()).optional(),
  assert: z.array(AssertionEntrySchema).optional(),
  /** With a threshold, the case passes when its weighted score reaches it instead of when every assertion passes. */
  threshold: z.number().min(0).max(1).optional(),
  options: TestOptionsSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
};

/** A test: inline vars and assertions, or `file:` rows of vars (CSV, JSONL, JSON, YAML) sharing its assertions. */
export const TestSchema = z.strictObject({ ...testFields, file: z.string().min(1).optional() });
export type TestEntry = z.infer<typeof TestSchema>;

/** A test as one row of a JSONL/JSON/YAML data file gives it. */
export const RowTestSchema = z.strictObject(testFields);

/** Defaults merged into every test. */
export const DefaultTestSchema = z.strictObject(testFields);

const MessageSchema = z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });

/** A prompt: template text (or `file://path`), or an object with a label and raw text or chat messages. */
export const PromptEntrySchema = z.union([
  z.string().min(1),
  z
    .strictObject({
      id: z.string().min(1).optional(),
      label: z.string().min(1).optional(),
      raw: z.string().min(1).optional(),
      messages: z.array(MessageSchema).min(1).optional(),
    })
    .refine((p) => [p.raw, p.messages, p.id].filter((x) => x !== undefined).length >= 1, 'a prompt object needs raw, messages or id (a file:// path)'),
]);
export type PromptEntry = z.infer<typeof PromptEntrySchema>;

/** Request parameters for every model call of the suite (a provider entry's `config` may override them per model). */
export const RequestSchema = z.strictObject({
  /** A system message prepended to text prompts. */
  system: z.string().optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  max_tokens: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
  stop: z.union([z.string(), z.array(z.string())]).optional(),
  /** `json` asks for a JSON object (the upstream's JSON mode, or a grammar for local models); an object asks for JSON matching a schema. */
  response_format: z.union([z.enum(['text', 'json']), z.strictObject({ name: z.string().default('response'), schema: z.record(z.string(), z.unknown()) })]).optional(),
  /** Stream responses, which records time to first token. */
  stream: z.boolean().optional(),
  timeout_ms: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
});
export type RequestSettings = z.infer<typeof RequestSchema>;

/** The whole suite. */
export const SuiteSchema = z.strictObject({
  description: z.string().optional(),
  prompts: z.array(PromptEntrySchema).min(1, 'a suite needs at least one prompt'),
  /** promptfoo's list of models to run (refs or `{ id, label, config }`). */
  providers: z.array(ProviderEntrySchema).optional(),
  /** Manifest model names or provider refs to run (`--models` overrides both lists). */
  models: z.array(z.string().min(1)).optional(),
  /** The model candidates are compared against (a model label). */
  baseline: z.string().min(1).optional(),
  /** Default judge for `llm-rubric`. */
  judge: z.string().min(1).optional(),
  request: RequestSchema.optional(),
  defaultTest: DefaultTestSchema.optional(),
  tests: z.array(TestSchema).default([]),
  /** Upgrade-gate thresholds, checked after the run (see the gate module). */
  gate: GateSchema.optional(),
  evaluateOptions: z
    .strictObject({
      maxConcurrency: z.number().int().positive().optional(),
      repeat: z.number().int().positive().optional(),
    })
    .optional(),
});
export type SuiteFile = z.infer<typeof SuiteSchema>;
