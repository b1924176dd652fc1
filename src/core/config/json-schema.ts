/**
 * JSON Schema of modelgate.yaml, generated from the zod schema so editors can
 * validate and complete the file. `scripts/gen-config-schema.ts` writes it to
 * `schema/modelgate.schema.json`; a test keeps the two in step.
 */
import { z } from 'zod';
import { WrittenConfigSchema } from './config.schema.js';

/** The config's JSON Schema (draft 2020-12) as a plain object. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(WrittenConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://modelgate.dev/schema/modelgate.schema.json', title: 'modelgate.yaml' };
}

/** The schema as the text committed to the repository. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
