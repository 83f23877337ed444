import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annotate,
  EMPTY_LAYER,
  indexLayer,
  IMPORTED_NOTE,
  MAX_TAG_LENGTH,
  mergeLayers,
  noteMatches,
  readLayer,
  toggleStar,
  withNote,
  withoutTag,
  withTag,
  updateLayerIndex,
  type Annotation,
  type Layer,
} from './annotations';
import { buildIndex } from './buildIndex';
import { EMPTY_FILTERS } from './filters';
import { normaliseDocument } from './normalise';
import { filtersReadLayer, runQuery, withLayerCounts } from './query';

const index = buildIndex(
  normaliseDocument({
    events: ['a', 'b', 'c', 'd'].map((id, i) => ({
      id,
      title: `Event ${id}`,
      start: `2023-12-0${i + 1}`,
      type: i % 2 ? 'meeting' : 'statement',
    })),
  }),
);
const pos = (id: string) => index.byId.get(id)!;

describe('annotate', () => {
  it('stars, notes and tags an event without touching the layer it came from', () => {
    const one = annotate(EMPTY_LAYER, 'a', toggleStar);
    const two = annotate(one, 'a', withNote('Check against the DoD readout'));
    const three = annotate(two, 'a', withTag('  to   verify '));
    expect(EMPTY_LAYER.annotations).toEqual({});
    expect(one.annotations).toEqual({ a: { star: true } });
    expect(three.annotations.a).toEqual({
      star: true,
      note: 'Check against the DoD readout',
      tags: ['to verify'],
    });
  });

  it('drops an annotation once nothing is left of it', () => {
    let l = annotate(EMPTY_LAYER, 'a', toggleStar);
    l = annotate(l, 'a', withTag('x'));
    l = annotate(l, 'a', toggleStar);
    l = annotate(l, 'a', withoutTag('x'));
    expect(l.annotations).toEqual({});
    expect(annotate(EMPTY_LAYER, 'b', withNote('   ')).annotations).toEqual({});
  });

  it('keeps a tag once, and caps its length', () => {
    let l = annotate(EMPTY_LAYER, 'a', withTag('t'));
    l = annotate(l, 'a', withTag('t '));
    l = annotate(l, 'a', withTag('x'.repeat(500)));
    expect(l.annotations.a!.tags).toEqual(['t', 'x'.repeat(MAX_TAG_LENGTH)]);
  });
});

describe('readLayer (untrusted input)', () => {
  it('keeps what is well formed, counts what it drops, and never throws', () => {
    const r = readLayer(
      JSON.parse(
        '{"version":1,"annotations":{"a":{"star":true,"note":"<img src=x onerror=alert(1)>","tags":["ok",3,""]},' +
          '"b":"not an annotation","c":{"star":"yes"},"__proto__":{"star":true}}}',
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layer.annotations.a).toEqual({
      star: true,
      note: '<img src=x onerror=alert(1)>',
      tags: ['ok'],
    });
    expect(r.dropped).toBe(2);
    // An id named __proto__ is an id like any other: kept as data, nothing polluted.
    expect(Object.getOwnPropertyDescriptor(r.layer.annotations, '__proto__')?.value).toEqual({
      star: true,
    });
    expect(({} as Record<string, unknown>).star).toBeUndefined();
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const x = readLayer(v);
        expect(typeof x.ok).toBe('boolean');
      }),
    );
  });

  it('refuses what is not a layer, saying why', () => {
    expect(readLayer(null)).toEqual({
      ok: false,
      error: 'not a Chronoscope layer (expected a JSON object)',
    });
    expect(readLayer({ version: 3, annotations: {} })).toEqual({
      ok: false,
      error: 'unknown layer version 3',
    });
  });

  it('reads back every layer it is given (round trip)', () => {
    const arb = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.record(
        {
          star: fc.constant(true as const),
          note: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
          tags: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}$/), { minLength: 1, maxLength: 5 }),
        },
        { requiredKeys: ['star'] },
      ),
    );
    fc.assert(
      fc.property(arb, (annotations) => {
        const layer: Layer = { ...EMPTY_LAYER, annotations };
        const r = readLayer(JSON.parse(JSON.stringify(layer)));
        expect(r).toEqual({
          ok: true,
          layer: { ...EMPTY_LAYER, annotations: { ...annotations } },
          dropped: 0,
        });
        // The same annotations in a version 1 file (before added events and curation) read the same.
        expect(readLayer(JSON.parse(JSON.stringify({ version: 1, annotations })))).toEqual(r);
      }),
    );
  });
});

