import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { buildIndex } from './buildIndex';
import { planLanes } from './lanes';
import { normaliseDocument } from './normalise';

const ACTORS = ['a', 'b', 'c', 'd', 'e', 'f'];
const TYPES = ['meeting', 'statement', 'strike', 'vote'];
const PLACES = ['Kyiv', 'Ramstein', 'Washington', 'Brussels'];

describe('planLanes agrees with grouping event by event (property)', () => {
  it('lanes, their order and counts, and each matching event’s lanes, for every grouping', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            actors: fc.subarray(ACTORS),
            type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
            place: fc.option(fc.constantFrom(...PLACES), { nil: undefined }),
            keep: fc.boolean(),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        fc.constantFrom('actor' as const, 'type' as const, 'place' as const),
        fc.integer({ min: 1, max: 5 }),
        (rows, group, maxLanes) => {
          const index = buildIndex(
            normaliseDocument({
              entities: ACTORS.map((id) => ({ id, name: id.toUpperCase(), type: 'person' })),
              events: rows.map((r, i) => ({
                id: `e${i}`,
                title: `e${i}`,
                start: '2024-01-01',
                // A repeated actor (the normaliser keeps one) must not put an event in a lane twice.
                actors: r.actors.length > 0 ? [...r.actors, r.actors[0]!] : [],
                ...(r.type ? { type: r.type } : {}),
                ...(r.place ? { location: { name: r.place } } : {}),
              })),
            }),
          );
          const matches = new Bitset(index.size);
          index.events.forEach((e, i) => rows[Number(e.id.slice(1))]!.keep && matches.add(i));
          const plan = planLanes(index, matches, group, maxLanes)!;

          // The naive rule: values by matching-event count (then name), the first maxLanes get a lane, the rest
          // share "other", events without a value go to "none".
          const valuesOf = (i: number): string[] => {
            const e = index.events.at(i)!;
            if (group === 'actor') return e.actors.map((a) => `actor:${a}`);
            const v = group === 'type' ? e.type : e.location?.name;
            return v ? [`${group}:${v}`] : [];
          };
          const label = (id: string) =>
            group === 'actor'
              ? id.slice('actor:'.length).toUpperCase()
              : id.slice(group.length + 1);
          const positions = Array.from(matches.toArray());
          const counts = new Map<string, number>();
          for (const i of positions)
            for (const v of valuesOf(i)) counts.set(v, (counts.get(v) ?? 0) + 1);
          const ranked = [...counts].sort(
            (x, y) => y[1] - x[1] || label(x[0]).localeCompare(label(y[0])),
          );
          const top = new Set(ranked.slice(0, maxLanes).map(([v]) => v));
          const rest = ranked.length - top.size;
          const lanesOf = (i: number) => {
            const vs = valuesOf(i);
            if (vs.length === 0) return ['none'];
            return [...new Set(vs.map((v) => (top.has(v) ? v : 'other')))];
          };
          const want = [
            ...ranked.slice(0, maxLanes).map(([v, c]) => [v, label(v), c]),
            ...(rest > 0
              ? [
                  [
                    'other',
                    `${rest} more ${group}${rest === 1 ? '' : 's'}`,
                    positions.filter((i) => lanesOf(i).includes('other')).length,
                  ],
                ]
              : []),
            ...(positions.some((i) => valuesOf(i).length === 0)
              ? [['none', `No ${group}`, positions.filter((i) => valuesOf(i).length === 0).length]]
              : []),
          ];
          expect(plan.lanes.map((l) => [l.id, l.label, l.count])).toEqual(want);
          for (const i of positions)
            expect(plan.lanesOf(i).map((l) => plan.lanes[l]!.id)).toEqual(lanesOf(i));
        },
      ),
      { numRuns: 300 },
    );
  });
});
