import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from './json-schema.js';

describe('config JSON Schema', () => {
  it('matches the committed schema/modelgate.schema.json (run scripts/gen-config-schema.ts after changing the config schema)', () => {
    const committed = readFileSync(new URL('../../../schema/modelgate.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });

  it('describes the top-level keys and forbids unknown ones', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties: unknown; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['version', 'models', 'scan', 'policy', 'providers']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('version');
  });
});
