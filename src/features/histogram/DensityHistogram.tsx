import { useMemo, useRef, useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import { formatInstant } from '../../domain/formatDate';
import { histogram } from '../../domain/histogram';
import { paddedWindow } from '../../domain/levelOfDetail';
import { updateView } from '../../url/useViewState';
import './histogram.css';
import { formatCount } from '../../domain/formatCount';
import { measureAmount, measureByName } from '../../domain/measures';
import { MeasureControl } from './MeasureControl';

const H = 44;

/**
 * Event counts (or, with a measure chosen, the sum of its values) over the whole dataset for the current filters;
 * drag across it to set the timeline window.
 */
export function DensityHistogram() {
  const { loaded, view, result } = useViewData();
  const { index } = loaded;
  const measure = measureByName(index.measures, view.sum);
  const range = useMemo(
    () => (index.extent ? paddedWindow(index.extent, 0.02) : undefined),
    [index],
  );
  const hist = useMemo(
    () => (range ? histogram(index, result.matches, range, 120, measure?.values) : undefined),
    [index, result.matches, range, measure],
  );
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  // The bin under the pointer, for the count read-out (a pointer aid; the label and the list carry the numbers).
  const [hover, setHover] = useState<{ bin: number; left: number } | null>(null);
  if (!range || !hist) return null;
  const span = range.end - range.start;
  const x = (t: number) => ((t - range.start) / span) * 1000;
  const timeAt = (clientX: number) => {
    const r = svg.current!.getBoundingClientRect();
    return range.start + ((clientX - r.left) / Math.max(1, r.width)) * span;
  };
  const win =
    view.from !== undefined && view.to !== undefined
      ? { start: view.from, end: view.to }
      : paddedWindow(index.extent!);
  const amount = (v: number) =>
    measure ? measureAmount(measure, v) : `${formatCount(v)} event${v === 1 ? '' : 's'}`;
  const period = `from ${formatInstant(range.start, 'day', view.tz)} to ${formatInstant(range.end, 'day', view.tz)}`;
  const label = measure
    ? `Sum of ${measure.name} (${measure.unit}) of matching events ${period}, ${amount(sumOf(hist.counts))} in all; the largest ${hist.unit.label} holds ${amount(hist.max)}. Drag across it to set the timeline window.`
    : `Density of matching events ${period}, busiest ${hist.unit.label} holds ${formatCount(hist.max)}. Drag across it to set the timeline window.`;
  return (
    <div className="cs-histogram">
      <MeasureControl />
      <svg
        ref={svg}
        viewBox={`0 0 1000 ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        data-testid="histogram"
        onPointerDown={(e) => {
          (e.target as Element).setPointerCapture?.(e.pointerId);
          const t = timeAt(e.clientX);
          setDrag({ a: t, b: t });
        }}
        onPointerMove={(e) => {
          if (drag) return setDrag({ a: drag.a, b: timeAt(e.clientX) });
          const t = timeAt(e.clientX);
          const bin = binAt(hist.bounds, t);
          const r = svg.current!.getBoundingClientRect();
          setHover(bin === undefined ? null : { bin, left: (e.clientX - r.left) / r.width });
        }}
        onPointerLeave={() => setHover(null)}
        onPointerUp={() => {
          if (!drag) return;
          const from = Math.round(Math.min(drag.a, drag.b));
          const to = Math.round(Math.max(drag.a, drag.b));
          setDrag(null);
          if (to - from > span / 2000) updateView({ from, to });
        }}
      >
        {Array.from(hist.counts, (c, k) => {
          if (c === 0) return null;
          const x0 = x(hist.bounds[k]!);
          const x1 = x(hist.bounds[k + 1]!);
          const h = Math.max(1.5, (Math.sqrt(Math.abs(c)) / Math.sqrt(hist.max)) * (H - 2));
          return (
            <rect
              key={k}
              className="cs-hist-bar"
              x={x0}
              y={H - h}
              width={Math.max(0.8, x1 - x0 - 0.6)}
              height={h}
            >
              <title>{`${formatInstant(hist.bounds[k]!, 'day', view.tz)}: ${amount(c)}`}</title>
            </rect>
          );
        })}
        <rect
          className="cs-hist-window"
          x={x(win.start)}
          y={0}
          width={Math.max(2, x(win.end) - x(win.start))}
          height={H}
        />
        {drag && (
          <rect
            className="cs-hist-brush"
            x={x(Math.min(drag.a, drag.b))}
            y={0}
            width={Math.abs(x(drag.b) - x(drag.a))}
            height={H}
          />
        )}
      </svg>
      {hover && !drag && (
        <div
          className="cs-hist-readout"
          aria-hidden="true"
          style={{ left: `${Math.min(85, Math.max(0, hover.left * 100 - 7))}%` }}
        >
          <strong>{amount(hist.counts[hover.bin] ?? 0)}</strong>,{' '}
          {formatInstant(
            hist.bounds[hover.bin]!,
            tickPrecision(hist.bounds[hover.bin + 1]! - hist.bounds[hover.bin]!),
            view.tz,
          )}
        </div>
      )}
      <div className="cs-hist-axis" aria-hidden="true">
        {axisTicks(range.start, range.end).map((t) => (
          <span key={t} style={{ left: `${(x(t) / 10).toFixed(2)}%` }}>
            {formatInstant(t, tickPrecision(span / 5), view.tz)}
          </span>
        ))}
      </div>
    </div>
  );
}

function sumOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k]!;
  return s;
}

/** The bin of `bounds` (ascending edges) that holds `t`. */
function binAt(bounds: ArrayLike<number>, t: number): number | undefined {
  for (let k = 0; k < bounds.length - 1; k++)
    if (t < bounds[k + 1]!) return t >= bounds[k]! ? k : undefined;
  return undefined;
}

/** How finely to name an instant when the things named are about `step` ms apart. */
function tickPrecision(step: number): 'year' | 'month' | 'day' | 'minute' {
  const day = 86_400_000;
  return step >= 300 * day ? 'year' : step >= 25 * day ? 'month' : step >= day ? 'day' : 'minute';
}

/** Five instants across the range, inset so that their labels stay inside it. */
function axisTicks(start: number, end: number): number[] {
  return [0.04, 0.27, 0.5, 0.73, 0.96].map((f) => Math.round(start + f * (end - start)));
}
