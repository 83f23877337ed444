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
