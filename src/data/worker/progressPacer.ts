import type { LoadProgress } from '../loaderProtocol';

/** The fewest milliseconds between two reports of the same phase: 20 a second is smooth for a progress bar. */
export const PROGRESS_INTERVAL_MS = 50;

/** Runs `fn` after `ms`; returns the function that cancels it. */
export type Later = (fn: () => void, ms: number) => () => void;

const timeout: Later = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/**
 * Passes on progress at most every `intervalMs` within a phase; the first report of a phase always goes through,
 * and the last one held back goes out when the interval is over, so a download that stalls shows the bytes it
 * really has (before, it could show "0.00 MB" until the stall timed out). Reporting every network chunk of a
 * download would be thousands of messages a second for a large file, each a task and a re-render on the page
 * while it is starting up.
 */
export function progressPacer(
  send: (p: LoadProgress) => void,
  now: () => number = () => performance.now(),
  intervalMs = PROGRESS_INTERVAL_MS,
  later: Later = timeout,
): (p: LoadProgress) => void {
  let phase: LoadProgress['phase'] | undefined;
  let sentAt = -Infinity;
  let held: LoadProgress | undefined;
  let cancel: (() => void) | undefined;
  const pass = (p: LoadProgress) => {
    cancel?.();
    cancel = undefined;
    held = undefined;
    phase = p.phase;
    sentAt = now();
    send(p);
  };
  return (p) => {
    const waited = now() - sentAt;
    if (p.phase !== phase || waited >= intervalMs) return pass(p);
    held = p;
    cancel ??= later(() => {
      cancel = undefined;
      if (held) pass(held);
    }, intervalMs - waited);
  };
}
