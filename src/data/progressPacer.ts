import type { LoadProgress } from './loaderProtocol';

/** The fewest milliseconds between two reports of the same phase: 20 a second is smooth for a progress bar. */
export const PROGRESS_INTERVAL_MS = 50;

/**
 * Passes on progress at most every `intervalMs` within a phase; the first report of a phase always goes through.
 * The loader worker reported every network chunk of a download, some 2,000 messages a second while a 200 MB file
 * arrived, each a task and a re-render on the page while it was starting up.
 */
export function progressPacer(
  send: (p: LoadProgress) => void,
  now: () => number = () => performance.now(),
  intervalMs = PROGRESS_INTERVAL_MS,
): (p: LoadProgress) => void {
  let phase: LoadProgress['phase'] | undefined;
  let sentAt = -Infinity;
  return (p) => {
    const t = now();
    if (p.phase === phase && t - sentAt < intervalMs) return;
    phase = p.phase;
    sentAt = t;
    send(p);
  };
}
