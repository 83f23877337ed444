import { formatCount } from '../../domain/formatCount';
import { formatInstant } from '../../domain/formatDate';
import type { ViewAnswer } from '../../domain/viewAnswer';
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
  const span = Math.max(1, end - start);
  const x = (t: number) => ((t - start) / span) * 1000;
  const label = `Density of matching events from ${formatInstant(start, 'day', tz)} to ${formatInstant(end, 'day', tz)}, busiest ${histogram.unit.label} holds ${formatCount(histogram.max)}.`;
  return (
    <div className="cs-histogram">
      <svg
        viewBox={`0 0 1000 ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        data-testid="histogram"
      >
        {histogram.counts.map((c, k) => {
          if (c === 0) return null;
          const x0 = x(histogram.bounds[k]!);
          const x1 = x(histogram.bounds[k + 1]!);
          const h = Math.max(1.5, (Math.sqrt(c) / Math.sqrt(histogram.max)) * (H - 2));
          return (
            <rect
              key={k}
              className="cs-hist-bar"
              x={x0}
              y={H - h}
              width={Math.max(0.8, x1 - x0 - 0.6)}
              height={h}
            />
          );
        })}
        {win && (
          <rect
            className="cs-hist-window"
            x={x(win.start)}
            y={0}
            width={Math.max(2, x(win.end) - x(win.start))}
            height={H}
          />
        )}
      </svg>
    </div>
  );
}
