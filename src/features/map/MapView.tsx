import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { GeoPermissibleObjects } from 'd3-geo';
import { useMapSource } from '../../data/page/mapSource';
import { viewKeys } from '../../data/page/queryKeys';
import type { MapRequest } from '../../data/page/serverApi';
import { useMapAnswer } from '../../data/page/useEngineQueries';
import { formatCount } from '../../domain/formatCount';
import { bboxFromCorners, isPlaceable, type Bbox } from '../../domain/geo';
import type { MapAnswer, MapAnswerCell } from '../../domain/mapCells';
import {
  clampCamera,
  fitBounds,
  fromScreen,
  mapQuestionFor,
  panBy,
  toScreen,
  zoomAbout,
  type Camera,
} from '../../domain/webMercator';
import { updateView } from '../../url/useViewState';
import { serialiseViewState, type ViewState } from '../../url/viewState';
import { timelineCommands } from '../../state/timelineCommands';
import { registerMap } from '../../state/mapCommands';
import {
  cellRadius,
  drawFrame,
  landLayerCache,
  themeColours,
  type DrawnCell,
  type MapColours,
} from './mapDraw';
import { useHover, useHoveredFrom } from '../../state/hoverStore';
import { PLACE_PRECISION_WORDS, uncertaintyRadiusPx } from '../../domain/placePrecision';
import { worldSize } from '../../domain/webMercator';
import './map.css';

/** Cells drawn this far off screen still count for what is under the pointer at the edge. */
const MARGIN = 48;
const PAN_STEP = 80;
/** Play moves the timeline's window by this fraction of its width per step. */
const PLAY_STEP = 0.2;
const PLAY_INTERVAL_MS = 700;
const WORLD: Bbox = { west: -170, south: -58, east: 180, north: 78 };

/** Country outlines (Natural Earth 1:110m via world-atlas), loaded with the map and kept for the page's life. */
let land: Promise<GeoPermissibleObjects> | undefined;
function loadLand(): Promise<GeoPermissibleObjects> {
  land ??= Promise.all([import('world-atlas/countries-110m.json'), import('topojson-client')]).then(
    ([atlas, topo]) => {
      type Topology = Parameters<typeof topo.feature>[0];
      const topology = (atlas.default ?? atlas) as unknown as Topology;
      return topo.feature(topology, topology.objects.countries!) as GeoPermissibleObjects;
    },
  );
  return land;
}

// Outlines start loading with the map's code, not after its first render.
void loadLand().catch(() => {});

/** What the map's answer depends on: the filters, and the window only when the map is limited to it. */
function mapViewString(view: ViewState): string {
  return serialiseViewState({
    ...view,
    event: undefined,
    geo: false,
    list: 'all',
    ...(view.geowin ? {} : { from: undefined, to: undefined }),
  });
}

/** A cell as the map draws it: the answer's cell at its screen place. */
type ScreenCell = DrawnCell & { cell: MapAnswerCell };

type Drag =
  | { kind: 'pan'; x: number; y: number; moved: boolean }
  | { kind: 'box'; x0: number; y0: number; x1: number; y1: number };

/**
 * The map: every matching event with a place, grouped into counted discs where they overlap, on offline country
 * outlines. Click a point to select its event, a disc to zoom into it; drag to pan, wheel or +/- to zoom; draw an
 * area (the button, or Shift+drag) to filter by it. Selection and filters are the view's, so the timeline, the
 * list and the link follow.
 */
