import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedEventStore, chunkSizeFor, encodeEvents, IdTable, idTableParts } from './eventStore';
import type { TimelineEvent } from './types';

const event = (id: string, n: number): TimelineEvent => ({
  id,
  title: `Event ${n} “${id}”`,
  start: n * 86_400_000,
  end: n * 86_400_000 + 1,
  startText: String(n),
  precision: 'day',
  approximate: n % 2 === 0,
  hasEnd: false,
  actors: [`a${n % 3}`],
  tags: [],
  sources: [{ url: `https://example.org/${n}` }],
  other: { n, nested: { list: [n, null, 'x'] }, empty: null },
  // Every third event has every optional field too.
  ...(n % 3 === 0
    ? {
        endText: String(n + 1),
        offsetMinutes: -330,
        type: 'strike',
        location: { name: `Place ${n}`, lat: 50.45, lon: 30.52 },
        description: `About ${id}`,
      }
    : {}),
});

function storeOf(events: TimelineEvent[], chunkSize: number, keep: number): ChunkedEventStore {
  const store = new ChunkedEventStore(chunkSize, keep);
  for (let i = 0; i < events.length; i += chunkSize) {
    const chunk = events.slice(i, i + chunkSize);
    store.add(encodeEvents(chunk), chunk.length);
  }
  return store;
}

describe('ChunkedEventStore', () => {
  it('reads back every event, in any order, however few chunks stay parsed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 17 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: -3, max: 125 }), { maxLength: 200 }),
        (n, chunkSize, keep, reads) => {
          const events = Array.from({ length: n }, (_, i) => event(`e${i}`, i));
          const store = storeOf(events, chunkSize, keep);
          expect(store.length).toBe(n);
          for (const pos of reads) expect(store.at(pos)).toEqual(events[pos]);
        },
      ),
    );
  });

  it('gives back absent fields as undefined, and nulls inside kept fields as nulls', () => {
    const store = storeOf([event('a', 1), event('b', 3)], 2, 1);
    expect(store.at(0)!.endText).toBeUndefined();
    expect(store.at(0)!.location).toBeUndefined();
    expect(store.at(0)!.other).toEqual({ n: 1, nested: { list: [1, null, 'x'] }, empty: null });
    expect(store.at(1)!.offsetMinutes).toBe(-330);
  });

  it('does not write field names into a chunk, one event after another', () => {
    const text = new TextDecoder().decode(encodeEvents([event('a', 3), event('b', 6)]));
    expect(text).not.toContain('"title"');
    expect(text).not.toContain('"startText"');
  });

  it('answers nothing for positions that are not whole numbers', () => {
    const store = storeOf([event('a', 1)], 10, 2);
    expect(store.at(0.5)).toBeUndefined();
    expect(store.at(Number.NaN)).toBeUndefined();
  });

  it('refuses a short chunk anywhere but last, and an oversized one', () => {
    const store = new ChunkedEventStore(2);
    store.add(encodeEvents([event('a', 1)]), 1);
    expect(() => store.add(encodeEvents([event('b', 2)]), 1)).toThrow(/last chunk/);
    expect(() => new ChunkedEventStore(2).add(new Uint8Array(), 3)).toThrow(/more events/);
  });
});

describe('chunkSizeFor', () => {
  const sized = (bytes: number) => (e: TimelineEvent) => ({ ...e, description: 'x'.repeat(bytes) });
  const events = (n: number, pad = 0) =>
    Array.from({ length: n }, (_, i) => sized(pad)(event(`e${i}`, i)));

  it('sizes chunks by encoded bytes: events ten times larger, a tenth as many per chunk', () => {
    const small = chunkSizeFor(events(300, 100), 64 * 1024, 10_000);
    const large = chunkSizeFor(events(300, 2000), 64 * 1024, 10_000);
    const bytesOf = (n: number, pad: number) => encodeEvents(events(n, pad)).length;
    // Each chunk comes close to the target without passing it.
    expect(bytesOf(small, 100)).toBeLessThanOrEqual(64 * 1024);
    expect(bytesOf(small + 2, 100)).toBeGreaterThan(64 * 1024);
    expect(bytesOf(large, 2000)).toBeLessThanOrEqual(64 * 1024);
    expect(bytesOf(large + 2, 2000)).toBeGreaterThan(64 * 1024);
    expect(large).toBeLessThan(small / 5);
  });

  it('holds at most `max` and at least one event', () => {
    expect(chunkSizeFor(events(50), 1024 * 1024, 1000)).toBe(1000);
    expect(chunkSizeFor(events(5, 10_000), 1024, 1000)).toBe(1);
    expect(chunkSizeFor([], 1024, 1000)).toBe(1000);
  });
});

describe('IdTable', () => {
  it('finds every id at its position, and no other string', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 300 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 50 }),
        (ids, probes) => {
          const table = new IdTable(idTableParts(ids));
          ids.forEach((id, pos) => expect(table.get(id)).toBe(pos));
          for (const p of probes)
            expect(table.get(p)).toBe(ids.includes(p) ? ids.indexOf(p) : undefined);
        },
      ),
    );
  });

  it('tells apart ids that run into each other in its text', () => {
    const table = new IdTable(idTableParts(['ab', 'c', 'a', 'bc']));
    expect(table.get('abc')).toBeUndefined();
    expect(table.get('b')).toBeUndefined();
    expect(table.get('bc')).toBe(3);
  });
});
