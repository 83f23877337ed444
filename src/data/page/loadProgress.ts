import { createStore } from 'zustand/vanilla';
import type { LoadProgress } from '../loaderProtocol';

/**
 * Progress of the load in flight (short-lived UI state; the loaded dataset itself lives in the query cache).
 * A vanilla store: the boot script starts the load before React is loaded; LoadingPanel reads it with useStore.
 */
export const loadProgress = createStore<{ progress?: LoadProgress; set(p?: LoadProgress): void }>(
  (set) => ({
    set: (progress) => set({ progress }),
  }),
);