export default function MapView() {
  const { engine, view, end } = useMapSource();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [landLayer] = useState(landLayerCache);
  const [size, setSize] = useState<{ width: number; height: number } | undefined>();
  const [moved, setMoved] = useState<Camera | undefined>();
  const [outlines, setOutlines] = useState<GeoPermissibleObjects | undefined>();
  const [colours, setColours] = useState<MapColours | undefined>();
  const [drawing, setDrawing] = useState(false);
  const [drag, setDrag] = useState<Drag | undefined>();
  const [hover, setHover] = useState<{ cell: ScreenCell; x: number; y: number } | undefined>();
  const [focused, setFocused] = useState(false);
  const [playing, setPlaying] = useState(false);

  // The export menu can ask for the map as an image.
  useEffect(() => {
    registerMap({
      png: () =>
        new Promise<Blob>((resolve, reject) => {
          const el = canvas.current;
          if (!el) return reject(new Error('the map is not drawn'));
          el.toBlob(
            (b) => (b ? resolve(b) : reject(new Error('the map could not be encoded'))),
            'image/png',
          );
        }),
    });
    return () => registerMap(null);
  }, []);

  // Play: the timeline's window steps forward through time, and the map shows the events in it.
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const tl = timelineCommands();
      if (!tl || end === undefined || tl.window().end >= end) {
        setPlaying(false);
        return;
      }
      tl.pan(PLAY_STEP);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(id);
  }, [playing, end]);

  useEffect(() => {
    let live = true;
    loadLand().then(
      (l) => live && setOutlines(l),
      () => {}, // without outlines the points still draw
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() =>
      setSize({ width: el.clientWidth, height: el.clientHeight }),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Theme colours, again whenever the theme changes.
  useEffect(() => {
    const read = () => canvas.current && setColours(themeColours(canvas.current));
    read();
    const mo = new MutationObserver(read);
    mo.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class', 'style'],
    });
    return () => mo.disconnect();
  }, []);

  // Until the analyst moves it, the camera fits the area filter, or the placed matches as the first answer found
  // them (kept per dataset, so that a filter change does not move the map); it always takes the stage's size.
  const [fitted, setFitted] = useState<{ dataset: string; box: Bbox } | undefined>();
  const extent = fitted?.dataset === engine.dataset ? fitted.box : undefined;
  const camera = useMemo<Camera | undefined>(
    () =>
      !size?.width
        ? undefined
        : moved
          ? clampCamera({ ...moved, width: size.width, height: size.height })
          : fitBounds(size.width, size.height, view.bbox ?? extent ?? WORLD),
    [size, moved, view.bbox, extent],
  );
  const setCamera = setMoved;

  // The question: the view's filters, the part of the world on screen and the grid, asked of the engine.
  const viewString = mapViewString(view);
  const question = camera ? mapQuestionFor(camera) : undefined;
  const qKey = question ? JSON.stringify(question) : '';
  const req = useMemo<MapRequest | undefined>(
    () => (question ? { view: viewString, ...question } : undefined),
    [viewString, qKey], // eslint-disable-line react-hooks/exhaustive-deps
  );
  // The page's engine answers at once; the server's through the query cache, the last answer drawn meanwhile.
  const peeked = useMemo(() => (req && engine.peek ? engine.peek(req) : undefined), [engine, req]);
  const q = useMapAnswer(engine, peeked ? undefined : req);
  const answer: (MapAnswer & { notices?: string[] }) | undefined = peeked ?? q.data;
  // Set while rendering ("information from previous renders"): the first answer's extent, once per dataset.
  if (answer?.extent && !extent && (peeked || !q.isPlaceholderData)) {
    const pad = 0.5;
    const e = answer.extent;
    setFitted({
      dataset: engine.dataset,
      box: {
        west: Math.max(-180, e.west - pad),
        east: Math.min(180, e.east + pad),
        south: Math.max(-85, e.south - pad),
        north: Math.min(85, e.north + pad),
      },
    });
  }

  // The answer's cells at their screen places; a single event placed imprecisely has the size of its uncertainty.
  const cells = useMemo<ScreenCell[]>(() => {
    if (!camera || !answer) return [];
    const world = worldSize(camera.zoom);
    const out: ScreenCell[] = [];
    for (const cell of answer.cells) {
      const p = toScreen(camera, cell.lat, cell.lon);
      if (
        p.x < -MARGIN ||
        p.y < -MARGIN ||
        p.x > camera.width + MARGIN ||
        p.y > camera.height + MARGIN
      )
        continue;
      out.push({
        x: p.x,
        y: p.y,
        count: cell.count,
        first: cell.first,
        cell,
        ...(cell.count === 1 && cell.precision
          ? { spread: uncertaintyRadiusPx(cell.precision, cell.lat, world) }
          : {}),
      });
    }
    return out;
  }, [camera, answer]);

  // The selected event's place, from its details (the same query the details panel asks).
  const detail = useQuery({
    queryKey: viewKeys.event(engine.dataset, view.event ?? ''),
    queryFn: ({ signal }) => engine.event(view.event!, signal),
    enabled: view.event !== undefined,
    staleTime: 5 * 60_000,
  });
  const selectedPlace = view.event !== undefined ? detail.data?.event.location : undefined;
  const selectedKnown = view.event !== undefined && detail.data !== undefined;
  const selectedPlaced =
    selectedPlace?.lat !== undefined &&
    selectedPlace.lon !== undefined &&
    isPlaceable(selectedPlace.lat, selectedPlace.lon);
  const selected =
    camera && selectedPlaced ? toScreen(camera, selectedPlace.lat!, selectedPlace.lon!) : undefined;

  // The event another view hovers: where the engine says it is, or the single-event cell that holds it.
  const hoveredPos = useHoveredFrom('map');
  const hoveredPlace = useMemo(() => {
    if (hoveredPos === undefined) return undefined;
    const known = engine.placeOf?.(hoveredPos);
    if (known || engine.placeOf) return known;
    const c = answer?.cells.find((x) => x.count === 1 && x.first === hoveredPos);
    return c?.eventId !== undefined ? { lat: c.lat, lon: c.lon, eventId: c.eventId } : undefined;
  }, [hoveredPos, engine, answer]);
  const hovered =
    camera && hoveredPlace ? toScreen(camera, hoveredPlace.lat, hoveredPlace.lon) : undefined;
  const shareHover = useHover((s) => s.hover);

  // The area filter's outline: west to east (unwrapped across the antimeridian), north to south.
  const area = useMemo(() => {
    if (!camera || !view.bbox) return undefined;
    const b = view.bbox;
    const nw = toScreen(camera, b.north, b.west);
    const se = toScreen(camera, b.south, b.east);
    const worldWidth = 256 * 2 ** camera.zoom;
    return { x0: nw.x, y0: nw.y, x1: b.east < b.west ? se.x + worldWidth : se.x, y1: se.y };
  }, [camera, view.bbox]);

  // Draw.
  useEffect(() => {
    const el = canvas.current;
    if (!el || !camera || !colours) return;
    const ratio = globalThis.devicePixelRatio || 1;
    const w = Math.round(camera.width * ratio);
    const h = Math.round(camera.height * ratio);
    if (el.width !== w || el.height !== h) {
      el.width = w;
      el.height = h;
    }
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const layer = landLayer(ratio, camera, outlines, colours);
    drawFrame(ctx, ratio, {
      camera,
      land: outlines,
      ...(layer ? { landLayer: layer } : {}),
      cells,
      selected,
      ...(hovered ? { hovered } : {}),
      colours,
      ...(drag?.kind === 'box' ? { box: drag } : {}),
      ...(area ? { area } : {}),
      ...(focused ? { focus: { x: camera.width / 2, y: camera.height / 2 } } : {}),
    });
    // Points compared by value: a new object at the same place draws nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    camera,
    colours,
    outlines,
    cells,
    selected?.x,
    selected?.y,
    hovered?.x,
    hovered?.y,
    drag,
    focused,
    area,
  ]);

  const cellAt = (x: number, y: number, slack = 3): ScreenCell | undefined => {
    let best: ScreenCell | undefined;
    let bestD = Infinity;
    for (const c of cells) {
      const d = Math.hypot(c.x - x, c.y - y);
      if (d <= cellRadius(c.count) + slack && d < bestD) {
        best = c;
        bestD = d;
      }
    }
    return best;
  };

  const open = (cell: ScreenCell) => {
    if (!camera) return;
    if (cell.count === 1 && cell.cell.eventId !== undefined)
      updateView({ event: cell.cell.eventId });
    else setCamera(zoomAbout(camera, 2, cell.x, cell.y));
  };

  const setArea = (x0: number, y0: number, x1: number, y1: number) => {
    if (!camera) return;
    const a = fromScreen(camera, x0, y0);
    const b = fromScreen(camera, x1, y1);
    updateView({ bbox: bboxFromCorners(a, b) });
  };

  const local = (e: PointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDrag(
      drawing || e.shiftKey
        ? { kind: 'box', x0: x, y0: y, x1: x, y1: y }
        : { kind: 'pan', x, y, moved: false },
    );
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    if (!drag) {
      const cell = cellAt(x, y);
      setHover(cell ? { cell, x, y } : undefined);
      shareHover(cell?.count === 1 ? cell.first : undefined, 'map');
      return;
    }
    if (drag.kind === 'box') setDrag({ ...drag, x1: x, y1: y });
    else if (camera && (drag.moved || Math.hypot(x - drag.x, y - drag.y) > 3)) {
      setCamera(panBy(camera, x - drag.x, y - drag.y));
      setDrag({ kind: 'pan', x, y, moved: true });
      setHover(undefined);
    }
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = local(e);
    if (drag?.kind === 'box') {
      if (Math.abs(x - drag.x0) > 4 && Math.abs(y - drag.y0) > 4) setArea(drag.x0, drag.y0, x, y);
      setDrawing(false);
    } else if (drag?.kind === 'pan' && !drag.moved) {
      const cell = cellAt(x, y);
      if (cell) open(cell);
    }
    setDrag(undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!camera || e.ctrlKey || e.metaKey || e.altKey) return;
    const step: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const cx = camera.width / 2;
    const cy = camera.height / 2;
    if (step[e.key]) setCamera(panBy(camera, ...step[e.key]!));
    else if (e.key === '+' || e.key === '=') setCamera(zoomAbout(camera, 1, cx, cy));
    else if (e.key === '-' || e.key === '_') setCamera(zoomAbout(camera, -1, cx, cy));
    else if (e.key === 'Enter') {
      const cell = cellAt(cx, cy, 24);
      if (cell) open(cell);
    } else return;
    // The map's own keys: not the timeline's zoom or the app's other shortcuts.
    e.preventDefault();
    e.stopPropagation();
  };

  const centre = camera && focused ? cellAt(camera.width / 2, camera.height / 2, 24) : undefined;
  const describe = ({ cell }: ScreenCell) => {
    const precision = cell.precision;
    return cell.count === 1
      ? `${cell.title ?? 'An event'}${cell.place ? ` — ${cell.place}` : ''}${precision ? ` (${PLACE_PRECISION_WORDS[precision]})` : ''}`
      : `${formatCount(cell.count)} events around ${cell.place ?? 'here'}: click to zoom in`;
  };
  const problem = q.isError
    ? q.error instanceof Error
      ? q.error.message
      : String(q.error)
    : undefined;

  return (
    <div className="cs-map">
      <div className="cs-map-toolbar" role="toolbar" aria-label="Map tools">
        <button
          type="button"
          onClick={() =>
            camera && setCamera(zoomAbout(camera, 1, camera.width / 2, camera.height / 2))
          }
          aria-label="Zoom the map in"
          title="Zoom the map in (+ on the map)"
        >
          +
        </button>
        <button
          type="button"
          onClick={() =>
            camera && setCamera(zoomAbout(camera, -1, camera.width / 2, camera.height / 2))
          }
          aria-label="Zoom the map out"
          title="Zoom the map out (− on the map)"
        >
          −
        </button>
        <button
          type="button"
          onClick={() => setCamera(undefined)}
          title="Fit the area, or every placed event"
        >
          Fit
        </button>
        <button
          type="button"
          aria-pressed={drawing}
          onClick={() => setDrawing(!drawing)}
          title="Drag a box on the map to filter by it (or Shift+drag)"
        >
          Draw area
        </button>
        <button
          type="button"
          onClick={() => camera && setArea(0, 0, camera.width, camera.height)}
          title="Filter to the area the map shows now"
        >
          Area = view
        </button>
        {view.bbox && (
          <button type="button" onClick={() => updateView({ bbox: undefined })}>
            Clear area
          </button>
        )}
        <button
          type="button"
          aria-pressed={playing}
          onClick={() => {
            if (!playing && !view.geowin) updateView({ geowin: true });
            setPlaying(!playing);
          }}
          title="Step the timeline's window forward through time, with the map showing the events in it"
        >
          Play
        </button>
        <label>
          <input
            type="checkbox"
            checked={view.geowin}
            onChange={(e) => updateView({ geowin: e.target.checked })}
          />
          Timeline window only
        </label>
      </div>
      <p className="cs-map-status" aria-live="polite">
        {answer ? (
          <>
            {formatCount(answer.placed)} of {formatCount(answer.matching)} matching events on the
            map
            {answer.unplaced > 0 &&
              `; ${formatCount(answer.unplaced)} matching events have no coordinates`}
            {answer.capped && '; only the busiest places are drawn: zoom in for the rest'}
            {selectedKnown &&
              (selectedPlaced
                ? '. The selected event is ringed.'
                : '. The selected event has no coordinates.')}
          </>
        ) : (
          (problem ?? 'Placing the matching events…')
        )}
      </p>
      {answer?.notices?.map((n) => (
        <p key={n} className="cs-note">
          {n}
        </p>
      ))}
      <div className="cs-map-stage" ref={wrap}>
        <canvas
          ref={canvas}
          className={`cs-map-canvas${drawing ? ' cs-map-drawing' : ''}`}
          tabIndex={0}
          role="application"
          aria-roledescription="map"
          aria-label="Map of the matching events. Arrow keys pan, plus and minus zoom, Enter opens the place under the cross at the centre."
          aria-describedby="cs-map-focus"
          data-hovered={hoveredPlace?.eventId}
          aria-busy={q.isFetching}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => {
            setHover(undefined);
            shareHover(undefined, 'map');
          }}
          onWheel={(e) => {
            if (!camera) return;
            const r = e.currentTarget.getBoundingClientRect();
            setCamera(
              zoomAbout(camera, -Math.sign(e.deltaY) * 0.5, e.clientX - r.left, e.clientY - r.top),
            );
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
        <p id="cs-map-focus" className="cs-visually-hidden" aria-live="polite">
          {centre ? describe(centre) : focused ? 'Nothing under the cross.' : ''}
        </p>
        {hover && (
          <div className="cs-map-tip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
            {describe(hover.cell)}
          </div>
        )}
      </div>
    </div>
  );
}
