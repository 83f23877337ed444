import { useMemo } from 'react';
import type { Bitset } from '../../domain/bitset';
import type { DatasetIndex } from '../../domain/buildIndex';
import { formatEventDate } from '../../domain/formatDate';
import { summariseWindow, type TimeWindow } from '../../domain/windowNavigation';
import { timelineCommands } from '../../state/timelineCommands';
import { EmptyWindowNote } from '../../ui/EmptyWindowNote';

interface Props {
  index: DatasetIndex;
  matches: Bitset;
  count: number;
  win: TimeWindow;
  tz: string;
}

/** Over an empty window: how many matches lie before and after it, and a button to the nearest one. */
export function WindowMatchesNote({ index, matches, count, win, tz }: Props) {
  const summary = useMemo(
    () => summariseWindow(index, matches, count, win),
    [index, matches, count, win],
  );
  if (summary.inView > 0 || count === 0) return null;
  const { nearest } = summary;
  const e = nearest !== undefined ? index.events.at(nearest) : undefined;
  return (
    <div className="cs-empty">
      <EmptyWindowNote
        before={summary.before}
        after={summary.after}
        {...(nearest !== undefined && e
          ? {
              nearest: {
                label: `${e.title}, ${formatEventDate(e, tz)}`,
                later: index.starts[nearest]! >= win.end,
              },
            }
          : {})}
        onGoToNearest={() => nearest !== undefined && timelineCommands()?.reveal(nearest)}
      />
    </div>
  );
}
