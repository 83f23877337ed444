import { useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it } from 'vitest';
import { currentView } from '../url/currentView';
import { useShortcuts } from './useShortcuts';

/** A commit that takes a while, as the first draw of a dataset does: React yields before its passive effects. */
function SlowCommit() {
  useLayoutEffect(() => {
    const until = performance.now() + 30;
    while (performance.now() < until);
  });
  return null;
}

function Shell() {
  useShortcuts({ engine: 'server' });
  return (
    <>
      <input id="cs-search" type="search" aria-label="Search events" />
      <SlowCommit />
    </>
  );
}

let root: Root | undefined;
afterEach(() => {
  root?.unmount();
  document.body.replaceChildren();
});

it('a key pressed as soon as the first draw is on screen is handled', async () => {
  // Not wrapped in act(): React commits and yields to the page as it does in a browser, and the key arrives in the
  // first moment the page can take it (a mutation observer's callback, right after the commit).
  const host = document.body.appendChild(document.createElement('div'));
  const focused = new Promise<Element | null>((resolve) => {
    const seen = new MutationObserver(() => {
      const search = document.getElementById('cs-search');
      if (!search) return;
      seen.disconnect();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }));
      resolve(document.activeElement);
    });
    seen.observe(host, { childList: true, subtree: true });
  });
  root = createRoot(host);
  root.render(<Shell />);
  expect(await focused).toBe(document.getElementById('cs-search'));
});

it('a key pressed again before React has drawn the last change acts on that change (g g: two lane changes)', async () => {
  window.history.replaceState(null, '', '/?data=server:t');
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  root.render(<Shell />);
  await new Promise((r) => setTimeout(r, 50));
  expect(currentView().state.group).toBe('none');
  // Two presses in one task: nothing is drawn between them.
  const press = () =>
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'g', bubbles: true }));
  press();
  press();
  expect(currentView().state.group).toBe('type');
});
