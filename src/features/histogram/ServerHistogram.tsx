import { formatCount } from '../../domain/formatCount';
import { formatInstant } from '../../domain/formatDate';
import type { ViewAnswer } from '../../domain/viewAnswer';
import { BrushHistogram } from './BrushHistogram';

const events = (v: number) => `${formatCount(v)} event${v === 1 ? '' : 's'}`;

/**
 * The density histogram of a server dataset's matches, as the engine counted them: drag across it to set the
 * timeline window, as on a file.
 */
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
  const label = `Density of matching events from ${formatInstant(start, 'day', tz)} to ${formatInstant(end, 'day', tz)}, busiest ${histogram.unit.label} holds ${formatCount(histogram.max)}. Drag across it to set the timeline window.`;
  return (
    <BrushHistogram
      range={{ start, end }}
      bins={histogram}
      window={win}
      label={label}
      tz={tz}
      amount={events}
    />
  );
}
