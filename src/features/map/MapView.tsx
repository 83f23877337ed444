import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { GeoPermissibleObjects } from 'd3-geo';
import { useViewData } from '../../data/page/viewData';
import type { DatasetIndex } from '../../domain/buildIndex';
import { formatCount } from '../../domain/formatCount';
import { bboxFromCorners, gridCells, type Bbox, type MapCell } from '../../domain/geo';
import {
  clampCamera,
  fitBounds,
  fromScreen,
  panBy,
  toScreen,
  zoomAbout,
  type Camera,
} from '../../domain/webMercator';
import { updateView } from '../../url/useViewState';
import { timelineCommands } from '../../state/timelineCommands';
import { registerMap } from '../../state/mapCommands';
import { cellRadius, drawFrame, themeColours, type DrawnCell, type MapColours } from './mapDraw';
import { useHover, useHoveredFrom } from '../../state/hoverStore';
import { PLACE_PRECISION_WORDS, uncertaintyRadiusPx } from '../../domain/placePrecision';
import { worldSize } from '../../domain/webMercator';
import './map.css';

/** Screen cells that group events drawn close together, in CSS pixels. */
const CELL = 48;
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

/** The box around every placed event of the dataset, or undefined when none is placed. */
function placedExtent(index: DatasetIndex): Bbox | undefined {
  let south = 90;
  let north = -90;
  let west = 180;
  let east = -180;
  for (let i = 0; i < index.size; i++) {
    const lat = index.lats[i]!;
    if (Number.isNaN(lat)) continue;
    const lon = index.lons[i]!;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
  }
  if (south > north) return undefined;
  const pad = 0.5;
  return {
    west: Math.max(-180, west - pad),
    east: Math.min(180, east + pad),
    south: Math.max(-85, south - pad),
    north: Math.min(85, north + pad),
  };
}

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
  const { loaded, view, result } = useViewData();
  const { index } = loaded;
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | undefined>();
  const [moved, setMoved] = useState<Camera | undefined>();
  const [outlines, setOutlines] = useState<GeoPermissibleObjects | undefined>();
  const [colours, setColours] = useState<MapColours | undefined>();
  const [drawing, setDrawing] = useState(false);
  const [drag, setDrag] = useState<Drag | undefined>();
  const [hover, setHover] = useState<{ cell: MapCell; x: number; y: number } | undefined>();
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
      const end = index.extent?.end;
      if (!tl || end === undefined || tl.window().end >= end) {
        setPlaying(false);
        return;
      }
      tl.pan(PLAY_STEP);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(id);
  }, [playing, index]);

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

  // Until the analyst moves it, the camera fits the area filter, or every placed event of the dataset; it always
  // takes the stage's current size.
  const extent = useMemo(() => placedExtent(index), [index]);
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

  const window =
    view.geowin && view.from !== undefined && view.to !== undefined
      ? [view.from, view.to]
      : undefined;
  const { cells, placed } = useMemo(() => {
    if (!camera) return { cells: [], placed: 0 };
    const { lats, lons, starts, ends } = index;
    let placedCount = 0;
    const each = (visit: (i: number) => void) =>
      result.matches.forEach((i) => {
        if (Number.isNaN(lats[i]!)) return;
        if (window && !(starts[i]! < window[1]! && ends[i]! > window[0]!)) return;
        placedCount++;
        visit(i);
      });
    const margin = CELL;
    const project = (i: number) => {
      const p = toScreen(camera, lats[i]!, lons[i]!);
      return p.x < -margin ||
        p.y < -margin ||
        p.x > camera.width + margin ||
        p.y > camera.height + margin
        ? undefined
        : p;
    };
    const grid: DrawnCell[] = gridCells(each, project, CELL);
    // A single event placed imprecisely is drawn with the size of its uncertainty.
    const world = worldSize(camera.zoom);
    for (const c of grid) {
      if (c.count !== 1) continue;
      const precision = index.events.at(c.first)!.location?.precision;
      if (precision) c.spread = uncertaintyRadiusPx(precision, lats[c.first]!, world);
    }
    return { cells: grid, placed: placedCount };
  }, [camera, index, result.matches, window?.[0], window?.[1]]); // eslint-disable-line react-hooks/exhaustive-deps

  const selectedPos = view.event !== undefined ? index.byId.get(view.event) : undefined;
  const selected =
    camera && selectedPos !== undefined && !Number.isNaN(index.lats[selectedPos]!)
      ? toScreen(camera, index.lats[selectedPos]!, index.lons[selectedPos]!)
      : undefined;

  const hoveredPos = useHoveredFrom('map');
  const hovered =
    camera && hoveredPos !== undefined && !Number.isNaN(index.lats[hoveredPos]!)
      ? toScreen(camera, index.lats[hoveredPos]!, index.lons[hoveredPos]!)
      : undefined;
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
    drawFrame(ctx, ratio, {
      camera,
      land: outlines,
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

  const cellAt = (x: number, y: number, slack = 3): MapCell | undefined => {
    let best: MapCell | undefined;
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

  const open = (cell: MapCell) => {
    if (!camera) return;
    if (cell.count === 1) updateView({ event: index.events.at(cell.first)!.id });
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

  const matching = result.count;
  const unplaced = useMemo(() => {
    let n = 0;
    result.matches.forEach((i) => {
      if (Number.isNaN(index.lats[i]!)) n++;
    });
    return n;
  }, [result.matches, index]);
  const centre = camera && focused ? cellAt(camera.width / 2, camera.height / 2, 24) : undefined;
  const describe = (cell: MapCell) => {
    const e = index.events.at(cell.first)!;
    const precision = e.location?.precision;
    return cell.count === 1
      ? `${e.title}${e.location?.name ? ` — ${e.location.name}` : ''}${precision ? ` (${PLACE_PRECISION_WORDS[precision]})` : ''}`
      : `${formatCount(cell.count)} events around ${e.location?.name ?? 'here'}: click to zoom in`;
  };

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
        {formatCount(placed)} of {formatCount(matching)} matching events on the map
        {unplaced > 0 && `; ${formatCount(unplaced)} matching events have no coordinates`}
        {selectedPos !== undefined &&
          (selected
            ? '. The selected event is ringed.'
            : '. The selected event has no coordinates.')}
      </p>
      <div className="cs-map-stage" ref={wrap}>
        <canvas
          ref={canvas}
          className={`cs-map-canvas${drawing ? ' cs-map-drawing' : ''}`}
          tabIndex={0}
          role="application"
          aria-roledescription="map"
          aria-label="Map of the matching events. Arrow keys pan, plus and minus zoom, Enter opens the place under the cross at the centre."
          aria-describedby="cs-map-focus"
          data-hovered={hoveredPos !== undefined ? index.events.at(hoveredPos)!.id : undefined}
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
