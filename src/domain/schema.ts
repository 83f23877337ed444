import { z } from 'zod';
import { PLACE_PRECISIONS } from './placePrecision';
import { ENTITY_TYPES, PRECISIONS } from './types';

/**
 * The chronoscope/1 contract (../shared/EVENT_FORMAT.md) as zod schemas. The normaliser validates field by field
 * with these pieces so that one bad field rejects (or is repaired in) one event only; the JSON Schema in
 * public/chronoscope-event.schema.json is generated from DocumentSchema (scripts/generateJsonSchema.ts).
 */
const isoDate = z
  .string()
  .regex(
    /^([+-]\d{4,}|\d{4})(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}([.,]\d{1,9})?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?)?)?)?$/i,
  )
  .describe(
    'ISO 8601 date of any precision: 2023, 2023-12, 2023-12-21, 2023-12-21T14:05Z, +012023, -013800000000',
  );

export const PrecisionSchema = z.enum(PRECISIONS);
export const EntityTypeSchema = z.enum(ENTITY_TYPES);

export const SourceSchema = z.looseObject({
  title: z.string().optional(),
  url: z
    .string()
    .describe('http or https only; other schemes are shown as text, never as links')
    .optional(),
  publisher: z.string().optional(),
  published: z.string().optional(),
  quote: z.string().optional(),
});

export const LocationSchema = z.looseObject({
  name: z.string().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  precision: z
    .enum(PLACE_PRECISIONS)
    .describe(
      'how precisely lat/lon place the event: exact, near (~25 km), district, region, country',
    )
    .optional(),
});

export const EntitySchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  type: EntityTypeSchema.optional(),
  aliases: z.array(z.string()).optional(),
  description: z.string().optional(),
});

export const EventSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  start: isoDate,
  end: isoDate.nullable().optional(),
  precision: PrecisionSchema.optional(),
  approximate: z.boolean().optional(),
  type: z.string().optional(),
  actors: z.array(z.string()).describe('entity ids, names or aliases').optional(),
  location: LocationSchema.optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  sources: z.array(SourceSchema).optional(),
});

export const DocumentSchema = z.looseObject({
  format: z.literal('chronoscope/1').optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  attribution: z.string().describe('origin, citation and licence of the data').optional(),
  entities: z.array(EntitySchema).optional(),
  events: z.array(EventSchema),
  annotations: z
    .record(
      z.string(),
      z.looseObject({
        star: z.literal(true).optional(),
        note: z.string().describe('plain text').optional(),
        tags: z.array(z.string()).optional(),
      }),
    )
    .describe("the analyst's stars, notes and tags, by event id (an export with the layer)")
    .optional(),
  addedEvents: z
    .array(z.string())
    .describe('ids of the events above that the analyst added (an export with the layer)')
    .optional(),
  curation: z
    .looseObject({
      merges: z.record(z.string(), z.string()).describe('entity id → the entity it is counted as'),
      edits: z.record(
        z.string(),
        z.looseObject({
          name: z.string().optional(),
          type: EntityTypeSchema.optional(),
          aliases: z.array(z.string()).optional(),
        }),
      ),
    })
    .describe("the analyst's entity curation the export was read with (an export with the layer)")
    .optional(),
});

export type EventInput = z.infer<typeof EventSchema>;
