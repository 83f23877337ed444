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
  useShortcuts({ engine: 'server', view: currentView().state });
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
