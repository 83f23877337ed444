import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Profiler, useMemo } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DeferredViewData,
  useViewData,
  ViewDataContext,
  type ViewData,
} from '../../data/page/viewData';
import { buildIndex } from '../../domain/buildIndex';
import { normaliseDocument } from '../../domain/normalise';
import { runQuery } from '../../domain/query';
import { updateView, useViewState } from '../../url/useViewState';
import { EntitySidebar } from './EntitySidebar';
import { useUi } from '../../state/uiStore';

const index = buildIndex(
  normaliseDocument({
    events: [
      { id: '1', title: 'one', start: '2020-01-01', type: 'raid', actors: ['Bravo', 'Alpha'] },
      { id: '2', title: 'two', start: '2020-01-02', type: 'raid', actors: ['Bravo', 'Charlie'] },
      { id: '3', title: 'three', start: '2020-01-03', type: 'talk', actors: ['Alpha'] },
      { id: '4', title: 'four', start: '2020-01-04', type: 'talk', actors: ['Delta'] },
    ],
  }),
);
const loaded = { index };
const layer = { joined: {} };

/** The status line's count, as the header draws it from the urgent view data. */
function Status() {
  const { result } = useViewData();
  return <p data-testid="status">Showing {result.count}</p>;
}

/** The workspace's two contexts over an index, with the view read from the address as the app does. */
function Harness({ onCommit }: { onCommit?: () => void }) {
  const view = useViewState();
  const result = useMemo(() => runQuery(index, undefined, view), [view]);
  const value = useMemo(
    () => ({ loaded, view, result, layer }) as unknown as ViewData,
    [view, result],
  );
  return (
    <Profiler id="workspace" onRender={() => onCommit?.()}>
      <ViewDataContext.Provider value={value}>
        <DeferredViewData value={value}>
          <Status />
          <EntitySidebar />
        </DeferredViewData>
      </ViewDataContext.Provider>
    </Profiler>
  );
}

const names = () =>
  screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-label')!.split(',')[0]);
const countOf = (name: string) =>
  within(
    screen.getByRole('checkbox', { name: new RegExp(`^${name},`) }).closest('li')!,
  ).getByLabelText(/matching events$/).textContent;

describe('EntitySidebar', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    // jsdom lays nothing out: without a size report the list keeps its first guess (the window's height).
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  });

  it('takes the focus asked for before it was mounted (e on a folded panel), once', () => {
    act(() => useUi.getState().setFocusFinder(true)); // what `e` asks (app/panels.ts)
    const { unmount } = render(<Harness />);
    const finder = screen.getByRole('searchbox', { name: 'Find entity by name or alias' });
    expect(document.activeElement).toBe(finder);
    // The request is spent: the next mount (a panel folded and shown again) leaves the focus where it is.
    unmount();
    render(<Harness />);
    expect(document.activeElement).toBe(document.body);
    // Asked again while mounted, it focuses at once.
    act(() => useUi.getState().setFocusFinder(true)); // what `e` asks (app/panels.ts)
    expect(document.activeElement).toBe(
      screen.getByRole('searchbox', { name: 'Find entity by name or alias' }),
    );
  });

  it('lists entities by count, ties by name', () => {
    render(<Harness />);
    expect(names()).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    act(() => updateView({ types: ['talk'] }));
    expect(names()).toEqual(['Alpha', 'Delta', 'Bravo', 'Charlie']);
    expect(countOf('Bravo')).toBe('0');
  });

  it('draws the new counts after the commit that shows the new result, and the chosen row at once', () => {
    const commits: { status: string; alpha: string | null; charlie: boolean }[] = [];
    const record = () => {
      const charlie = screen.queryByRole('checkbox', { name: /^Charlie,/ });
      if (!charlie) return;
      commits.push({
        status: screen.getByTestId('status').textContent!,
        alpha: countOf('Alpha'),
        charlie: charlie.closest('li')!.classList.contains('is-included'),
      });
    };
    render(<Harness onCommit={record} />);
    commits.length = 0;
    act(() => updateView({ types: ['talk'] }));
    // The status (like the timeline and the map) shows the new result in the first commit; the list follows.
    expect(commits[0]).toEqual({ status: 'Showing 2', alpha: '2', charlie: false });
    expect(commits.at(-1)).toEqual({ status: 'Showing 2', alpha: '1', charlie: false });

    commits.length = 0;
    act(() => {
      fireEvent.click(screen.getByRole('checkbox', { name: /^Charlie,/ }));
    });
    // The choice itself is the view's, never deferred: the row is drawn as chosen in the first commit.
    expect(commits[0]?.charlie).toBe(true);
    expect(new URLSearchParams(window.location.search).getAll('actor').length).toBe(1);
  });
});
