import { useState, type ReactNode } from 'react';
import { formatInstant } from '../../domain/formatDate';
import { updateView } from '../../url/useViewState';
import {
  HistogramAxis,
  HistogramSvg,
  tickPrecision,
  type HistogramBins,
} from '../../ui/HistogramSvg';
import './histogram.css';

const H = 44;

/**
 * A density histogram over `range` that sets the timeline window when dragged across, reads out the bin under
 * the pointer and names its time axis: the file workspace's and a server dataset's alike. `amount` words a bin's
 * value (events, or a measure's sum); `children` go above it (the measure control).
 */
export function BrushHistogram({
  range,
  bins,
  window: win,
  label,
  tz,
  amount,
  children,
}: {
  range: { start: number; end: number };
  bins: HistogramBins;
  window: { start: number; end: number } | undefined;
  label: string;
  tz: string;
  amount(value: number): string;
  children?: ReactNode;
}) {
  // The bin under the pointer, for the count read-out (a pointer aid; the label and the list carry the numbers).
  const [hover, setHover] = useState<{ bin: number; left: number } | null>(null);
  const { bounds, counts } = bins;
  return (
    <div className="cs-histogram">
      {children}
      <HistogramSvg
        range={range}
        bins={bins}
        height={H}
        window={win}
        label={label}
        testId="histogram"
        barTitle={(k) => `${formatInstant(bounds[k]!, 'day', tz)}: ${amount(counts[k] ?? 0)}`}
        onBrush={(from, to) => updateView({ from, to })}
        onHover={(bin, left) => setHover(bin === undefined ? null : { bin, left })}
      />
      {hover && (
        <div
          className="cs-hist-readout"
          aria-hidden="true"
          style={{ left: `${Math.min(85, Math.max(0, hover.left * 100 - 7))}%` }}
        >
          <strong>{amount(counts[hover.bin] ?? 0)}</strong>,{' '}
          {formatInstant(
            bounds[hover.bin]!,
            tickPrecision(bounds[hover.bin + 1]! - bounds[hover.bin]!),
            tz,
          )}
        </div>
      )}
      <HistogramAxis range={range} tz={tz} />
    </div>
  );
}
