/**
 * The schema of one catalog file (`catalog/licenses/<id>.yaml`). Keys mirror
 * the `CatalogEntry` type one to one, so a file reads like the object the
 * identifier works with.
 */
import { z } from 'zod';

const text = z.string().trim().min(1);
const Permission = z.enum(['allowed', 'not-allowed', 'conditional', 'unknown']);

/** Typed obligations; every field is required so an entry states what it does not know as `unknown`. */
export const ObligationsSchema = z.strictObject({
  commercialUse: z.strictObject({ status: Permission, conditions: z.array(text).default([]) }),
  userThreshold: z.strictObject({ monthlyActiveUsers: z.number().int().positive(), consequence: text }).optional(),
  authorization: z.enum(['none', 'registration', 'written-authorization', 'unknown']),
  attribution: z.strictObject({ required: z.boolean(), notice: text.optional(), naming: text.optional() }),
  acceptableUsePolicy: z.strictObject({ applies: z.boolean(), reference: text.optional() }),
  outputUse: z.strictObject({ improveOtherModels: Permission, note: text.optional() }),
  redistribution: z.strictObject({ status: Permission, conditions: z.array(text).default([]) }),
  derivatives: z.strictObject({ inheritRestrictions: z.boolean(), shareAlike: z.boolean() }),
  territory: z.strictObject({ governingLaw: text.optional(), excludedRegions: z.array(text).default([]) }),
});

/** Identifying facts: short titles, names, terms and figures, never passages of the text. */
export const FactsSchema = z.strictObject({
  titles: z.array(text).default([]),
  parties: z.array(text).default([]),
  keyTerms: z.array(text).default([]),
  figures: z.array(text).default([]),
});

/** One license and version. */
export const CatalogEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lowercase letters, digits, dots and dashes'),
  name: text,
  family: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  // Versions are strings: YAML would read 2.10 as the number 2.1.
  version: text,
  spdx: text.optional(),
  cardIds: z.array(text).default([]),
  url: z.url().optional(),
  facts: FactsSchema,
  excludes: z.array(text).optional(),
  versionPatterns: z.array(z.string().regex(/\{v\}/, 'must contain {v} where the version number stands')).optional(),
  obligations: ObligationsSchema,
});

/** A catalog file after validation. */
export type CatalogFile = z.infer<typeof CatalogEntrySchema>;
