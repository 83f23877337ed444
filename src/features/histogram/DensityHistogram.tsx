import { useCallback, useMemo, useState } from 'react';
import { HistogramAxis, HistogramSvg, tickPrecision } from '../../ui/HistogramSvg';
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
  const axisFormat = useCallback(
    (t: number, p: ReturnType<typeof tickPrecision>) => formatInstant(t, p, view.tz),
    [view.tz],
  );
  // The bin under the pointer, for the count read-out (a pointer aid; the label and the list carry the numbers).
  const [hover, setHover] = useState<{ bin: number; left: number } | null>(null);
  if (!range || !hist) return null;
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
      <HistogramSvg
        range={range}
        bins={hist}
        height={H}
        window={win}
        label={label}
        testId="histogram"
        barTitle={(k) =>
          `${formatInstant(hist.bounds[k]!, 'day', view.tz)}: ${amount(hist.counts[k] ?? 0)}`
        }
        onBrush={(from, to) => updateView({ from, to })}
        onHover={(bin, left) => setHover(bin === undefined ? null : { bin, left })}
      />
      {hover && (
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
      <HistogramAxis range={range} format={axisFormat} />
    </div>
  );
}

function sumOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k]!;
  return s;
}
