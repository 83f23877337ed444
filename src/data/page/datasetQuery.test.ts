import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import { parseViewState } from '../../url/viewState';
import { datasetQueryOptions, datasetRequest, startDatasetEarly } from './datasetQuery';
import { datasetKeys } from './queryKeys';

vi.mock('./loadSource', () => ({ loadSource: vi.fn(() => new Promise(() => {})) }));

describe('startDatasetEarly', () => {
  it.each([
    [''],
    ['data=ucdp-ukraine'],
    ['data=%2Fbench-data%2Fx.csv&fmt=csv&map=%7B%22date%22%3A%22when%22%7D'],
  ])('starts the very query the app then asks for (%s), so the dataset loads once', async (qs) => {
    const { loadSource } = await import('./loadSource');
    vi.mocked(loadSource).mockClear();
    const client = new QueryClient();
    const view = parseViewState(`?${qs}`).state;
    const base = 'http://example.test/';
    startDatasetEarly(client, view, base);
    const { source, options } = datasetRequest(view, base);
    // What App does on its first render (useDataset → useQuery with the same options) finds it under way.
    void client.fetchQuery(datasetQueryOptions(source, options));
    expect(client.getQueryCache().findAll({ queryKey: datasetKeys.all })).toHaveLength(1);
    expect(loadSource).toHaveBeenCalledTimes(1);
  });
});