describe('the layer at query time', () => {
  let layer = annotate(EMPTY_LAYER, 'a', toggleStar);
  layer = annotate(layer, 'c', toggleStar);
  layer = annotate(layer, 'c', withTag('follow up'));
  layer = annotate(layer, 'd', withTag('follow up'));
  layer = annotate(layer, 'b', withNote('Umerov said Kyiv needs air defence'));
  layer = annotate(layer, 'gone', toggleStar);
  const indexed = indexLayer(index, layer);
  const q = (f: Partial<typeof EMPTY_FILTERS>) =>
    runQuery(index, undefined, { ...EMPTY_FILTERS, ...f }, undefined, indexed);
  const ids = (f: Partial<typeof EMPTY_FILTERS>) =>
    Array.from(q(f).matches.toArray(), (p) => index.events.at(p)!.id);

  it('resolves ids to positions and counts the ones the dataset lacks', () => {
    expect(indexed.starred.has(pos('a'))).toBe(true);
    expect(indexed.orphans).toBe(1);
  });

  it('starred=1 and atag filter, with counts under the facet rule', () => {
    expect(ids({ starred: true })).toEqual(['a', 'c']);
    expect(ids({ atags: ['follow up'] })).toEqual(['c', 'd']);
    expect(ids({ starred: true, atags: ['follow up'] })).toEqual(['c']);
    const r = q({ starred: true, types: ['meeting'] });
    // The Starred count applies the type filter but not itself; the tag count applies both.
    expect(r.layer.starred).toBe(0);
    expect(r.layer.atags.get('follow up')).toBe(0);
    const s = q({ types: ['statement'] });
    expect(s.layer.starred).toBe(2);
    expect(s.layer.atags.get('follow up')).toBe(1);
  });

  it('counts the layer over a query run without it as the query run with it, when no filter reads the layer', () => {
    for (const f of [{}, { types: ['statement'] }, { types: ['meeting'], since: '2023-12-02' }]) {
      const filters = { ...EMPTY_FILTERS, ...f };
      expect(filtersReadLayer(filters)).toBe(false);
      const plain = runQuery(index, undefined, filters);
      const counted = withLayerCounts(plain, indexed);
      expect(counted.layer).toEqual(q(f).layer);
      expect(counted.matches).toBe(plain.matches);
    }
    expect(q({ types: ['statement'] }).layer.starred).toBe(2);
    expect(filtersReadLayer({ ...EMPTY_FILTERS, starred: true })).toBe(true);
    expect(filtersReadLayer({ ...EMPTY_FILTERS, q: 'kyiv' })).toBe(true);
  });

  it('a note is found by the words in it', () => {
    expect(Array.from(noteMatches(indexed, index.size, 'kyiv AIR').toArray())).toEqual([pos('b')]);
    expect(noteMatches(indexed, index.size, 'kyiv tanks').count()).toBe(0);
  });
});

