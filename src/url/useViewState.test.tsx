import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { currentView } from './currentView';
import {
  backInApp,
  canGoBackInApp,
  canonicaliseAddress,
  updateView,
  useViewState,
} from './useViewState';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the view in the address', () => {
  it('rewrites a link to its canonical form without re-rendering what reads the view', () => {
    window.history.replaceState(null, '', '/?q=convoy&bogus=1&data=%2Fdata%2Fsample.json');
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useViewState();
    });
    const before = result.current;
    expect(before.q).toBe('convoy');

    let notices: string[] = [];
    act(() => {
      notices = canonicaliseAddress();
    });
    const search = new URLSearchParams(window.location.search);
    expect(search.get('bogus')).toBeNull();
    expect(search.get('q')).toBe('convoy');
    expect(notices.join(' ')).toMatch(/bogus/);
    expect(result.current).toBe(before);
    expect(renders).toBe(1);
  });

  it('re-renders with a new view when the view itself changes, and Back restores it', async () => {
    window.history.replaceState(null, '', '/?v=1&q=convoy');
    const { result } = renderHook(() => useViewState());
    act(() => updateView({ q: 'drone' }));
    expect(result.current.q).toBe('drone');
    expect(currentView().state).toBe(result.current);
    await act(async () => {
      const back = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      window.history.back();
      await back;
    });
    expect(result.current.q).toBe('convoy');
  });
});

describe("the server list's page in the address", () => {
  it('is kept by a pan, a selection or a new page, and dropped by a new filter, scope or order', () => {
    window.history.replaceState(null, '', '/?v=1&data=server%3Aacled&q=convoy&page=3');
    const page = () => new URLSearchParams(window.location.search).get('page');
    expect(currentView().state.page).toBe(3);
    updateView({ from: 0, to: 86_400_000, event: 'e1', group: 'type' });
    expect(page()).toBe('3');
    updateView({ page: 4 });
    expect(page()).toBe('4');
    updateView({ q: 'drone' });
    expect(page()).toBeNull();
    for (const change of [
      { list: 'view' as const },
      { sort: { key: 'title' as const, desc: false } },
    ]) {
      updateView({ page: 2 });
      expect(page()).toBe('2');
      updateView(change);
      expect(page()).toBeNull();
    }
    // A function's change too (the facets' toggles are functions of the view).
    updateView({ page: 5 });
    updateView((s) => ({ ...s, actors: ['a'] }));
    expect(page()).toBeNull();
    // The first page is the link without it.
    updateView({ page: 1 });
    expect(page()).toBeNull();
  });
});

describe('canGoBackInApp', () => {
  it('is false on the entry the tab arrived on and true on every view pushed after it, replaced or not', async () => {
    window.history.replaceState(null, '', '/?v=1&q=convoy');
    expect(canGoBackInApp()).toBe(false);
    updateView({ q: 'drone' });
    expect(canGoBackInApp()).toBe(true);
    updateView({ from: 0, to: 86_400_000 }, 'replace');
    expect(canGoBackInApp()).toBe(true);
    updateView({ q: 'artillery' });
    const back = () =>
      new Promise<void>((r) => {
        window.addEventListener('popstate', () => r(), { once: true });
        window.history.back();
      });
    await back();
    expect(canGoBackInApp()).toBe(true);
    await back();
    expect(currentView().state.q).toBe('convoy');
    expect(canGoBackInApp()).toBe(false);
  });

  it('backInApp goes Back only to a view of this app', async () => {
    window.history.replaceState(null, '', '/?v=1&q=convoy');
    expect(backInApp()).toBe(false);
    expect(currentView().state.q).toBe('convoy');
    updateView({ q: 'drone' });
    const back = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    expect(backInApp()).toBe(true);
    await back;
    expect(currentView().state.q).toBe('convoy');
  });

  it('ignores a history state it did not write', () => {
    window.history.replaceState({ chronoscope: 'x' }, '', '/?v=1');
    expect(canGoBackInApp()).toBe(false);
    window.history.replaceState({ chronoscope: -3 }, '', '/?v=1');
    expect(canGoBackInApp()).toBe(false);
  });
});
