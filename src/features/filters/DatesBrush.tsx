import { useMemo } from 'react';
import { useViewData } from '../../data/page/viewData';
import { formatCount } from '../../domain/formatCount';
import { formatInstant } from '../../domain/formatDate';
import { histogram } from '../../domain/histogram';
import { paddedWindow } from '../../domain/levelOfDetail';
import { updateView } from '../../url/useViewState';
import { HistogramAxis, HistogramSvg, type Span } from '../../ui/HistogramSvg';

const BINS = 60;
const H = 32;

/**
 * The Dates popover's density histogram with the timeline window on it: drag across it, or move the window's two
 * edges with the arrow keys (a bin a press, Page Up/Down ten, Home/End to the dataset's ends), to set the window.
 */
export function DatesBrush() {
  const { loaded, view, result } = useViewData();
  const { index } = loaded;
  const range = useMemo(
    () => (index.extent ? paddedWindow(index.extent, 0.02) : undefined),
    [index],
  );
  const hist = useMemo(
    () => (range ? histogram(index, result.matches, range, BINS) : undefined),
    [index, result.matches, range],
  );
  if (!range || !hist) return null;
  const win: Span =
    view.from !== undefined && view.to !== undefined
      ? { start: view.from, end: view.to }
      : paddedWindow(index.extent!);
  const day = (t: number) => formatInstant(t, 'day', view.tz);
  return (
    <div className="cs-dates-brush">
      <div className="cs-dates-brush-stage">
        <HistogramSvg
          range={range}
          bins={hist}
          height={H}
          window={win}
          label={`Density of matching events from ${day(range.start)} to ${day(range.end)}, busiest ${hist.unit.label} holds ${formatCount(hist.max)}. Drag across it to set the timeline window.`}
          testId="dates-histogram"
          barTitle={(k) =>
            `${day(hist.bounds[k]!)}: ${formatCount(hist.counts[k] ?? 0)} event${hist.counts[k] === 1 ? '' : 's'}`
          }
          onBrush={(from, to) => updateView({ from, to })}
        />
        <WindowEdge edge="start" range={range} win={win} tz={view.tz} />
        <WindowEdge edge="end" range={range} win={win} tz={view.tz} />
      </div>
      <HistogramAxis range={range} tz={view.tz} />
    </div>
  );
}

/** One edge of the window on the brush, as a slider. */
function WindowEdge({
  edge,
  range,
  win,
  tz,
}: {
  edge: 'start' | 'end';
  range: Span;
  win: Span;
  tz: string;
}) {
  const span = Math.max(1, range.end - range.start);
  const step = span / BINS;
  const value = edge === 'start' ? win.start : win.end;
  const clamp = (t: number) => Math.min(range.end, Math.max(range.start, t));
  const move = (t: number) => {
    // The two edges keep at least a step between them.
    const next =
      edge === 'start'
        ? { from: Math.min(clamp(t), win.end - step), to: win.end }
        : { from: win.start, to: Math.max(clamp(t), win.start + step) };
    updateView({ from: Math.round(next.from), to: Math.round(next.to) }, 'replace');
  };
  const keys: Record<string, () => number> = {
    ArrowLeft: () => value - step,
    ArrowDown: () => value - step,
    ArrowRight: () => value + step,
    ArrowUp: () => value + step,
    PageDown: () => value - 10 * step,
    PageUp: () => value + 10 * step,
    Home: () => range.start,
    End: () => range.end,
  };
  const left = ((clamp(value) - range.start) / span) * 100;
  return (
    <div
      className="cs-dates-edge"
      role="slider"
      tabIndex={0}
      aria-label={edge === 'start' ? 'Window start' : 'Window end'}
      aria-valuemin={Math.round(range.start)}
      aria-valuemax={Math.round(range.end)}
      aria-valuenow={Math.round(value)}
      aria-valuetext={formatInstant(value, 'day', tz)}
      style={{ left: `${left}%` }}
      onKeyDown={(e) => {
        const to = keys[e.key];
        if (!to) return;
        e.preventDefault();
        e.stopPropagation();
        move(to());
      }}
    />
  );
}
