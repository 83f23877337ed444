/**
 * vis-timeline and moment, loaded once (the first call starts the download; the boot script makes it). A failed
 * download is not kept: the next call tries again.
 */
export const loadVis = (() => {
  let loading: Promise<typeof import('./vis')> | undefined;
  return () =>
    (loading ??= import('./vis').catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
})();
