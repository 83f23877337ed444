import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_BYS } from '../domain/lanes';
import { ENTITY_TYPES, PRECISIONS } from '../domain/types';
import {
  DEFAULT_VIEW,
  LIST_SCOPES,
  MAX_DATA_LENGTH,
  MAX_LIST_PAGE,
  PARAMS,
  parseViewState,
  serialiseViewState,
  toggleExcludedActor,
  toggleIncludedActor,
  type ViewState,
} from './viewState';
import { DATE_ORDERS } from '../domain/looseDate';
import type { CsvMapping } from '../domain/csvMapping';
import { READABLE_FORMATS } from '../domain/formats';
import { LIST_SORT_KEYS } from '../domain/eventOrder';
import type { MeasureRange } from '../domain/measures';

const D = (s: string) => Date.parse(s);

describe('parseViewState: a table of links', () => {
  it.each<[string, Partial<ViewState>]>([
    ['', {}],
    ['data=ucdp-ukraine', { data: 'ucdp-ukraine' }],
    ['data=https%3A%2F%2Fexample.org%2Fe.json', { data: 'https://example.org/e.json' }],
    [
      'from=2023-12-01&to=2024-01-01',
      { from: D('2023-12-01T00:00:00Z'), to: D('2024-01-01T00:00:00Z') },
    ],
    [
      'from=2023-12-21T14:05:09.120Z&to=2023-12-21T14:05:09.250Z',
      { from: D('2023-12-21T14:05:09.120Z'), to: D('2023-12-21T14:05:09.250Z') },
    ],
    ['actor=austin&actor=umerov&match=all', { actors: ['austin', 'umerov'], match: 'all' }],
    ['xactor=kirby', { xactors: ['kirby'] }],
    [
      'type=meeting&tag=aid&place=Kyiv&prec=month&etype=person',
      { types: ['meeting'], tags: ['aid'], places: ['Kyiv'], prec: ['month'], etypes: ['person'] },
    ],
    ['q=%22frozen+assets%22', { q: '"frozen assets"' }],
    ['since=2023-12&until=2024', { since: '2023-12', until: '2024' }],
    [
      'group=actor&event=call&tz=Europe%2FKyiv',
      { group: 'actor', event: 'call', tz: 'Europe/Kyiv' },
    ],
    ['actor=a&actor=a&actor=+b+', { actors: ['a', 'b'] }],
    ['list=view', { list: 'view' }],
    ['page=12', { page: 12 }],
    ['page=1', {}],
    ['tz=Europe%2FKiev', { tz: 'Europe/Kyiv' }],
    ['tz=Asia%2FCalcutta', { tz: 'Asia/Kolkata' }],
    ['tz=UTC', { tz: 'utc' }],
  ])('?%s', (search, expected) => {
    const { state, notices } = parseViewState(search);
    expect(notices).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_VIEW, ...expected });
  });

  it.each([
    ['utm_source=mail', /unknown link parameter: utm_source/],
    ['group=sideways', /grouping "sideways"/],
    ['from=yesterday&to=2024', /time window/],
    ['from=2024&to=2023', /before "to"/],
    ['from=2024', /needs both/],
    ['tz=Mars%2FBase', /time zone/],
    ['prec=fortnight', /precision "fortnight"/],
    ['match=most', /match "most"/],
    ['since=soon', /date filter since/],
    ['v=banana', /link version/],
    ['list=some', /list "some"/],
    ['page=0', /page="0"/],
    ['page=-2', /page="-2"/],
    ['page=2.5', /page="2.5"/],
    ['page=10000000', /page="10000000".*first page/],
    ['v=9', /newer Chronoscope/],
  ])('?%s is dropped with a notice', (search, notice) => {
    const { state, notices } = parseViewState(search);
    expect(notices.join(' ')).toMatch(notice);
    expect(state.group).toBe('none');
    expect(state.from).toBeUndefined();
  });

  it('keeps the good parameters next to bad ones', () => {
    const { state } = parseViewState('actor=austin&group=nope&from=x&q=aid');
    expect(state).toMatchObject({ actors: ['austin'], q: 'aid', group: 'none' });
  });

  it('keeps a signed dataset URL of thousands of characters and refuses one past the limit, with a notice', () => {
    const signed = `https://storage.example.org/b/e.json?X-Signature=${'a'.repeat(2000)}`;
    const ok = parseViewState(`data=${encodeURIComponent(signed)}`);
    expect(ok.state.data).toBe(signed);
    expect(ok.notices).toEqual([]);
    const tooLong = `https://x.example/e.json?s=${'a'.repeat(MAX_DATA_LENGTH)}`;
    const refused = parseViewState(`data=${encodeURIComponent(tooLong)}`);
    expect(refused.state.data).toBeUndefined();
    expect(refused.notices).toEqual(['Ignored "data": longer than 8,000 characters.']);
    expect(parseViewState(`q=${'a'.repeat(501)}`).notices).toEqual([
      'Ignored "q": longer than 500 characters.',
    ]);
  });

  it('reads a link without v as version 1', () => {
    expect(parseViewState('group=type').state.group).toBe('type');
  });
});

