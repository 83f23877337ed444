import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { datasetsToRelease, manageDatasetCache } from './datasetCache';
import type { LoadedDataset } from './loadSource';
import { datasetKeys } from './queryKeys';

describe('datasetsToRelease', () => {
  it.each([
    ['nothing left', [], []],
    ['a small one is kept', [{ item: 'a', events: 12, leftAt: 1 }], []],
    ['one over the budget goes', [{ item: 'a', events: 150_000, leftAt: 1 }], ['a']],
    ['exactly the budget stays', [{ item: 'a', events: 100_000, leftAt: 1 }], []],
    [
      'the most recently left are kept first',
      [
        { item: 'older', events: 60_000, leftAt: 1 },
        { item: 'newer', events: 70_000, leftAt: 2 },
      ],
      ['older'],
    ],
    [
      'a large recent one does not push out small older ones',
      [
        { item: 'sample', events: 12, leftAt: 1 },
        { item: 'ucdp', events: 3_883, leftAt: 2 },
        { item: 'huge', events: 1_000_000, leftAt: 3 },
      ],
      ['huge'],
    ],
  ])('%s', (_, left, released) => {
    expect(datasetsToRelease(left, 100_000)).toEqual(released);
  });
});

describe('manageDatasetCache', () => {
  let client: QueryClient;
  let stop: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient();
    stop = manageDatasetCache(client, { now: () => Date.now() });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  /** A loaded dataset of `size` events in the cache, looked at by one observer (the app's useQuery). */
  function open(name: string, size: number) {
    const dataset = { index: { size }, text: { dispose: vi.fn() } } as unknown as LoadedDataset;
    const queryKey = datasetKeys.source(name);
    client.setQueryData(queryKey, dataset);
    const observer = new QueryObserver(client, {
      queryKey,
      queryFn: () => dataset,
      staleTime: Infinity,
    });
    const leave = observer.subscribe(() => {});
    const cached = () => client.getQueryData(queryKey) !== undefined;
    return { dataset, leave, cached, observer };
  }

  it('releases a large dataset a second after it is left, and ends its worker', () => {
    const big = open('big', 150_000);
    big.leave();
    vi.advanceTimersByTime(999);
    expect(big.cached()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(big.cached()).toBe(false);
    expect(big.dataset.text.dispose).toHaveBeenCalledTimes(1);
  });

  it('keeps a large dataset while it is looked at, and one that is looked at again within the second', () => {
    const big = open('big', 1_000_000);
    vi.advanceTimersByTime(60_000);
    expect(big.cached()).toBe(true);
    big.leave();
    vi.advanceTimersByTime(500);
    const again = big.observer.subscribe(() => {});
    vi.advanceTimersByTime(5_000);
    expect(big.cached()).toBe(true);
    expect(big.dataset.text.dispose).not.toHaveBeenCalled();
    again();
  });

  it('keeps small datasets for a quick return and releases the oldest past the budget', () => {
    const sample = open('sample', 12);
    const first = open('first', 60_000);
    const second = open('second', 70_000);
    sample.leave();
    vi.advanceTimersByTime(10);
    first.leave();
    vi.advanceTimersByTime(10);
    second.leave();
    vi.advanceTimersByTime(2_000);
    expect([sample.cached(), first.cached(), second.cached()]).toEqual([true, false, true]);
    expect(first.dataset.text.dispose).toHaveBeenCalledTimes(1);
    expect(second.dataset.text.dispose).not.toHaveBeenCalled();
  });

  it('ends the worker of a dataset removed from the cache by other means (a retry)', () => {
    const small = open('small', 12);
    client.removeQueries({ queryKey: datasetKeys.source('small') });
    expect(small.dataset.text.dispose).toHaveBeenCalledTimes(1);
  });
});
