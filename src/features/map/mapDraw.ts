import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { MapCell } from '../../domain/geo';
import { worldSize, type Camera } from '../../domain/webMercator';

/** The colours the map draws with, resolved from the theme's CSS custom properties. */
export interface MapColours {
  water: string;
  land: string;
  border: string;
  point: string;
  pointRing: string;
  cluster: string;
  clusterText: string;
  selected: string;
  box: string;
  boxFill: string;
}

const ROLES: Record<keyof MapColours, string> = {
  water: 'var(--grid)',
  land: 'var(--surface)',
  border: 'var(--border)',
  point: 'var(--accent)',
  pointRing: 'var(--surface)',
  cluster: 'var(--hist)',
  clusterText: 'var(--accent-fg)',
  selected: 'var(--selected)',
  box: 'var(--selected)',
  boxFill: 'var(--brush-fill)',
};

/** Reads each colour role through a probe's computed `color` (custom properties themselves stay unresolved). */
export function themeColours(probe: HTMLElement): MapColours {
  const out = {} as MapColours;
  for (const [role, value] of Object.entries(ROLES) as [keyof MapColours, string][]) {
    probe.style.color = value;
    out[role] = getComputedStyle(probe).color;
  }
  probe.style.color = '';
  return out;
}

/** A cell's radius on screen: a point, or a disc that grows with the log of its count. */
export const cellRadius = (count: number) => (count === 1 ? 5 : 8 + 3 * Math.log10(count));

/** A cell as drawn: a single event placed imprecisely carries the radius of its uncertainty, in pixels. */
export interface DrawnCell extends MapCell {
  spread?: number;
}

export interface Frame {
  camera: Camera;
  land: GeoPermissibleObjects | undefined;
  /** The outlines already drawn for this camera (landLayerCache); else they are drawn here. */
  landLayer?: CanvasImageSource;
  cells: DrawnCell[];
  selected?: { x: number; y: number };
  /** The event another view hovers, ringed. */
  hovered?: { x: number; y: number };
  box?: { x0: number; y0: number; x1: number; y1: number };
  /** The area filter in force, outlined. */
  area?: { x0: number; y0: number; x1: number; y1: number };
  focus?: { x: number; y: number };
  colours: MapColours;
}

/** Water and country outlines for a camera, on a canvas whose backing store is `ratio` times its CSS size. */
function drawLand(
  ctx: CanvasRenderingContext2D,
  ratio: number,
  c: Camera,
  land: GeoPermissibleObjects | undefined,
  colours: MapColours,
): void {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = colours.water;
  ctx.fillRect(0, 0, c.width, c.height);
  if (!land) return;
  // The outlines projected once per whole zoom level, then placed and scaled for the camera: a pan or a resize
  // moves the drawn path instead of projecting every coastline again.
  const level = Math.floor(c.zoom);
  const k = 2 ** (c.zoom - level);
  ctx.setTransform(
    ratio * k,
    0,
    0,
    ratio * k,
    ratio * (c.width / 2 - c.cx),
    ratio * (c.height / 2 - c.cy),
  );
  const path = landPath(land, level);
  ctx.fillStyle = colours.land;
  ctx.fill(path);
  ctx.lineWidth = 0.75 / k;
  ctx.strokeStyle = colours.border;
  ctx.stroke(path);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
}

const landPaths = new WeakMap<object, Map<number, Path2D>>();

/** The outlines in world pixels at a whole zoom level, projected once (d3-geo resamples for that scale). */
function landPath(land: GeoPermissibleObjects, level: number): Path2D {
  let byLevel = landPaths.get(land);
  if (!byLevel) landPaths.set(land, (byLevel = new Map()));
  let path = byLevel.get(level);
  if (!path) {
    const p = new Path2D();
    const s = worldSize(level);
    geoPath(
      geoMercator()
        .scale(s / (2 * Math.PI))
        .translate([s / 2, s / 2]),
      {
        beginPath: () => {},
        moveTo: (x, y) => p.moveTo(x, y),
        lineTo: (x, y) => p.lineTo(x, y),
        closePath: () => p.closePath(),
        arc: (x, y, r, a0, a1, ccw) => p.arc(x, y, r, a0, a1, ccw),
      },
    )(land);
    byLevel.set(level, (path = p));
  }
  return path;
}

/**
 * The outlines drawn once per camera, size and theme, and copied into every frame drawn for the same ones: a
 * filter change, a hover or a selection redraws only the points, not every country's projected outline.
 */
