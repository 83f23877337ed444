import { useMemo } from 'react';
import { useViewData } from '../../data/page/viewData';
import { formatInstant } from '../../domain/formatDate';
import { histogram } from '../../domain/histogram';
import { paddedWindow } from '../../domain/levelOfDetail';
import { BrushHistogram } from './BrushHistogram';
import { formatCount } from '../../domain/formatCount';
import { measureAmount, measureByName } from '../../domain/measures';
import { MeasureControl } from './MeasureControl';

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
    <BrushHistogram
      range={range}
      bins={hist}
      window={win}
      label={label}
      tz={view.tz}
      amount={amount}
    >
      <MeasureControl />
    </BrushHistogram>
  );
}

function sumOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k]!;
  return s;
}
