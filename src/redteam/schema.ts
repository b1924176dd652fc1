/**
 * Zod schemas for what users write: pack files (`--packs ./my-pack.yaml`) and
 * the `redteam:` section of the config (thresholds per category). Types come
 * from `z.infer`, so the schema is the single definition.
 */
import { z } from 'zod';

const Message = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) });

const Detector = z.looseObject({ type: z.string().min(1) });

const Tool = z.object({
  type: z.literal('function').default('function'),
  function: z.object({ name: z.string().min(1), description: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() }),
});

/** One probe as written: a `prompt` (with an optional `system`), or full `messages`. */
export const ProbeFileSchema = z
  .object({
    id: z.string().min(1).optional(),
    family: z.string().min(1).optional(),
    lang: z.enum(['en', 'zh']).default('en'),
    system: z.string().optional(),
    prompt: z.string().min(1).optional(),
    messages: z.array(Message).min(1).optional(),
    tools: z.array(Tool).optional(),
    detector: Detector.optional(),
    control: z.boolean().optional(),
  })
  .refine((p) => (p.prompt === undefined) !== (p.messages === undefined), { message: 'give either prompt or messages' });

/** A pack file. */
export const PackFileSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  title: z.string().optional(),
  description: z.string().optional(),
  detector: Detector,
  probes: z.array(ProbeFileSchema).min(1),
});
export type PackFile = z.infer<typeof PackFileSchema>;

/**
 * A threshold on one category's attack success rate: a number (the highest
 * rate allowed) or a condition such as `<= 0.1`, `<= 1.2*baseline`,
 * `upper <= 0.2` (the CI's upper end), optionally prefixed `attack_success`.
 */
export const ThresholdSchema = z.union([
  z.number().min(0).max(1),
  z.string().regex(/^\s*(attack_success\s*)?(upper\s*)?<=?\s*\d*\.?\d+%?\s*(\*\s*baseline)?\s*$/, 'expected e.g. "<= 0.1", "<= 1.2*baseline" or "upper <= 0.2"'),
]);

/** The `redteam:` section of modelgate.yaml (or a thresholds file). */
export const RedteamConfigSchema = z.object({
  /** Packs to run by default: built-in ids or paths of pack files. */
  packs: z.array(z.string().min(1)).optional(),
  /** Max attack success per category (pack id, `pack/lang`, or `*` for every pack). */
  thresholds: z.record(z.string(), ThresholdSchema).optional(),
});
export type RedteamConfig = z.infer<typeof RedteamConfigSchema>;