export function landLayerCache() {
  let key = '';
  let layer: HTMLCanvasElement | undefined;
  return (
    ratio: number,
    c: Camera,
    land: GeoPermissibleObjects | undefined,
    colours: MapColours,
  ): HTMLCanvasElement | undefined => {
    const k = [
      ratio,
      c.cx,
      c.cy,
      c.zoom,
      c.width,
      c.height,
      land ? 1 : 0,
      colours.water,
      colours.land,
      colours.border,
    ].join('|');
    if (k === key && layer) return layer;
    layer ??= document.createElement('canvas');
    layer.width = Math.round(c.width * ratio);
    layer.height = Math.round(c.height * ratio);
    const ctx = layer.getContext('2d');
    if (!ctx) return undefined;
    drawLand(ctx, ratio, c, land, colours);
    key = k;
    return layer;
  };
}

/** Draws one frame of the map on a canvas whose backing store is `ratio` times its CSS size. */
export function drawFrame(ctx: CanvasRenderingContext2D, ratio: number, f: Frame): void {
  const { camera: c, colours } = f;
  if (f.landLayer) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(f.landLayer, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  } else drawLand(ctx, ratio, c, f.land, colours);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = '600 11px system-ui, sans-serif';
  // Imprecise places first, under every point: a faint disc as large as what the dataset says it knows.
  for (const cell of f.cells) {
    if (!cell.spread || cell.spread <= cellRadius(1)) continue;
    ctx.beginPath();
    ctx.arc(cell.x, cell.y, cell.spread, 0, 2 * Math.PI);
    ctx.globalAlpha = 0.12;
    ctx.fillStyle = colours.point;
    ctx.fill();
    ctx.globalAlpha = 0.6;
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 1;
    ctx.strokeStyle = colours.point;
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
  }
  for (const cell of f.cells) {
    const r = cellRadius(cell.count);
    ctx.beginPath();
    ctx.arc(cell.x, cell.y, r, 0, 2 * Math.PI);
    if (cell.count === 1 && cell.spread) {
      // An imprecise place: a hollow point, so that a sharp dot always means an exact place.
      ctx.fillStyle = colours.pointRing;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = colours.point;
      ctx.stroke();
    } else if (cell.count === 1) {
      ctx.fillStyle = colours.point;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = colours.pointRing;
      ctx.stroke();
    } else {
      ctx.globalAlpha = 0.85;
      ctx.fillStyle = colours.cluster;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1;
      ctx.strokeStyle = colours.pointRing;
      ctx.stroke();
    }
  }
  // Counts over every disc, so that a neighbouring cluster drawn later never hides one.
  ctx.fillStyle = colours.clusterText;
  for (const cell of f.cells) if (cell.count > 1) ctx.fillText(compact(cell.count), cell.x, cell.y);
  if (f.selected) {
    ctx.beginPath();
    ctx.arc(f.selected.x, f.selected.y, 9, 0, 2 * Math.PI);
    ctx.lineWidth = 3;
    ctx.strokeStyle = colours.selected;
    ctx.stroke();
  }
  if (f.hovered) {
    ctx.beginPath();
    ctx.arc(f.hovered.x, f.hovered.y, 12, 0, 2 * Math.PI);
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 2;
    ctx.strokeStyle = colours.point;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (f.area) {
    const { x0, y0, x1, y1 } = f.area;
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 2;
    ctx.strokeStyle = colours.box;
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    ctx.setLineDash([]);
  }
  if (f.box) {
    const { x0, y0, x1, y1 } = f.box;
    ctx.fillStyle = colours.boxFill;
    ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    ctx.lineWidth = 2;
    ctx.strokeStyle = colours.box;
    ctx.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
  }
  if (f.focus) {
    ctx.lineWidth = 2;
    ctx.strokeStyle = colours.selected;
    ctx.beginPath();
    ctx.moveTo(f.focus.x - 12, f.focus.y);
    ctx.lineTo(f.focus.x + 12, f.focus.y);
    ctx.moveTo(f.focus.x, f.focus.y - 12);
    ctx.lineTo(f.focus.x, f.focus.y + 12);
    ctx.stroke();
  }
}

/** A count in at most four characters: 950, 9.5k, 95k, 1.2M. */
export function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toFixed(1).replace(/\.0$/, '')}k`;
  if (n < 1_000_000) return `${Math.floor(n / 1000)}k`;
  return `${(Math.floor(n / 100_000) / 10).toFixed(1).replace(/\.0$/, '')}M`;
}
