import { expect, test } from '@playwright/test';
import { syntheticDocument } from '../bench/synthetic';
import { Dashboard, FIXTURES } from './pages/Dashboard';

/** How many of the 100k synthetic events (the fixture server's, same seed) name actor-0. */
function eventsOfActor0(): number {
  const doc = JSON.parse(syntheticDocument(100_000)) as { events: { actors: string[] }[] };
  return doc.events.filter((e) => e.actors.includes('actor-0')).length;
}

test('100,000 events load with visible progress and stay operable', async ({ page }) => {
  test.slow();
  const d = new Dashboard(page);
  await d.open(`data=${encodeURIComponent(`${FIXTURES}/synthetic-100000.json`)}`);
  await expect(page.getByRole('group', { name: 'Loading' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Loading' }).getByRole('progressbar')).toBeVisible();
  await d.expectShowing(100_000, 100_000);
  // The event table draws the rows in view only, wherever it is scrolled, and the last row is reachable.
  const table = d.events.locator('.cs-tbody-scroll');
  await expect(d.eventRows().first()).toHaveAttribute('aria-rowindex', '2');
  expect(await d.eventRows().count()).toBeLessThan(80);
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(d.events.locator('[aria-rowindex="50001"]')).toBeVisible();
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(d.events.locator('[aria-rowindex="100001"]')).toBeVisible();
  expect(await d.eventRows().count()).toBeLessThan(80);
  await table.evaluate((el) => (el.scrollTop = 0));
  // Dense: the timeline draws bounded count buckets, not 100,000 items.
  await expect(d.timeline.getByTestId('timeline-mode')).toHaveAttribute('data-mode', 'buckets');
  expect(await d.chart.itemContents().count()).toBeLessThan(300);
  // Filter: exactly the events that name the actor remain.
  const ofActor0 = eventsOfActor0();
  expect(ofActor0).toBeGreaterThan(1_000);
  expect(ofActor0).toBeLessThan(100_000);
  await d.entityCheckbox('Actor 0 ').check();
  await d.expectShowing(ofActor0, 100_000);
  const filtered = await d.status.textContent();
  // Zoom: the window narrows.
  await d.timeline.getByRole('button', { name: 'Zoom in' }).click();
  const [from, to] = await d.windowFromUrl();
  await d.timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect
    .poll(async () => (await d.windowFromUrl()).reduce((a, b) => b - a))
    .toBeLessThan(to - from);
  // Select with j and read the details.
  await page.keyboard.press('j');
  await expect.poll(() => d.params().get('event')).not.toBeNull();
  await expect(d.details.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(d.status).toHaveText(filtered!);
  // Search joins once its index is built.
  await expect(d.search).not.toHaveAttribute('aria-busy', 'true', { timeout: 60_000 });
  await d.search.fill('convoy');
  await d.search.press('Enter');
  await expect(d.filters.getByText('text “convoy”')).toBeVisible();
  // ...and narrows the actor's events to those that mention the word.
  await expect(d.status).not.toHaveText(filtered!);
  const [shown] = /Showing ([\d,]+) of/.exec((await d.status.textContent())!)!.slice(1);
  const searched = Number(shown!.replaceAll(',', ''));
  expect(searched).toBeGreaterThan(0);
  expect(searched).toBeLessThan(ofActor0);
  await expect(d.eventRows().first()).toContainText(/convoy/i);
});

test('500 entities: only the rows in view are drawn, yet every one is reachable', async ({
  page,
}) => {
  test.slow();
  const d = new Dashboard(page);
  await d.open(`data=${encodeURIComponent(`${FIXTURES}/synthetic-100000.json`)}`);
  await d.expectShowing(100_000, 100_000);
  const rows = d.entities.getByRole('listitem');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '500');
  expect(await rows.count()).toBeLessThan(80);
  // A profile opened here stays open after its row scrolls away and back.
  const first = rows.first();
  const name = (await first.locator('.cs-entity-name').textContent())!;
  const about = first.getByRole('button', { name: /^About / });
  await about.click();
  await expect(first.getByText(/First seen/)).toBeVisible();
  // The open row is measured: the next row starts below its profile; closed again, it is back to one line.
  const next = d.entities.locator('[aria-posinset="2"]');
  const top = async (l: typeof first) => (await l.boundingBox())!.y;
  const firstBox = (await first.boundingBox())!;
  expect(firstBox.height).toBeGreaterThan(40);
  await expect.poll(() => top(next)).toBeCloseTo(firstBox.y + firstBox.height, 0);
  await about.click();
  await expect.poll(() => top(next)).toBeCloseTo(firstBox.y + 28, 0);
  await about.click();
  await expect(first.getByText(/First seen/)).toBeVisible();
  const scroller = d.entities.locator('.cs-entity-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(d.entities.locator('[aria-posinset="500"]')).toBeVisible();
  expect(await rows.count()).toBeLessThan(80);
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect(
    rows.filter({ hasText: name }).getByRole('button', { name: /^About / }),
  ).toHaveAttribute('aria-expanded', 'true');
  // The last entity can be chosen once found by name.
  await d.entities.getByPlaceholder('Find entity…').fill('Actor 499 ');
  await expect(rows).toHaveCount(1);
});

test('a download in progress shows its bytes and can be cancelled', async ({ page }) => {
  const d = new Dashboard(page);
  // Half of a 2 MB file arrives, then nothing more.
  await d.open(`data=${encodeURIComponent(`${FIXTURES}/half/synthetic-10000.json`)}`);
  const loading = page.getByRole('group', { name: 'Loading' });
  await expect(loading.getByText(/^Downloading 1\.\d MB of 2\.\d MB$/)).toBeVisible();
  await expect(loading.getByRole('progressbar')).toHaveAttribute('value', /\d+/);
  const loaders = page.workers();
  expect(loaders).toHaveLength(1);
  await loading.getByRole('button', { name: 'Cancel' }).click();
  // The bundled sample opens instead, and the loader that was downloading is gone.
  await expect(loading).toBeHidden();
  await d.expectShowing(7, 7);
  expect(d.params().get('data')).toBeNull();
  await expect.poll(() => page.workers().includes(loaders[0]!)).toBe(false);
});

test('cancelling a load opened inside the app goes back to the view the analyst came from', async ({
  page,
}) => {
  const d = new Dashboard(page);
  await d.open('data=ucdp-ukraine');
  await d.expectShowing(3883, 3883);
  await d.entityCheckbox('Civilians').check();
  await d.expectShowing(6, 3883);
  await d.loadFromUrl(`${FIXTURES}/half/synthetic-10000.json`);
  const loading = page.getByRole('group', { name: 'Loading' });
  await expect(loading.getByText(/^Downloading 1\.\d MB of 2\.\d MB$/)).toBeVisible();
  await loading.getByRole('button', { name: 'Cancel' }).click();
  await d.expectShowing(6, 3883);
  expect(d.params().get('data')).toBe('ucdp-ukraine');
});

test('starring and noting an event among 100,000 does not hold the page: no task over 200 ms', async ({
  page,
}) => {
  test.slow();
  const d = new Dashboard(page);
  await d.open(`data=${encodeURIComponent(`${FIXTURES}/synthetic-100000.json`)}&event=e50000`);
  await expect(d.status).toHaveText('Showing 100,000 of 100,000 events', { timeout: 60_000 });
  // Once the worker's text index is built, so that what is timed is the edit, not the load's tail.
  await expect(d.search).not.toHaveAttribute('aria-busy', 'true', { timeout: 60_000 });
  const notes = d.details.getByRole('region', { name: 'Your notes' });
  const star = notes.getByRole('button', { name: 'Star' });
  await expect(star).toHaveAttribute('aria-pressed', 'false');
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await star.click();
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await notes.getByLabel('Note').fill('Seen from the ridge');
  await notes.getByLabel('Note').blur();
  // The starred filter shows it.
  await d.onFilterControl(/Starred/);
  await expect(d.filters.locator('.cs-starred-filter .cs-count')).toHaveText('1');
  await d.onFilterControl(/Starred/, (c) => c.check({ timeout: 1_000 }));
  await d.expectShowing(1, 100_000);
  await page.waitForTimeout(500);
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  expect(longest).toBeLessThan(200);
});
