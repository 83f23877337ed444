import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ServerError, type ServerMetadata } from './serverApi';
import { useEngineMetadata, useViewAnswer } from './useEngineQueries';
import type { ViewEngine } from './viewEngine';
import type { ViewAnswer } from '../../domain/viewAnswer';

const META: ServerMetadata = {
  id: 'x',
  title: 'X',
  eventCount: 1,
  periods: [],
  entities: [],
  public: true,
};

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient();
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

const answer = (count: number) => ({ count }) as ViewAnswer;
const req = (view: string) =>
  ({ view, widthPx: 800, sort: { key: 'date', descending: false }, offset: 0, limit: 10 }) as const;

describe('engine queries', () => {
  it('retries while the database is away and shows the answer once it is back', async () => {
    const metadata = vi
      .fn<ViewEngine['metadata']>()
      .mockRejectedValueOnce(new ServerError('unavailable', 'The database is not reachable.'))
      .mockResolvedValue(META);
    const engine = { key: 'e1', metadata } as unknown as ViewEngine;
    const { result } = renderHook(() => useEngineMetadata(engine), { wrapper });
    await waitFor(() => expect(result.current.failureReason).toBeInstanceOf(ServerError));
    expect(result.current.isError).toBe(false);
    await waitFor(() => expect(result.current.data).toEqual(META), { timeout: 4000 });
    expect(metadata).toHaveBeenCalledTimes(2);
  });

  it('does not retry a final answer (not found)', async () => {
    const metadata = vi
      .fn<ViewEngine['metadata']>()
      .mockRejectedValue(new ServerError('not-found', 'No such dataset.'));
    const engine = { key: 'e2', metadata } as unknown as ViewEngine;
    const { result } = renderHook(() => useEngineMetadata(engine), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(metadata).toHaveBeenCalledTimes(1);
  });

  it('keeps the previous answer on screen while the next view loads', async () => {
    let release: (a: ViewAnswer) => void = () => {};
    const answerFn = vi
      .fn<ViewEngine['answer']>()
      .mockResolvedValueOnce(answer(10))
      .mockImplementationOnce(() => new Promise((r) => (release = r)));
    const engine = { key: 'e3', answer: answerFn } as unknown as ViewEngine;
    const { result, rerender } = renderHook(({ v }) => useViewAnswer(engine, req(v)), {
      wrapper,
      initialProps: { v: 'v=1' },
    });
    await waitFor(() => expect(result.current.data?.count).toBe(10));
    rerender({ v: 'actor=a&v=1' });
    await waitFor(() => expect(result.current.isFetching).toBe(true));
    expect(result.current.data?.count).toBe(10);
    expect(result.current.isPlaceholderData).toBe(true);
    release(answer(3));
    await waitFor(() => expect(result.current.data?.count).toBe(3));
    expect(answerFn.mock.calls[1]![0].view).toBe('actor=a&v=1');
  });
});
