import { useContext, useMemo } from 'react';
import { eventDetail } from '../../domain/viewAnswer';
import { mapCells, mapWindow, type MapAnswer } from '../../domain/mapCells';
import type { QueryResult } from '../../domain/query';
import { useViewState } from '../../url/useViewState';
import { parseViewState, type ViewState } from '../../url/viewState';
import type { LoadedDataset } from './loadSource';
import type { MapRequest } from './serverApi';
import { sourceKey } from './sources';
import { useEngineMetadata } from './useEngineQueries';
import { ViewDataContext } from './viewData';
import { ViewEngineContext, type ViewEngine } from './viewEngine';

/** What the map asks of the engine on screen: its answer, an event's details, and (in the page) where an event is. */
export interface MapEngine extends Pick<ViewEngine, 'key' | 'map' | 'event'> {
  /** Names the dataset (the same across filter changes): the first fit and the event details are kept per dataset. */
  dataset: string;
  /**
   * The answer at once, when the engine holds the data (the page's index): the map draws it in the same render as
   * the filter change instead of a task later. Undefined where only an asynchronous answer exists (the server).
   */
  peek?(req: MapRequest): MapAnswer;
  /** Where an event is, by position, when the engine can say at once (the page's index); else the map finds it among its single-event cells. */
  placeOf?(position: number): { lat: number; lon: number; eventId: string } | undefined;
}

export interface MapSource {
  engine: MapEngine;
  view: ViewState;
  /** The dataset's last moment: Play stops there. */
  end?: number;
}

const resultSerials = new WeakMap<QueryResult, number>();
let nextSerial = 0;
const serialOf = (r: QueryResult) => {
  let s = resultSerials.get(r);
  if (s === undefined) resultSerials.set(r, (s = nextSerial++));
  return s;
};

/**
 * A dataset loaded in the page, answering the map from the workspace's own filter result (which also applies the
 * analyst's layer: stars, tags, notes), so the map costs one pass over the matches, not another query.
 */
export function fileMapEngine(loaded: LoadedDataset, result: QueryResult): MapEngine {
  const { index } = loaded;
  const dataset = sourceKey(loaded.source);
  const answer = (req: MapRequest): MapAnswer => {
    const window = mapWindow(parseViewState(req.view).state);
    return mapCells(index, result.matches, result.count, {
      viewport: req.viewport,
      cell: req.cell,
      ...(window ? { window } : {}),
    });
  };
  return {
    dataset,
    // One key per filter result: a new result is a new answer, whatever changed it.
    key: `${dataset}|r${serialOf(result)}`,
    map: (req) => Promise.resolve(answer(req)),
    peek: (req) => answer(req),
    event: (eventId) => Promise.resolve(eventDetail(index, eventId)),
    placeOf: (position) => {
      const lat = index.lats[position];
      if (lat === undefined || Number.isNaN(lat)) return undefined;
      return { lat, lon: index.lons[position]!, eventId: index.events.at(position)!.id };
    },
  };
}

/**
 * The map's engine and view: the page's index in the file workspace, the server's engine on a server dataset
 * (`?data=server:<id>`). The map component is the same in both.
 */
export function useMapSource(): MapSource {
  const data = useContext(ViewDataContext);
  const server = useContext(ViewEngineContext);
  const urlView = useViewState();
  const fileEngine = useMemo(
    () => (data ? fileMapEngine(data.loaded, data.result) : undefined),
    [data?.loaded, data?.result], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const serverEngine = useMemo(
    () => (server && !data ? { ...server, dataset: server.key } : undefined),
    [server, data],
  );
  const meta = useEngineMetadata(serverEngine);
  if (fileEngine && data) {
    const end = data.loaded.index.extent?.end;
    return { engine: fileEngine, view: data.view, ...(end !== undefined ? { end } : {}) };
  }
  if (!serverEngine) throw new Error('useMapSource() needs a loaded dataset or a view engine.');
  const end = meta.data?.extent?.end;
  return { engine: serverEngine, view: urlView, ...(end !== undefined ? { end } : {}) };
}
