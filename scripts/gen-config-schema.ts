// Writes schema/modelgate.schema.json from the zod config schema: npx vite-node scripts/gen-config-schema.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { configJsonSchemaText } from '../src/core/config/json-schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/modelgate.schema.json', import.meta.url), configJsonSchemaText());
process.stdout.write('wrote schema/modelgate.schema.json\n');
