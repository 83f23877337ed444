import type { QueryClient } from '@tanstack/react-query';
import { registerLocalFile } from '../../data/page/localFiles';
import { datasetKeys } from '../../data/page/queryKeys';
import { updateView } from '../../url/useViewState';
import { DEFAULT_VIEW } from '../../url/viewState';

/** Switches to another dataset: filters and window of the old one do not carry over; the time zone does. */
export function openDataset(data: string | undefined): void {
  updateView((s) => ({ ...DEFAULT_VIEW, tz: s.tz, ...(data !== undefined ? { data } : {}) }));
}

/** Opens a local file (picker or drop) as the current dataset. */
export function openLocalFile(file: File, client: QueryClient): void {
  const key = registerLocalFile(file);
  client.removeQueries({ queryKey: datasetKeys.source(key) });
  openDataset(key);
}
