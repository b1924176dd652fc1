import { z } from 'zod';
import { GatewaySectionSchema } from './gateway.schema.js';
import { GateSectionSchema } from './gate.schema.js';
import { ModelEntrySchema, ScanSettingsSchema } from './model.schema.js';
import { PolicySchema } from './policy.schema.js';
import { ProvidersSectionSchema } from './provider.schema.js';

/** Model names are used in file paths and URLs, so keep them tame. */
export const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The whole `modelgate.yaml` as written by a person. */
export const WrittenConfigSchema = z.strictObject({
  version: z.literal(1),
  models: z.record(z.string().regex(MODEL_NAME, 'model names use letters, digits, ".", "_" and "-"'), ModelEntrySchema).default({}),
  scan: ScanSettingsSchema.default({ fail_on: 'high', allow_globals: [] }),
  policy: PolicySchema.optional(),
  providers: ProvidersSectionSchema.default({}),
  gateway: GatewaySectionSchema.optional(),
  gate: GateSectionSchema.optional(),
  redteam: z.looseObject({}).optional(), // checked by RedteamConfigSchema in src/redteam (core may not import a capability)
});

export type Config = z.infer<typeof WrittenConfigSchema>;
