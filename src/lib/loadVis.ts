/** vis-timeline and moment, loaded once (the first call starts the download; the boot script makes it). */
export const loadVis = (() => {
  let loading: Promise<typeof import('./vis')> | undefined;
  return () => (loading ??= import('./vis'));
})();
