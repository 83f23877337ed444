import { z } from 'zod';
import { DocumentSchema } from './schema';

/** The chronoscope/1 JSON Schema text, generated from the zod contract. */
export function jsonSchemaText(): string {
  const schema = z.toJSONSchema(DocumentSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(
    {
      $id: 'https://chronoscope.example/chronoscope-event.schema.json',
      title: 'Chronoscope event format, version 1 (chronoscope/1)',
      description:
        'A document of events and entities for Chronoscope. A bare JSON array of events is also accepted. See the README, "The data format".',
      ...schema,
    },
    null,
    2,
  )}\n`;
}
