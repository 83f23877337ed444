import { describe, expect, it } from 'vitest';
import { normaliseDocument } from './normalise';

const ok = { id: 'a', title: 'A', start: '2023-12-21' };

function load(events: unknown[], entities?: unknown) {
  return normaliseDocument({ events, ...(entities !== undefined ? { entities } : {}) });
}

describe('normaliseDocument: rejected events are reported, valid ones kept', () => {
  it.each([
    ['missing id', { title: 'T', start: '2023' }, /missing id/],
    ['missing title', { id: 'x', start: '2023' }, /missing title/],
    ['empty title', { id: 'x', title: '  ', start: '2023' }, /title/],
    ['unreadable start', { id: 'x', title: 'T', start: 'last Tuesday' }, /unreadable start/],
    ['missing start', { id: 'x', title: 'T' }, /missing start/],
    [
      'end before start',
      { id: 'x', title: 'T', start: '2023-12-21', end: '2023-12-01' },
      /end 2023-12-01 is before start/,
    ],
    [
      'lat without lon',
      { id: 'x', title: 'T', start: '2023', location: { name: 'Kyiv', lat: 50.45 } },
      /lat without lon/,
    ],
    [
      'latitude out of range',
      { id: 'x', title: 'T', start: '2023', location: { lat: 91, lon: 0 } },
      /latitude/,
    ],
    ['not an object', 'just a string', /not an object/],
    ['null', null, /not an object/],
  ])('%s', (_name, bad, reason) => {
    const ds = load([ok, bad]);
    expect(ds.events.map((e) => e.id)).toEqual(['a']);
    const errors = ds.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.position).toBe(2);
    expect(errors[0]!.message).toMatch(reason);
  });

  it('keeps a place’s precision, and keeps the place with a warning when the precision is not a known word', () => {
    const ds = load([
      { ...ok, location: { name: 'Donetsk oblast', lat: 48, lon: 37.8, precision: 'region' } },
      { ...ok, id: 'b', location: { name: 'Kyiv', lat: 50.45, lon: 30.52, precision: 'exact' } },
      { ...ok, id: 'c', location: { name: 'Kharkiv', lat: 50, lon: 36.2, precision: 'roughly' } },
    ]);
    expect(ds.events.map((e) => e.location)).toEqual([
      { name: 'Donetsk oblast', lat: 48, lon: 37.8, precision: 'region' },
      { name: 'Kyiv', lat: 50.45, lon: 30.52 },
      { name: 'Kharkiv', lat: 50, lon: 36.2 },
    ]);
    expect(ds.issues.map((i) => [i.severity, i.id, i.message])).toEqual([
      [
        'warning',
        'c',
        expect.stringMatching(
          /location.precision "roughly" is not one of exact, near, district, region, country/,
        ),
      ],
    ]);
  });

  it('keeps the first of duplicate ids and reports the rest by position', () => {
    const ds = load([ok, { ...ok, title: 'second' }, { ...ok, title: 'third' }]);
    expect(ds.events).toHaveLength(1);
    expect(ds.events[0]!.title).toBe('A');
    expect(ds.issues.map((i) => [i.position, i.id])).toEqual([
      [2, 'a'],
      [3, 'a'],
    ]);
  });

  it('keeps an event with a non-string actor, drops that actor and warns', () => {
    const ds = load([{ ...ok, actors: ['Kirby', { name: 'x' }, 42] }]);
    expect(ds.events).toHaveLength(1);
    expect(ds.events[0]!.actors).toEqual(['Kirby', '42']);
    expect(
      ds.issues
        .filter((i) => i.severity === 'warning')
        .map((i) => i.message)
        .join('\n'),
    ).toMatch(/actors\[1\] is an object/);
  });

  it('keeps a 5 MB description whole', () => {
    const description = 'x'.repeat(5 * 1024 * 1024);
    const ds = load([{ ...ok, description }]);
    expect(ds.events[0]!.description).toHaveLength(description.length);
  });

  it('accepts numeric ids as text', () => {
    expect(load([{ ...ok, id: 7 }]).events[0]!.id).toBe('7');
  });
});

