import { createContext, useContext } from 'react';
import type {
  AnswerOptions,
  EventDetail,
  ListRow,
  MatchesAnswer,
  ViewAnswer,
  WindowAnswer,
} from '../../domain/viewAnswer';
import { answerPart, answerView, eventDetail, stepRow } from '../../domain/viewAnswer';
import type { Filters } from '../../domain/filters';
import type { TextMatcher } from '../../domain/textSearch';
import { parseViewState } from '../../url/viewState';
import type { LoadedDataset } from './loadSource';
import { mapCells, mapWindow, type MapAnswer } from '../../domain/mapCells';
import { runQuery } from '../../domain/query';
import { entityProfileAnswer, type EntityProfileAnswer } from '../../domain/entityProfile';
import {
  fetchServerAnswer,
  fetchServerMatches,
  fetchServerWindow,
  fetchServerMap,
  fetchServerEvent,
  fetchServerMetadata,
  fetchServerProfile,
  fetchServerStep,
  type AnswerRequest,
  type StepRequest,
  type MapRequest,
  type ServerMetadata,
} from './serverApi';
import { sourceKey } from './sources';

/**
 * The app's one question behind one async interface: the answer for a view state (count, facets, lanes, items
 * or buckets, histogram, a page of list rows), an event's details and the dataset's metadata. The PostgreSQL
 * server answers it over HTTP; the in-browser index answers it in the page.
 */
export interface ViewEngine {
  /** Names the dataset in query keys. */
  key: string;
  metadata(signal?: AbortSignal): Promise<ServerMetadata>;
  answer(req: AnswerRequest, signal?: AbortSignal): Promise<ViewAnswer>;
  /** The answer's halves, asked apart so that a pan asks only for what the window draws. */
  matches(req: AnswerRequest, signal?: AbortSignal): Promise<MatchesAnswer>;
  drawn(req: AnswerRequest, signal?: AbortSignal): Promise<WindowAnswer>;
  /** The map's answer: the matching placed events in a part of the world, grouped on a grid (domain/mapCells.ts). */
  map(req: MapRequest, signal?: AbortSignal): Promise<MapAnswer & { notices?: string[] }>;
  /**
   * The event j or k selects among the view's matches: from the selection if it is in the window, else from the
   * window (domain/windowNavigation.ts stepFromWindow); undefined when nothing matches.
   */
  step(req: StepRequest, signal?: AbortSignal): Promise<ListRow | undefined>;
  /** An event's details; undefined (or a not-found failure) for an id the dataset does not hold. */
  event(eventId: string, signal?: AbortSignal): Promise<EventDetail | undefined>;
  /**
   * An entity's profile among the events matching the filters of `view` (a serialised view state): count, first
   * and last seen, the sparkline's bins, the co-actors; undefined for an entity the dataset does not hold.
   */
  profile(
    view: string,
    entityId: string,
    signal?: AbortSignal,
  ): Promise<EntityProfileAnswer | undefined>;
}

/** The dataset `id` of the server that served the page. */
export function serverEngine(id: string): ViewEngine {
  return {
    key: `server:${id}`,
    metadata: (signal) => fetchServerMetadata(id, signal),
    answer: (req, signal) => fetchServerAnswer(id, req, signal),
    matches: (req, signal) => fetchServerMatches(id, req, signal),
    drawn: (req, signal) => fetchServerWindow(id, req, signal),
    map: (req, signal) => fetchServerMap(id, req, signal),
    event: (eventId, signal) => fetchServerEvent(id, eventId, signal),
    profile: (view, entityId, signal) => fetchServerProfile(id, view, entityId, signal),
    step: (req, signal) => fetchServerStep(id, req, signal),
  };
}

/** A dataset loaded into the page, answering the same interface from its index and text search. */
export function browserEngine(loaded: LoadedDataset): ViewEngine {
  const { index } = loaded;
  /** A request as the domain's answer reads it: the view's filters, its text matches, the options. */
  const read = async (
    req: AnswerRequest,
  ): Promise<{ state: Filters; text: TextMatcher | undefined; options: AnswerOptions }> => {
    const { state } = parseViewState(req.view);
    const q = state.q.trim();
    const match = q ? await loaded.text.search(state.q) : undefined;
    return {
      state,
      text: match ? (s) => (s === state.q ? match : undefined) : undefined,
      options: {
        group: state.group,
        ...(req.window ? { window: req.window } : {}),
        ...(req.widthPx
          ? { lod: { maxVisibleItems: 100, widthPx: req.widthPx, minBucketPx: 56 } }
          : {}),
        ...(req.histogram
          ? {
              histogramRange: { start: req.histogram.start, end: req.histogram.end },
              histogramBins: req.histogram.bins,
            }
          : {}),
        sort: req.sort,
        offset: req.offset,
        limit: req.limit,
        list: state.list,
      },
    };
  };
  /** The view's matching events, its text searched first. */
  const matching = async (state: Filters) => {
    const match = state.q.trim() ? await loaded.text.search(state.q) : undefined;
    return runQuery(index, match ? (s) => (s === state.q ? match : undefined) : undefined, state);
  };
  return {
    key: sourceKey(loaded.source),
    metadata: () => {
      const d = index.dataset;
      return Promise.resolve({
        id: sourceKey(loaded.source),
        title: d.title,
        ...(d.description !== undefined ? { description: d.description } : {}),
        ...(d.attribution !== undefined ? { attribution: d.attribution } : {}),
        eventCount: index.size,
        ...(index.extent ? { extent: index.extent } : {}),
        periods: d.periods,
        entities: index.entities,
        public: true,
      });
    },
    answer: async (req) => {
      const { state, text, options } = await read(req);
      return answerView(index, text, state, options);
    },
    matches: async (req) => {
      const { state, text, options } = await read(req);
      return answerPart(index, text, state, options, 'matches') as MatchesAnswer;
    },
    drawn: async (req) => {
      const { state, text, options } = await read(req);
      return answerPart(index, text, state, options, 'window') as WindowAnswer;
    },
    map: async (req) => {
      const { state } = parseViewState(req.view);
      const r = await matching(state);
      const window = mapWindow(state);
      return mapCells(index, r.matches, r.count, {
        viewport: req.viewport,
        cell: req.cell,
        ...(window ? { window } : {}),
      });
    },
    event: (eventId) => Promise.resolve(eventDetail(index, eventId)),
    step: async (req) => {
      const r = await matching(parseViewState(req.view).state);
      return stepRow(index, r.matches, req.selected, req.window, req.dir);
    },
    profile: async (view, entityId) => {
      const r = await matching(parseViewState(view).state);
      return entityProfileAnswer(index, r.matches, entityId);
    },
  };
}

export const ViewEngineContext = createContext<ViewEngine | null>(null);

/** The engine of the dataset on screen; fails loudly outside one. */
export function useViewEngine(): ViewEngine {
  const e = useContext(ViewEngineContext);
  if (!e) throw new Error('useViewEngine() needs a ViewEngineContext.');
  return e;
}
