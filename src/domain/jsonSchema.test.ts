import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from './jsonSchema';

describe('the published JSON Schema', () => {
  it('matches the zod contract (run npm run data:schema after changing src/domain/schema.ts)', () => {
    expect(readFileSync('public/chronoscope-event.schema.json', 'utf8')).toBe(jsonSchemaText());
  });

  it('describes the required event fields', () => {
    const schema = JSON.parse(jsonSchemaText());
    expect(schema.required).toEqual(['events']);
    expect(schema.properties.events.items.required).toEqual(['id', 'title', 'start']);
  });
});
