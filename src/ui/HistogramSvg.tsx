import { memo, useRef, useState, type ReactNode } from 'react';
import { formatTick } from '../domain/formatDate';
import { calendarTicks, type TimeZoneChoice } from '../domain/time';
import './histogram.css';

/** Bins of a density histogram: ascending edges (one more than the counts) and the largest count. */
export interface HistogramBins {
  bounds: ArrayLike<number>;
  counts: ArrayLike<number>;
  max: number;
}

export interface Span {
  start: number;
  end: number;
}

/** The bin of `bounds` (ascending edges) that holds `t`. */
export function binAt(bounds: ArrayLike<number>, t: number): number | undefined {
  for (let k = 0; k < bounds.length - 1; k++)
    if (t < bounds[k + 1]!) return t >= bounds[k]! ? k : undefined;
  return undefined;
}

/** Drawn 1000 units wide and stretched to its box, so `x` maps an instant of `range` to 0..1000. */
const WIDTH = 1000;

/**
 * A density histogram's bars (square-root heights, so a quiet period still shows) with the timeline window drawn
 * over them and, when `onBrush` is given, a brush: drag across the bars to choose a period. Shared by the
 * workspace's histogram, the Dates popover and the server workspace; the numbers it draws come from the caller.
 */
export function HistogramSvg({
  range,
  bins,
  height,
  window: win,
  label,
  testId,
  barTitle,
  onBrush,
  onHover,
  children,
}: {
  range: Span;
  bins: HistogramBins;
  /** The drawing's height in its own units (bars scale to it). */
  height: number;
  window?: Span | undefined;
  label: string;
  testId?: string;
  barTitle?: (bin: number) => string;
  onBrush?: (from: number, to: number) => void;
  /** The bin under the pointer (undefined when none) and where the pointer is, from 0 (left) to 1. */
  onHover?: (bin: number | undefined, left: number) => void;
  children?: ReactNode;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const span = Math.max(1, range.end - range.start);
  const x = (t: number) => ((t - range.start) / span) * WIDTH;
  const at = (clientX: number) => {
    const r = svg.current!.getBoundingClientRect();
    const left = (clientX - r.left) / Math.max(1, r.width);
    return { t: range.start + left * span, left };
  };
  const brush = onBrush
    ? {
        onPointerDown: (e: React.PointerEvent) => {
          (e.target as Element).setPointerCapture?.(e.pointerId);
          const { t } = at(e.clientX);
          setDrag({ a: t, b: t });
          onHover?.(undefined, 0);
        },
        onPointerUp: () => {
          if (!drag) return;
          const from = Math.round(Math.min(drag.a, drag.b));
          const to = Math.round(Math.max(drag.a, drag.b));
          setDrag(null);
          if (to - from > span / 2000) onBrush(from, to);
        },
      }
    : {};
  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-testid={testId}
      className={onBrush ? 'cs-hist-brushable' : undefined}
      {...brush}
      onPointerMove={(e) => {
        if (drag) return setDrag({ a: drag.a, b: at(e.clientX).t });
        if (!onHover) return;
        const { t, left } = at(e.clientX);
        onHover(binAt(bins.bounds, t), left);
      }}
      onPointerLeave={onHover && (() => onHover(undefined, 0))}
    >
      {Array.from(bins.counts, (c, k) => {
        if (c === 0) return null;
        const x0 = x(bins.bounds[k]!);
        const x1 = x(bins.bounds[k + 1]!);
        const h = Math.max(1.5, (Math.sqrt(Math.abs(c)) / Math.sqrt(bins.max)) * (height - 2));
        return (
          <rect
            key={k}
            className="cs-hist-bar"
            x={x0}
            y={height - h}
            width={Math.max(0.8, x1 - x0 - 0.6)}
            height={h}
          >
            {barTitle && <title>{barTitle(k)}</title>}
          </rect>
        );
      })}
      {win && (
        <rect
          className="cs-hist-window"
          x={x(win.start)}
          y={0}
          width={Math.max(2, x(win.end) - x(win.start))}
          height={height}
        />
      )}
      {drag && (
        <rect
          className="cs-hist-brush"
          x={x(Math.min(drag.a, drag.b))}
          y={0}
          width={Math.abs(x(drag.b) - x(drag.a))}
          height={height}
        />
      )}
      {children}
    </svg>
  );
}

/** How finely to name an instant when the things named are about `step` ms apart. */
export function tickPrecision(step: number): 'year' | 'month' | 'day' | 'minute' {
  const day = 86_400_000;
  return step >= 300 * day ? 'year' : step >= 25 * day ? 'month' : step >= day ? 'day' : 'minute';
}

/** The share of the axis's width a label takes, near enough: one closer to the right end than this is dropped. */
const LABEL_ROOM = 0.07;

/**
 * The time axis under a histogram's bars: a mark where each calendar unit of a fitting step begins (years, months,
 * days, hours on the zone's wall clock: `calendarTicks`), named from there rightwards, as the timeline's own axis
 * names its units. Where none has room (beyond the drawable calendar, or one mark at the very end), four instants
 * across the range. Memoised: a filter change redraws the bars, not the axis.
 */
export const HistogramAxis = memo(function HistogramAxis({
  range,
  tz,
}: {
  range: Span;
  tz: TimeZoneChoice;
}) {
  const span = Math.max(1, range.end - range.start);
  const ticks = calendarTicks(range, tz, 6).filter(
    (t) => (t.at - range.start) / span <= 1 - LABEL_ROOM,
  );
  const marks =
    ticks.length > 0
      ? ticks
      : [0.04, 0.27, 0.5, 0.73].map((f) => ({
          at: Math.round(range.start + f * span),
          precision: tickPrecision(span / 5),
        }));
  return (
    <div className="cs-hist-axis" aria-hidden="true">
      {marks.map(({ at, precision }) => (
        <span key={at} style={{ left: `${(((at - range.start) / span) * 100).toFixed(2)}%` }}>
          {formatTick(at, precision, tz)}
        </span>
      ))}
    </div>
  );
});
