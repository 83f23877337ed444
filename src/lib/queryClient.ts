import { QueryClient } from '@tanstack/react-query';

/** Datasets are static files: cached for the session, never refetched in the background. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false } },
});
