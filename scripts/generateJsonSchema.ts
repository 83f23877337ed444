/** Writes public/chronoscope-event.schema.json from the zod contract (npm run data:schema). */
import { writeFileSync } from 'node:fs';
import { jsonSchemaText } from '../src/domain/jsonSchema.ts';

writeFileSync('public/chronoscope-event.schema.json', jsonSchemaText());
console.log('wrote public/chronoscope-event.schema.json');
