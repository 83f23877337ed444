import { formatCount } from '../../domain/formatCount';
import { formatInstant } from '../../domain/formatDate';
import type { ViewAnswer } from '../../domain/viewAnswer';
import { HistogramSvg } from '../../ui/HistogramSvg';
import './histogram.css';

const H = 44;

/** The density histogram of a server dataset's matches, as the engine counted it (drawn, not interactive). */
export function ServerHistogram({
  histogram,
  window: win,
  tz,
}: {
  histogram: ViewAnswer['histogram'];
  window: { start: number; end: number } | undefined;
  tz: string;
}) {
  if (!histogram || histogram.bounds.length < 2) return null;
  const start = histogram.bounds[0]!;
  const end = histogram.bounds[histogram.bounds.length - 1]!;
  const label = `Density of matching events from ${formatInstant(start, 'day', tz)} to ${formatInstant(end, 'day', tz)}, busiest ${histogram.unit.label} holds ${formatCount(histogram.max)}.`;
  return (
    <div className="cs-histogram">
      <HistogramSvg
        range={{ start, end }}
        bins={histogram}
        height={H}
        window={win}
        label={label}
        testId="histogram"
      />
    </div>
  );
}
