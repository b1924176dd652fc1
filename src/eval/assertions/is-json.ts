/**
 * `is-json` (the whole output is JSON) and `contains-json` (some JSON value
 * appears in it, fenced or inline), each optionally checked against a JSON
 * Schema given as the value. Schemas are converted to zod once per distinct
 * schema and reused across cases.
 */
import { z } from 'zod';
import { defineAssertion, notEvaluated, outcome } from './define.js';
import { canonicalJson, findJsonValues, tryJson } from './json-text.js';
import type { AssertionOutcome } from './types.js';

const schemas = new Map<string, z.ZodType | string>();

function validatorFor(schema: Record<string, unknown>): z.ZodType | string {
  const key = canonicalJson(schema);
  let v = schemas.get(key);
  if (v === undefined) {
    try {
      v = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    } catch (e) {
      v = `the JSON Schema cannot be used: ${(e as Error).message}`;
    }
    if (schemas.size > 200) schemas.clear();
    schemas.set(key, v);
  }
  return v;
}

/** The value may be the schema itself, or JSON text of it (as CSV cells give it). */
const options = z.object({
  value: z
    .union([z.record(z.string(), z.unknown()), z.string()])
    .optional()
    .transform((v, ctx) => {
      if (typeof v !== 'string') return v;
      const j = tryJson(v);
      if (j && j.value && typeof j.value === 'object' && !Array.isArray(j.value)) return j.value as Record<string, unknown>;
      ctx.addIssue({ code: 'custom', message: 'expected a JSON Schema object' });
      return z.NEVER;
    }),
});

function check(values: unknown[], schema: Record<string, unknown> | undefined, what: string): AssertionOutcome {
  if (values.length === 0) return outcome(false, `${what} is not valid JSON`);
  if (!schema) return outcome(true, `${what} is valid JSON`);
  const validator = validatorFor(schema);
  if (typeof validator === 'string') return notEvaluated(validator);
  let firstIssue = '';
  for (const v of values) {
    const r = validator.safeParse(v);
    if (r.success) return outcome(true, `${what} is JSON matching the schema`);
    const i = r.error.issues[0];
    firstIssue ||= i ? `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}` : 'does not match';
  }
  return outcome(false, `${what} is JSON but does not match the schema (${firstIssue})`);
}

export const isJsonAssertion = defineAssertion({
  type: 'is-json',
  title: 'Is JSON',
  description: 'The whole output parses as JSON; with a value, it must also match that JSON Schema.',
  options,
  templatedValue: false,
  run({ output }, { value }) {
    const j = tryJson(output.trim());
    return check(j ? [j.value] : [], value, 'output');
  },
});

export const containsJsonAssertion = defineAssertion({
  type: 'contains-json',
  title: 'Contains JSON',
  description: 'The output contains a JSON value (in a code fence or inline); with a value, one of them must match that JSON Schema.',
  options,
  templatedValue: false,
  run: ({ output }, { value }) => check(findJsonValues(output), value, 'the output contains JSON that'),
});