describe('normaliseDocument: fields', () => {
  it('computes the interval of a range from the end of its end date', () => {
    const e = load([{ ...ok, start: '2023-12-01', end: '2023-12-05' }]).events[0]!;
    expect(e.hasEnd).toBe(true);
    expect(e.end).toBe(Date.parse('2023-12-06T00:00:00Z'));
  });

  it('uses the declared precision and keeps approximate', () => {
    const e = load([{ ...ok, start: '2023-12-21', precision: 'month', approximate: true }])
      .events[0]!;
    expect(e).toMatchObject({
      precision: 'month',
      approximate: true,
      start: Date.parse('2023-12-01T00:00:00Z'),
    });
  });

  it('draws an uncertain event across the interval its record gives, marked approximate', () => {
    // UCDP date_prec 5: known only to the year, between 1 July and 3 August.
    const e = load([{ ...ok, start: '2014-07-01', end: '2014-08-03', precision: 'year' }])
      .events[0]!;
    expect(e).toMatchObject({
      precision: 'day',
      approximate: true,
      start: Date.parse('2014-07-01T00:00:00Z'),
      end: Date.parse('2014-08-04T00:00:00Z'),
    });
  });

  it('widens an uncertain event to its calendar period only when no interval is given', () => {
    const e = load([{ ...ok, start: '2014-07-01', precision: 'year' }]).events[0]!;
    expect(e).toMatchObject({
      precision: 'year',
      approximate: false,
      start: Date.parse('2014-01-01T00:00:00Z'),
      end: Date.parse('2015-01-01T00:00:00Z'),
    });
  });

  it('warns on an unknown precision and falls back to the written one', () => {
    const ds = load([{ ...ok, precision: 'fortnight' }]);
    expect(ds.events[0]!.precision).toBe('day');
    expect(ds.issues[0]).toMatchObject({ severity: 'warning', field: 'precision' });
  });

  it('keeps unknown fields, including ones named like Object.prototype members', () => {
    const raw = JSON.parse(
      '{"id":"a","title":"A","start":"2023","casualties":3,"__proto__":{"polluted":1},"constructor":"c"}',
    );
    const e = load([raw]).events[0]!;
    expect(e.other.casualties).toBe(3);
    expect(Object.keys(e.other)).toEqual(['casualties', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('normalises sources; a bare URL string becomes a source', () => {
    const e = load([
      {
        ...ok,
        sources: [
          'https://example.org/a',
          { title: 'T', url: 'javascript:alert(1)', published: '2023-12-20' },
        ],
      },
    ]).events[0]!;
    expect(e.sources).toEqual([
      { url: 'https://example.org/a' },
      { title: 'T', url: 'javascript:alert(1)', published: '2023-12-20' },
    ]);
  });
});

describe('entity resolution', () => {
  const entities = [
    {
      id: 'lloyd-austin',
      name: 'Lloyd J. Austin III',
      type: 'person',
      aliases: ['Lloyd Austin', 'Austin'],
    },
    { id: 'kirby', name: 'John Kirby', type: 'person' },
  ];

  it.each([
    ['lloyd-austin', 'lloyd-austin'],
    ['LLOYD-AUSTIN', 'lloyd-austin'],
    ['Lloyd J. Austin III', 'lloyd-austin'],
    ['  lloyd   austin ', 'lloyd-austin'],
    ['austin', 'lloyd-austin'],
    ['john kirby', 'kirby'],
  ])('%j resolves to %s', (ref, id) => {
    const ds = load([{ ...ok, actors: [ref] }], entities);
    expect(ds.events[0]!.actors).toEqual([id]);
    expect(ds.entities).toHaveLength(2);
  });

  it('creates one unknown entity per new name, reused case-insensitively', () => {
    const ds = load(
      [
        { ...ok, actors: ['Rustem Umerov'] },
        { ...ok, id: 'b', actors: ['rustem  umerov'] },
      ],
      entities,
    );
    expect(ds.entities).toHaveLength(3);
    expect(ds.entities[2]).toEqual({
      id: 'Rustem Umerov',
      name: 'Rustem Umerov',
      type: 'unknown',
      aliases: [],
    });
    expect(ds.events.map((e) => e.actors)).toEqual([['Rustem Umerov'], ['Rustem Umerov']]);
  });

  it('reports a duplicate entity id and an entity without name, keeping the rest', () => {
    const ds = load([ok], [...entities, { id: 'kirby', name: 'Other' }, { id: 'nameless' }]);
    expect(ds.entities.map((e) => e.id)).toEqual(['lloyd-austin', 'kirby']);
    expect(ds.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/duplicate entity id "kirby"/),
      expect.stringMatching(/has no name/),
    ]);
  });

  it('dedupes an actor named twice through an alias', () => {
    const ds = load([{ ...ok, actors: ['Austin', 'lloyd-austin'] }], entities);
    expect(ds.events[0]!.actors).toEqual(['lloyd-austin']);
  });
});
