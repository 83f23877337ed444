import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../domain/buildIndex';
import { entityProfileAnswer } from '../../domain/entityProfile';
import { mapCells } from '../../domain/mapCells';
import { runQuery } from '../../domain/query';
import { buildTextIndex, textMatcher } from '../../domain/textSearch';
import { answerView } from '../../domain/viewAnswer';
import { matchesInWindow, summariseWindow } from '../../domain/windowNavigation';
import { DEFAULT_VIEW, parseViewState, serialiseViewState } from '../../url/viewState';
import { loadDataset } from '../read/loadDataset';
import type { LoadedDataset } from './loadSource';
import { inlineTextService } from './textService';
import { browserEngine } from './viewEngine';

const file = 'public/data/austin-umerov.json';
const out = loadDataset(new Uint8Array(readFileSync(file)), 'austin-umerov.json');
if (!out.ok) throw new Error('fixture unreadable');
const index = buildIndex(out.dataset);
const loaded: LoadedDataset = {
  source: { kind: 'bundled', id: 'austin-umerov', url: file, label: 'sample' },
  index,
  text: inlineTextService(index),
  format: out.format,
  encoding: out.encoding,
  bytes: out.bytes,
};
const engine = browserEngine(loaded);
const actor = index.entities[0]!.id;

describe('the in-browser engine behind the view-engine interface', () => {
  it.each([
    ['no filter', serialiseViewState(DEFAULT_VIEW)],
    [
      'an actor, lanes by actor',
      serialiseViewState({ ...DEFAULT_VIEW, actors: [actor], group: 'actor' }),
    ],
    ['a word', serialiseViewState({ ...DEFAULT_VIEW, q: 'ukraine' })],
  ])('answers %s as the domain does', async (_what, view) => {
    const req = {
      view,
      widthPx: 900,
      sort: { key: 'title', descending: true },
      offset: 1,
      limit: 5,
    } as const;
    const got = await engine.answer(req);
    const { state } = parseViewState(view);
    const expected = answerView(index, textMatcher(index, buildTextIndex(index)), state, {
      group: state.group,
      lod: { maxVisibleItems: 100, widthPx: 900, minBucketPx: 56 },
      sort: req.sort,
      offset: 1,
      limit: 5,
    });
    expect(got).toEqual(expected);
    expect(got.rows.length).toBeLessThanOrEqual(5);
  });

  it('answers in halves (matches; what the window draws) the fields of the whole answer', async () => {
    const req = {
      view: serialiseViewState({ ...DEFAULT_VIEW, actors: [actor], group: 'actor', q: 'ukraine' }),
      widthPx: 900,
      sort: { key: 'date', descending: true },
      offset: 0,
      limit: 7,
    } as const;
    const whole = await engine.answer(req);
    const matches = await engine.matches(req);
    const drawn = await engine.drawn(req);
    expect(Object.keys(matches).sort()).toEqual(
      ['count', 'facets', 'highlightTerms', 'histogram', 'notices', 'rows', 'stale'].sort(),
    );
    expect({ ...matches, ...drawn }).toEqual(whole);
    expect(drawn.plan?.items.length).toBeGreaterThan(0);
  });

  it("with the list In view, the page is the window's matches, answered by the window's half", async () => {
    // Five of the sample's events are month-long, two fall on 21 December: the first ten days hold five.
    const window = { start: Date.UTC(2023, 11, 1), end: Date.UTC(2023, 11, 10) };
    const req = {
      view: serialiseViewState({
        ...DEFAULT_VIEW,
        list: 'view',
        from: window.start,
        to: window.end,
      }),
      window,
      widthPx: 900,
      sort: { key: 'date', descending: false },
      offset: 0,
      limit: 1000,
    } as const;
    const [whole, matches, drawn] = await Promise.all([
      engine.answer(req),
      engine.matches(req),
      engine.drawn(req),
    ]);
    const inView = summariseWindow(
      index,
      runQuery(index, undefined, DEFAULT_VIEW).matches,
      index.size,
      window,
    );
    expect(inView.inView).toBe(5);
    // Every event overlapping the window, none other, in date order; the matches' half has no page.
    expect(drawn.rows?.map((r) => r.position)).toEqual([
      ...matchesInWindow(index, runQuery(index, undefined, DEFAULT_VIEW).matches, window).toArray(),
    ]);
    expect(drawn.rows).toHaveLength(inView.inView);
    expect(drawn.plan?.visibleCount).toBe(inView.inView);
    expect(matches.rows).toEqual([]);
    expect(whole.rows).toEqual(drawn.rows);
    // Every match, as before, with the default scope.
    const all = await engine.answer({
      ...req,
      view: serialiseViewState({ ...DEFAULT_VIEW, from: window.start, to: window.end }),
    });
    expect(all.rows).toHaveLength(index.size);
  });

  it('the text filter narrows the count', async () => {
    const all = await engine.answer({
      view: '',
      widthPx: 900,
      sort: { key: 'date', descending: false },
      offset: 0,
      limit: 0,
    });
    const some = await engine.answer({
      view: 'q=ukraine',
      widthPx: 900,
      sort: { key: 'date', descending: false },
      offset: 0,
      limit: 0,
    });
    expect(some.count).toBeGreaterThan(0);
    expect(some.count).toBeLessThan(all.count);
  });

  it('gives an event by id with its actors, and nothing for an unknown id', async () => {
    const e = index.events.at(0)!;
    const d = await engine.event(e.id);
    expect(d?.event.id).toBe(e.id);
    expect(d?.entities.map((x) => x.id).sort()).toEqual([...new Set(e.actors)].sort());
    expect(await engine.event('no-such-event')).toBeUndefined();
  });

  it('gives the dataset metadata', async () => {
    const m = await engine.metadata();
    expect(m.title).toBe(out.dataset.title);
    expect(m.eventCount).toBe(index.size);
  });
});

describe('the map through the in-browser engine', () => {
  it('answers the map question as the domain does, for the same filters', async () => {
    const view = serialiseViewState({ ...DEFAULT_VIEW, actors: [actor] });
    const req = { view, viewport: { west: -180, south: -90, east: 180, north: 90 }, cell: 2 };
    const r = runQuery(index, undefined, parseViewState(view).state);
    const got = await engine.map(req);
    expect(got).toEqual(mapCells(index, r.matches, r.count, { viewport: req.viewport, cell: 2 }));
    expect(got.matching).toBe(r.count);
    expect(got.matching).toBeLessThan(index.size);
  });
});

describe('entity profiles through the in-browser engine', () => {
  it("profiles an entity among the view's matching events, its text searched first", async () => {
    const all = (await engine.profile('', actor))!;
    expect(all.entityId).toBe(actor);
    expect(all.count).toBe(index.actorPostings[0]!.length);
    const worded = (await engine.profile(
      serialiseViewState({ ...DEFAULT_VIEW, q: 'ukraine' }),
      actor,
    ))!;
    const r = runQuery(
      index,
      textMatcher(index, buildTextIndex(index)),
      parseViewState('q=ukraine').state,
    );
    expect(worded).toEqual(entityProfileAnswer(index, r.matches, actor));
    expect(worded.count).toBeLessThanOrEqual(all.count);
  });

  it('gives an excluded entity no events, and an unknown id no profile', async () => {
    const none = await engine.profile(
      serialiseViewState({ ...DEFAULT_VIEW, xactors: [actor] }),
      actor,
    );
    expect(none).toMatchObject({ entityId: actor, count: 0, coActors: [] });
    expect(none?.firstSeen).toBeUndefined();
    expect(await engine.profile('', 'no-such-entity')).toBeUndefined();
  });
});
