import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../domain/guessMapping';
import { decodeText } from '../decodeText';
import { previewCsv } from './genericCsv';

/** The mapping an analyst would choose for each CSV/TSV fixture; the guess must match it role by role. */
const ANALYST_CHOICES: Record<string, Record<string, unknown>> = {
  'files/acled-dayfirst-midnight.csv': {
    date: 'event_date',
    order: 'dmy',
    precision: 'time_precision',
    id: 'event_id_cnty',
    actors: ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2'],
    actorTypes: { actor1: { column: 'inter1' }, actor2: { column: 'inter2' } },
    type: 'event_type',
    location: 'location',
    lat: 'latitude',
    lon: 'longitude',
    description: 'notes',
    url: 'source',
    urlSeparator: ';',
    tags: 'tags',
  },
  'files/compact-iso.csv': {
    date: 'date',
    title: 'headline',
    actors: ['actor'],
    separator: ';',
    location: 'country',
    url: 'source',
  },
  'files/coordinates.csv': {
    date: 'date',
    id: 'id',
    title: 'title',
    location: 'place',
    lat: 'lat',
    lon: 'lon',
  },
  'files/council-minutes.tab': {
    date: 'date',
    order: 'dmy',
    id: 'id',
    title: 'title',
    actors: ['actors'],
    separator: ';',
    location: 'place',
  },
  'files/duplicate-ids.csv': { date: 'date', id: 'ref', title: 'title', actors: ['actors'] },
  'files/excel-serials.csv': { date: 'Event Date', kind: 'excel', title: 'Event', actors: ['Who'] },
  'files/generic-aid.csv': {
    date: 'When',
    order: 'dmy',
    title: 'Headline',
    actors: ['Who'],
    separator: ';',
    type: 'Category',
    location: 'Where',
    description: 'Notes',
    url: 'Link',
    id: 'Reference',
  },
  'files/id-before-date.csv': {
    date: 'date',
    id: 'event_id_1pd',
    type: 'event_type',
    location: 'location',
    description: 'description',
  },
  'files/multi-values.csv': {
    date: 'date',
    id: 'id',
    title: 'title',
    url: 'sources',
    urlSeparator: '|',
    tags: 'tags',
    tagSeparator: ';',
    actors: ['actors'],
    separator: '|',
  },
  'third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv': {
    date: 'date_start',
    order: 'mdy',
    end: 'date_end',
    precision: 'date_prec',
    precisionCodes: 'ucdp',
    id: 'id',
    actors: ['side_a', 'side_b'],
    type: 'type_of_violence',
    location: 'where_description',
    lat: 'latitude',
    lon: 'longitude',
  },
  'third-party/timesketch/evtx_part.csv': { date: 'datetime', title: 'message' },
};

describe('guessMapping on every CSV/TSV fixture', () => {
  it.each(Object.entries(ANALYST_CHOICES))(
    '%s: every role as an analyst would map it',
    (path, roles) => {
      const { text } = decodeText(new Uint8Array(readFileSync(`fixtures/${path}`)));
      const p = previewCsv(text);
      expect(guessMapping(p.headers, p.rows)).toMatchObject(roles);
    },
  );

  it('misses what no name or content tells: UCDP has no title column, Timesketch types by timestamp_desc', () => {
    const ucdp = previewCsv(
      decodeText(
        new Uint8Array(readFileSync('fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv')),
      ).text,
    );
    expect(guessMapping(ucdp.headers, ucdp.rows).title).toBeUndefined();
    const evtx = previewCsv(readFileSync('fixtures/third-party/timesketch/evtx_part.csv', 'utf8'));
    expect(guessMapping(evtx.headers, evtx.rows).type).toBe('data_type');
  });
});
