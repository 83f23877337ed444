import Papa from 'papaparse';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../domain/buildIndex';
import { ChunkedEventStore, encodeEvents } from '../../domain/eventStore';
import { EMPTY_FILTERS } from '../../domain/filters';
import { runQuery } from '../../domain/query';
import { buildTextIndex, textMatcher } from '../../domain/textSearch';
import { importUcdp } from './importers/ucdp';
import { loadDataset } from './loadDataset';

const enc = (s: string) => new TextEncoder().encode(s);
const load = (value: unknown) => loadDataset(enc(JSON.stringify(value)), 'x.json');

describe('the hostile corpus (e2e/fixtures/hostile.json)', () => {
  const outcome = loadDataset(
    new Uint8Array(readFileSync('e2e/fixtures/hostile.json')),
    'hostile.json',
  );

  it('loads every event, payloads kept as plain text', () => {
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.dataset.events).toHaveLength(10);
    expect(outcome.dataset.events[0]!.title).toContain('<img src=x onerror=');
  });

  it('treats ids named like Object.prototype members as plain keys', () => {
    if (!outcome.ok) throw new Error('load failed');
    const index = buildIndex(outcome.dataset);
    expect(index.byId.get('__proto__')).toBeTypeOf('number');
    expect(index.byId.get('constructor')).toBeTypeOf('number');
    const r = runQuery(index, textMatcher(index, buildTextIndex(index)), {
      ...EMPTY_FILTERS,
      actors: ['__proto__', 'toString'],
    });
    expect(r.count).toBeGreaterThan(0);
    expect(r.stale.actors).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('limits and extremes', () => {
  it('keeps a 10 MB field whole', () => {
    const o = load({
      events: [{ id: 'a', title: 'A', start: '2023', description: 'x'.repeat(10 * 2 ** 20) }],
    });
    expect(o.ok && o.dataset.events[0]!.description!.length).toBe(10 * 2 ** 20);
  });

  it('keeps many unknown fields', () => {
    const ev: Record<string, unknown> = { id: 'a', title: 'A', start: '2023' };
    for (let i = 0; i < 5000; i++) ev[`f${i}`] = i;
    const o = load({ events: [ev] });
    expect(o.ok && Object.keys(o.dataset.events[0]!.other)).toHaveLength(5000);
  });

  it('keeps a deeply nested unknown field as its JSON text', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 500; i++) deep = { d: deep };
    const o = load({ events: [{ id: 'a', title: 'A', start: '2023', nested: deep }] });
    expect(o.ok && typeof o.dataset.events[0]!.other.nested).toBe('string');
    expect(
      o.ok && (o.dataset.events[0]!.other.nested as string).endsWith('"bottom"' + '}'.repeat(500)),
    ).toBe(true);
  });

  it('reads or refuses 200,000 levels of nesting with a message, never a crash', () => {
    const text =
      '{"events":[{"id":"ok","title":"T","start":"2023"},' +
      '['.repeat(200_000) +
      ']'.repeat(200_000) +
      ']}';
    const o = loadDataset(enc(text), 'deep.json');
    if (o.ok) {
      expect(o.dataset.events.map((e) => e.id)).toEqual(['ok']);
      expect(o.dataset.issues[0]!.message).toMatch(/a list, not an object/);
    } else {
      expect(o.error.message).toMatch(/too deeply/);
    }
  });

  it.each([
    ['+275760-09-13', true],
    ['-271821-04-20', true],
    ['+275761', true],
    ['+99999999999999999999', false],
    ['NaN', false],
    ['Infinity', false],
    ['1e309', false],
  ])('start %s loads: %s', (start, loads) => {
    const o = load({ events: [{ id: 'a', title: 'A', start }] });
    expect(o.ok && o.dataset.events.length === 1).toBe(loads);
  });

  it.each(['1e309', '-1e309', '1.7976931348623157e308', '9007199254740993', '"NaN"', '"90"'])(
    'lat/lon %s is range-checked',
    (n) => {
      const o = loadDataset(
        enc(
          `{"events":[{"id":"a","title":"A","start":"2023","location":{"lat":${n},"lon":${n}}}]}`,
        ),
        'x.json',
      );
      expect(o.ok && o.dataset.events).toHaveLength(n === '"90"' ? 1 : 0);
    },
  );
});

describe('fuzzing: the loader and importers never throw and always answer', () => {
  it('any JSON value as a document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const o = loadDataset(enc(JSON.stringify(value)), 'x.json');
        expect(typeof o.ok).toBe('boolean');
        if (!o.ok) expect(o.error.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });

  it('any JSON values as events: every record is loaded or reported', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.record({
              id: fc.string(),
              title: fc.string(),
              start: fc.string(),
              end: fc.jsonValue(),
              actors: fc.jsonValue(),
              location: fc.jsonValue(),
              sources: fc.jsonValue(),
              tags: fc.jsonValue(),
            }),
          ),
        ),
        (events) => {
          const o = load({ events });
          if (!o.ok) throw new Error(o.error.message);
          const rejected = new Set(
            o.dataset.issues.filter((i) => i.severity === 'error').map((i) => i.position),
          );
          expect(o.dataset.events.length + rejected.size).toBe(events.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any JSON values as events: the page reads back exactly the events the worker loaded', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.string(),
            title: fc.string({ unit: 'binary' }),
            start: fc.oneof(
              fc.string(),
              fc.constantFrom('2023-12-21', '2023-12', '-0044-03-15', '2023-12-21T10:00:00+05:30'),
            ),
            actors: fc.jsonValue(),
            sources: fc.jsonValue(),
            extra: fc.jsonValue(),
            ['__proto__']: fc.jsonValue(),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 7 }),
        (events, chunkSize) => {
          const o = load({ events });
          if (!o.ok) throw new Error(o.error.message);
          const loaded = o.dataset.events;
          const store = new ChunkedEventStore(chunkSize, 2);
          for (let i = 0; i < loaded.length; i += chunkSize) {
            const chunk = loaded.slice(i, i + chunkSize);
            store.add(encodeEvents(chunk), chunk.length);
          }
          // Equal field by field; like a structured clone before it, the copy's objects have the ordinary
          // prototype where the normaliser's unknown-field records have none (read by Object.entries only).
          loaded.forEach((e, pos) => expect(store.at(pos)).toEqual(e));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('x.json', 'x.csv', 'x.txt', ''),
        (bytes, name) => {
          const o = loadDataset(bytes, name);
          expect(typeof o.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any CSV cells through any column mapping: every row is loaded or reported', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('21/12/2023', '2023-12', 'Dec 2023'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }),
        fc.record({
          date: fc.constantFrom('a', 'b', 'c'),
          order: fc.constantFrom('dmy' as const, 'mdy' as const, 'ymd' as const),
          actors: fc.subarray(['a', 'b', 'c']),
          separator: fc.string({ maxLength: 3 }),
          title: fc.constantFrom('a', 'b', 'c'),
          end: fc.constantFrom('a', 'b', 'c'),
        }),
        (rows, mapping) => {
          const csv = Papa.unparse({ fields: ['a', 'b', 'c'], data: rows });
          const o = loadDataset(enc(csv), 'x.csv', { mapping });
          if (!o.ok) throw new Error(o.error.message);
          const rejected = new Set(
            o.dataset.issues.filter((i) => i.severity === 'error').map((i) => i.position),
          );
          // A row of blank cells carries nothing and is skipped as an empty line.
          const filled = rows.filter((r) => r.some((c) => c.trim() !== '')).length;
          expect(o.dataset.events.length + rejected.size).toBe(filled);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text as a UCDP CSV', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (tail) => {
        const { doc } = importUcdp(
          `id,side_a,side_b,date_prec,date_start,date_end,where_coordinates\n${tail}`,
        );
        expect(Array.isArray(doc.events)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
