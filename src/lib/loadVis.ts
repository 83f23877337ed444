import { nextTask } from './nextTask';

/**
 * vis-timeline and moment, loaded once (the first call starts the download; the boot script makes it). A failed
 * download is not kept: the next call tries again. Three chunks, each evaluated in a task of its own: moment, then
 * vis-timeline's other dependencies (vis-data and what it shares with vis-timeline: Hammer.js, xss, ...), then
 * vis-timeline. Evaluated in one go they would be one long task while a dataset loads.
 */
export const loadVis = (() => {
  let loading: Promise<typeof import('./vis')> | undefined;
  return () =>
    (loading ??= import('moment')
      .then(nextTask)
      .then(() => import('vis-data/esnext'))
      .then(nextTask)
      .then(() => import('./vis'))
      .catch((e: unknown) => {
        loading = undefined;
        throw e;
      }));
})();
