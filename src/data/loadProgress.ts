import { create } from 'zustand';
import type { LoadProgress } from './loaderProtocol';

/** Progress of the load in flight (short-lived UI state; the loaded dataset itself lives in the query cache). */
export const useLoadProgress = create<{ progress?: LoadProgress; set(p?: LoadProgress): void }>(
  (set) => ({
    set: (progress) => set({ progress }),
  }),
);
