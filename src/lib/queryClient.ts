// query-core, not react-query: the boot script starts the dataset query before React is loaded.
import { QueryClient } from '@tanstack/query-core';

/** Datasets are static files: cached for the session, never refetched in the background. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});
