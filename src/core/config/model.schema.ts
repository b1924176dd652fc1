import { z } from 'zod';
import { SEVERITIES } from '../findings.js';
import { parseSource } from './source.js';

/** A model entry in `models:`. Artifact models have `source`; hosted API models have `provider` + `model` + `version`. */
export const ModelEntrySchema = z.strictObject({
  /** `./path`, `/abs/path` or `hf:ORG/REPO[@REVISION]`. */
  source: z
    .string()
    .min(1)
    .superRefine((raw, ctx) => {
      const parsed = parseSource(raw);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    })
    .optional(),
  /** Glob patterns of files to take from the source (default: every file). */
  include: z.array(z.string().min(1)).optional(),
  /** Glob patterns of files to leave out. */
  exclude: z.array(z.string().min(1)).optional(),
  /** Hosted API: provider type (see `providers:`), model name and the pinned version string. */
  provider: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  version: z.string().min(1).optional(),
  base_url: z.url().optional(),
  /** Free-form description shown in reports. */
  description: z.string().optional(),
});
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

/** `scan:` settings for `modelgate scan` and the gate. */
export const ScanSettingsSchema = z.strictObject({
  fail_on: z.enum(SEVERITIES).default('high'),
  /** Extra `module.name` callables a pickle may reach without a finding (your own trusted classes). */
  allow_globals: z.array(z.string().regex(/^[\w.]+\.[\w]+$/, 'expected module.name')).default([]),
});
export type ScanSettings = z.infer<typeof ScanSettingsSchema>;
