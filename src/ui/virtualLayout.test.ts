// @vitest-environment jsdom
// (elements and their sizes)
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Virtualizer } from '@tanstack/react-virtual';
import { observeRectAfterLayout, scrollAfterLayout } from './virtualLayout';

type Instance = Virtualizer<HTMLElement, Element>;

function scroller(): { el: HTMLElement; instance: Instance } {
  const el = document.createElement('div');
  Object.defineProperty(el, 'clientWidth', { value: 300 });
  Object.defineProperty(el, 'clientHeight', { value: 500 });
  el.scrollTo = vi.fn() as never;
  return { el, instance: { scrollElement: el, options: {} } as unknown as Instance };
}

describe('observeRectAfterLayout', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads no size as the list mounts, only when the browser reports one', () => {
    let report: (() => void) | undefined;
    const disconnect = vi.fn();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: () => void) {
          report = cb;
        }
        observe() {}
        disconnect = disconnect;
      },
    );
    const { instance } = scroller();
    const seen = vi.fn();
    const stop = observeRectAfterLayout(instance, seen);
    expect(seen).not.toHaveBeenCalled();
    report!();
    expect(seen).toHaveBeenCalledWith({ width: 300, height: 500 });
    (stop as () => void)();
    expect(disconnect).toHaveBeenCalled();
  });

  it('falls back to reading the size on the spot without ResizeObserver', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const { instance } = scroller();
    (instance as unknown as { targetWindow: Window }).targetWindow = window;
    const seen = vi.fn();
    observeRectAfterLayout(instance, seen);
    expect(seen).toHaveBeenCalledWith({ width: 300, height: 500 });
  });
});

describe('scrollAfterLayout', () => {
  it('skips only a new list’s first scroll to the top', () => {
    const { el, instance } = scroller();
    scrollAfterLayout(0, {}, instance);
    expect(el.scrollTo).not.toHaveBeenCalled();
    scrollAfterLayout(0, {}, instance);
    expect(el.scrollTo).toHaveBeenCalledTimes(1);
  });

  it('writes a first scroll that goes anywhere but the top', () => {
    const { el, instance } = scroller();
    scrollAfterLayout(280, {}, instance);
    expect(el.scrollTo).toHaveBeenCalledWith({ top: 280, behavior: undefined });
  });
});
