/**
 * vis-timeline and moment, loaded once (the first call starts the download; the boot script makes it). A failed
 * download is not kept: the next call tries again. moment comes first, as a chunk of its own: evaluating both in
 * one go was one task of 40-50 ms while a dataset loaded; apart, each is well under that.
 */
export const loadVis = (() => {
  let loading: Promise<typeof import('./vis')> | undefined;
  return () =>
    (loading ??= import('moment')
      .then(() => import('./vis'))
      .catch((e: unknown) => {
        loading = undefined;
        throw e;
      }));
})();