describe('updateLayerIndex (a star, a note or a tag without re-reading the layer)', () => {
  const ids = ['a', 'b', 'c', 'd', 'gone', 'lost'];
  const edit = fc.oneof(
    fc.constant(toggleStar),
    fc.constantFrom('', 'Kyiv AIR defence', 'other').map((n) => withNote(n)),
    fc.constantFrom('x', 'follow up').map((t) => withTag(t)),
    fc.constantFrom('x', 'follow up').map((t) => withoutTag(t)),
  );
  const canonical = (l: ReturnType<typeof indexLayer>) => ({
    starred: Array.from(l.starred.toArray()),
    tags: [...l.tags].sort(([a], [b]) => a.localeCompare(b)).map(([t, p]) => [t, Array.from(p)]),
    notes: [...l.notes].sort(([a], [b]) => a - b),
    orphans: l.orphans,
  });

  it('equals the index built from scratch after every change, and leaves the previous one as it was', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ids), edit), { maxLength: 30 }),
        (changes) => {
          let layer = EMPTY_LAYER;
          let indexed = indexLayer(index, layer);
          for (const [id, change] of changes) {
            const next = annotate(layer, id, change as (a: Annotation) => Annotation);
            const before = canonical(indexed);
            const updated = updateLayerIndex(indexed, index, layer, next, [id]);
            expect(canonical(indexed)).toEqual(before);
            expect(canonical(updated)).toEqual(canonical(indexLayer(index, next)));
            layer = next;
            indexed = updated;
          }
        },
      ),
    );
  });

  it('a star changes the starred filter at once', () => {
    const layer = annotate(EMPTY_LAYER, 'b', toggleStar);
    const indexed = updateLayerIndex(indexLayer(index, EMPTY_LAYER), index, EMPTY_LAYER, layer, [
      'b',
    ]);
    const r = runQuery(index, undefined, { ...EMPTY_FILTERS, starred: true }, undefined, indexed);
    expect(Array.from(r.matches.toArray())).toEqual([pos('b')]);
  });
});

describe('mergeLayers', () => {
  it('joins stars and tags, appends a differing note, and reports each', () => {
    let mine = annotate(EMPTY_LAYER, 'a', withNote('mine'));
    mine = annotate(mine, 'b', withTag('x'));
    let theirs = annotate(EMPTY_LAYER, 'a', withNote('theirs'));
    theirs = annotate(theirs, 'b', toggleStar);
    theirs = annotate(theirs, 'b', withTag('y'));
    theirs = annotate(theirs, 'c', toggleStar);
    const { layer, report } = mergeLayers(mine, theirs);
    expect(layer.annotations).toEqual({
      a: { note: `mine${IMPORTED_NOTE}theirs` },
      b: { star: true, tags: ['x', 'y'] },
      c: { star: true },
    });
    expect(report).toMatchObject({
      added: 1,
      joined: 1,
      conflicts: 1,
      addedEvents: 0,
      curation: 0,
    });
  });

  it('loses nothing (property): every star, tag and note of either side is in the merge', () => {
    const arbLayer = fc
      .array(
        fc.tuple(
          fc.constantFrom('a', 'b', 'c', 'd'),
          fc.boolean(),
          fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }),
          fc.uniqueArray(fc.constantFrom('t1', 't2', 't3')),
        ),
      )
      .map((entries) =>
        entries.reduce<Layer>((l, [id, star, note, tags]) => {
          let next = star ? annotate(l, id, (a) => ({ ...a, star: true })) : l;
          if (note) next = annotate(next, id, withNote(note));
          for (const t of tags) next = annotate(next, id, withTag(t));
          return next;
        }, EMPTY_LAYER),
      );
    fc.assert(
      fc.property(arbLayer, arbLayer, (mine, theirs) => {
        const { layer } = mergeLayers(mine, theirs);
        for (const side of [mine, theirs])
          for (const [id, a] of Object.entries(side.annotations)) {
            const m = layer.annotations[id]!;
            if (a.star) expect(m.star).toBe(true);
            for (const t of a.tags ?? []) expect(m.tags).toContain(t);
            if (a.note) expect(m.note).toContain(a.note);
          }
      }),
    );
  });
});