describe('serialiseViewState', () => {
  it('leaves defaults out', () => {
    expect(serialiseViewState(DEFAULT_VIEW)).toBe('');
  });

  it.each([
    [
      'from=2014-06-01T00:00:00Z&to=2014-07-01T00:00:00.000Z',
      'from=2014-06-01T00%3A00Z&to=2014-07-01T00%3A00Z&v=1',
    ],
    ['from=2014-06-01&to=2014-07-01', 'from=2014-06-01T00%3A00Z&to=2014-07-01T00%3A00Z&v=1'],
    [
      'from=2014-06-01T00:00:00.001Z&to=2014-06-01T00:00:07Z',
      'from=2014-06-01T00%3A00%3A00.001Z&to=2014-06-01T00%3A00%3A07Z&v=1',
    ],
    ['tz=Europe%2FKiev', 'tz=Europe%2FKyiv&v=1'],
  ])('rewrites ?%s as ?%s, keeping the time of day', (search, canonical) => {
    expect(serialiseViewState(parseViewState(search).state)).toBe(canonical);
  });

  it('keeps any window exact to the millisecond through a link', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8.64e15, max: 8.64e15 - 1 }),
        fc.integer({ min: 1, max: 1e13 }),
        (from, span) => {
          const to = Math.min(8.64e15, from + span);
          const back = parseViewState(serialiseViewState({ ...DEFAULT_VIEW, from, to })).state;
          expect([back.from, back.to]).toEqual([from, to]);
        },
      ),
    );
  });

  it('writes a short readable link', () => {
    const s: ViewState = {
      ...DEFAULT_VIEW,
      actors: ['lloyd-austin'],
      group: 'actor',
      from: D('2023-12-01T00:00:00Z'),
      to: D('2023-12-21T14:05:09.120Z'),
    };
    expect(serialiseViewState(s)).toBe(
      'from=2023-12-01T00%3A00Z&to=2023-12-21T14%3A05%3A09.120Z&actor=lloyd-austin&group=actor&v=1',
    );
  });
});

