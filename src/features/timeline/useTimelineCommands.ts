import { useCallback, useEffect, type RefObject } from 'react';
import type { Bitset } from '../../domain/bitset';
import type { DatasetIndex } from '../../domain/buildIndex';
import { matchExtent, paddedWindow } from '../../domain/levelOfDetail';
import { clampWindow, zoomWindow } from '../../domain/drawableRange';
import { registerTimeline } from '../../state/timelineCommands';
import { recordWindow, reveal } from './timelineWindow';
import type { VisHandle } from './useVisTimeline';

/** Registers what shortcuts and other panels may ask of the mounted timeline; returns Fit for the toolbar. */
export function useTimelineCommands(
  handle: VisHandle | null,
  index: DatasetIndex,
  matches: Bitset,
  container: RefObject<HTMLDivElement | null>,
): () => void {
  const fit = useCallback(() => {
    const ext = matchExtent(index, matches) ?? index.extent;
    if (!ext || !handle) return;
    const w = clampWindow(paddedWindow(ext));
    handle.timeline.setWindow(w.start, w.end, { animation: false });
    recordWindow(handle.timeline);
  }, [handle, index, matches]);

  useEffect(() => {
    if (!handle) return;
    const tl = handle.timeline;
    registerTimeline({
      zoom: (f) => {
        // Computed here, inside the drawable span: vis's own zoomOut steps past the Date range near its ends.
        const w = tl.getWindow();
        const z = zoomWindow({ start: w.start.valueOf(), end: w.end.valueOf() }, f);
        tl.setWindow(z.start, z.end, { animation: false });
        recordWindow(tl);
      },
      pan: (fraction) => {
        const w = tl.getWindow();
        const d = (w.end.valueOf() - w.start.valueOf()) * fraction;
        const p = clampWindow({ start: w.start.valueOf() + d, end: w.end.valueOf() + d });
        tl.setWindow(p.start, p.end, { animation: false });
        recordWindow(tl);
      },
      fit,
      reveal: (pos) => reveal(tl, index.starts[pos]!, index.ends[pos]!),
      focus: () => container.current?.focus(),
      element: () => container.current,
      window: () => {
        const w = tl.getWindow();
        return { start: w.start.valueOf(), end: w.end.valueOf() };
      },
    });
    return () => registerTimeline(null);
  }, [handle, fit, index, container]);

  return fit;
}