const text = fc
  .string({ minLength: 1, maxLength: 30 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const isoDay = fc
  .integer({ min: -3000, max: 3000 })
  .map((y) => (y < 0 ? `-${String(-y).padStart(6, '0')}` : String(y).padStart(4, '0')));
const arbMapping: fc.Arbitrary<CsvMapping> = fc
  .record(
    {
      date: text,
      order: fc.constantFrom(...DATE_ORDERS),
      actors: fc.uniqueArray(text, { maxLength: 3 }),
      separator: fc.string({ maxLength: 3 }),
      time: text,
      end: text,
      title: text,
      type: text,
      location: text,
      description: text,
      url: text,
      id: text,
      sheet: text,
    },
    { requiredKeys: ['date', 'order', 'actors', 'separator'] },
  )
  .map((m) => m as CsvMapping);
const bound = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0);
const arbMeasureRange: fc.Arbitrary<MeasureRange> = fc
  .record({ name: text, a: fc.option(bound), b: fc.option(bound) })
  .filter(({ a, b }) => a !== null || b !== null)
  .map(({ name, a, b }) => {
    const [min, max] = a !== null && b !== null ? [Math.min(a, b), Math.max(a, b)] : [a, b];
    return {
      name,
      ...(min !== null ? { min } : {}),
      ...(max !== null ? { max } : {}),
    };
  });
const arbState: fc.Arbitrary<ViewState> = fc
  .record({
    data: fc.option(text, { nil: undefined }),
    fmt: fc.option(fc.constantFrom(...READABLE_FORMATS), { nil: undefined }),
    map: fc.option(arbMapping, { nil: undefined }),
    window: fc.option(
      fc
        .tuple(fc.integer({ min: -8e15, max: 8e15 }), fc.integer({ min: 1, max: 1e15 }))
        .map(([a, d]) => [a, Math.min(8.64e15, a + d)] as const)
        .filter(([a, b]) => a < b),
      { nil: undefined },
    ),
    actors: fc.uniqueArray(text, { maxLength: 4 }),
    xactors: fc.uniqueArray(text, { maxLength: 2 }),
    match: fc.constantFrom('any' as const, 'all' as const),
    etypes: fc.uniqueArray(fc.constantFrom(...ENTITY_TYPES), { maxLength: 3 }),
    types: fc.uniqueArray(text, { maxLength: 3 }),
    tags: fc.uniqueArray(text, { maxLength: 3 }),
    places: fc.uniqueArray(text, { maxLength: 3 }),
    prec: fc.uniqueArray(fc.constantFrom(...PRECISIONS), { maxLength: 3 }),
    q: fc.oneof(fc.constant(''), text),
    since: fc.option(isoDay, { nil: undefined }),
    until: fc.option(isoDay, { nil: undefined }),
    group: fc.constantFrom(...GROUP_BYS),
    event: fc.option(text, { nil: undefined }),
    tz: fc.constantFrom('utc', 'local', 'Europe/Kyiv', 'America/New_York', 'Asia/Kolkata'),
    bbox: fc.option(
      fc
        .record({
          west: fc.integer({ min: -180e6, max: 180e6 }),
          east: fc.integer({ min: -180e6, max: 180e6 }),
          a: fc.integer({ min: -90e6, max: 90e6 }),
          b: fc.integer({ min: -90e6, max: 90e6 }),
        })
        .filter(({ west, east, a, b }) => west !== east && a !== b)
        .map(({ west, east, a, b }) => ({
          west: west / 1e6,
          east: east / 1e6,
          south: Math.min(a, b) / 1e6,
          north: Math.max(a, b) / 1e6,
        })),
      { nil: undefined },
    ),
    geo: fc.boolean(),
    geowin: fc.boolean(),
    list: fc.constantFrom(...LIST_SCOPES),
    measures: fc.uniqueArray(arbMeasureRange, { maxLength: 3, selector: (m) => m.name }),
    sum: fc.option(text, { nil: undefined }),
    sort: fc.record({ key: fc.constantFrom(...LIST_SORT_KEYS), desc: fc.boolean() }),
    page: fc.option(fc.integer({ min: 2, max: MAX_LIST_PAGE }), { nil: undefined }),
  })
  .map(({ window, ...r }) => {
    const s: ViewState = { ...DEFAULT_VIEW, ...r };
    if (window) {
      s.from = window[0];
      s.to = window[1];
    }
    for (const k of [
      'data',
      'fmt',
      'map',
      'since',
      'until',
      'event',
      'bbox',
      'sum',
      'page',
    ] as const)
      if (s[k] === undefined) delete s[k];
    return s;
  });

describe('the parameter table', () => {
  it('names each link key once', () => {
    const keys = PARAMS.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes only the keys its codec owns', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        for (const codec of PARAMS) {
          const p = new URLSearchParams();
          codec.write(s, p);
          for (const key of p.keys()) expect(codec.keys).toContain(key);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('round trip (property)', () => {
  it('parse(serialise(s)) equals s for any valid state', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        const { state, notices } = parseViewState(serialiseViewState(s));
        expect(notices).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  it('parse never throws on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webQueryParameters()),
        (s) => {
          const r = parseViewState(s);
          expect(r.state).toBeDefined();
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('toggling an actor', () => {
  const v = (actors: string[], xactors: string[]): ViewState => ({
    ...DEFAULT_VIEW,
    actors,
    xactors,
  });
  it.each<[string, ViewState, ViewState]>([
    ['includes', v([], []), v(['a'], [])],
    ['stops including', v(['a', 'b'], []), v(['b'], [])],
    ['includes an excluded actor and stops excluding it', v([], ['a']), v(['a'], [])],
  ])('include %s', (_n, before, after) => expect(toggleIncludedActor(before, 'a')).toEqual(after));
  it.each<[string, ViewState, ViewState]>([
    ['excludes', v([], []), v([], ['a'])],
    ['stops excluding', v([], ['a']), v([], [])],
    ['excludes an included actor and stops including it', v(['a', 'b'], []), v(['b'], ['a'])],
  ])('exclude %s', (_n, before, after) => expect(toggleExcludedActor(before, 'a')).toEqual(after));
});

describe('the area filter in a link', () => {
  it('reads bbox, across the antimeridian too, and says why a bad one was ignored', () => {
    expect(parseViewState('?bbox=170,-20,-170,10').state.bbox).toEqual({
      west: 170,
      south: -20,
      east: -170,
      north: 10,
    });
    const bad = parseViewState('?bbox=30,50,40,45&geo=yes');
    expect(bad.state.bbox).toBeUndefined();
    expect(bad.state.geo).toBe(false);
    expect(bad.notices).toEqual([
      'Ignored the area filter bbox="30,50,40,45": south must be below north.',
      'Ignored geo="yes" for the map (expected 1 or 0).',
    ]);
  });
});

describe('measure parameters', () => {
  it('reads ranges (either bound open), the summed measure and the list order', () => {
    const { state, notices } = parseViewState(
      'measure=fatalities:10:&measure=best::5.5&measure=a:b:1:2&sum=best&sort=-measure',
    );
    expect(notices).toEqual([]);
    expect(state.measures).toEqual([
      { name: 'fatalities', min: 10 },
      { name: 'best', max: 5.5 },
      { name: 'a:b', min: 1, max: 2 },
    ]);
    expect(state.sum).toBe('best');
    expect(state.sort).toEqual({ key: 'measure', desc: true });
    expect(serialiseViewState(state)).toBe(
      'measure=fatalities%3A10%3A&measure=best%3A%3A5.5&measure=a%3Ab%3A1%3A2&sum=best&sort=-measure&v=1',
    );
  });

  it.each([
    ['measure=fatalities', 'expected name:min:max'],
    ['measure=fatalities::', 'no bound given'],
    ['measure=:1:2', 'no measure named'],
    ['measure=x:ten:', 'a bound is not a number'],
    ['measure=x:Infinity:', 'a bound is not a number'],
    ['measure=x:5:1', 'the minimum is above the maximum'],
    ['sort=deaths', 'Ignored sort "deaths"'],
  ])('drops %s with a notice', (query, says) => {
    const { state, notices } = parseViewState(query);
    expect(state.measures).toEqual([]);
    expect(state.sort).toEqual(DEFAULT_VIEW.sort);
    expect(notices.join(' ')).toContain(says);
  });

  it('keeps one range per measure, the last, and says so', () => {
    const { state, notices } = parseViewState('measure=best:1:&measure=best:5:');
    expect(state.measures).toEqual([{ name: 'best', min: 5 }]);
    expect(notices).toHaveLength(1);
  });
});
