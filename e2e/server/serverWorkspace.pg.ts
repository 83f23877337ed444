import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { Dashboard } from '../pages/Dashboard';
import { SERVER_E2E, serverBase } from './serverE2e';

const { publicId } = SERVER_E2E;

async function open(page: Page, query = ''): Promise<Dashboard> {
  await page.goto(`${serverBase()}/?data=server:${publicId}${query}`);
  const d = new Dashboard(page);
  await expect(page.getByRole('heading', { name: 'UCDP on the server' })).toBeVisible();
  await expect(d.chart.itemContents().first()).toBeVisible();
  return d;
}

const span = ([a, b]: [number, number]) => b - a;

test('the keyboard on a server dataset: ? lists what works and what does not; zoom, fit, the panels and / work', async ({
  page,
}) => {
  const d = await open(page);
  const fitted = await d.windowFromUrl();
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('table', { name: 'Keyboard shortcuts' })).toContainText('Zoom in');
  await expect(help.getByText('Not on server datasets yet:')).toBeVisible();
  const unavailable = help.getByRole('table', { name: 'Shortcuts not available here' });
  await expect(unavailable).toContainText('Star / unstar the selected event');
  for (const working of ['j / k', 'Show / hide the entities panel', 'Find an entity by name'])
    await expect(unavailable).not.toContainText(working);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // The header's ? button opens the same dialog.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('+');
  await expect.poll(async () => span(await d.windowFromUrl())).toBeLessThan(span(fitted) * 0.7);
  await page.keyboard.press('f');
  await expect.poll(() => d.windowFromUrl()).toEqual(fitted);

  // l folds the list away and brings it back, as on a file.
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: /^Show the event list/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Matching events' })).toHaveCount(0);
  await page.keyboard.press('l');
  await expect(page.getByRole('table', { name: 'Matching events' })).toBeVisible();

  // [ and ] fold the facets and the details, as on a file; the strips' buttons bring them back.
  const facets = page.getByRole('region', { name: 'Filters and facets' });
  const widthBefore = (await d.timeline.boundingBox())!.width;
  await page.keyboard.press('[');
  await expect(facets).toBeHidden();
  await expect
    .poll(async () => (await d.timeline.boundingBox())!.width)
    .toBeGreaterThan(widthBefore + 150);
  await page.getByRole('button', { name: 'Show facets' }).click();
  await expect(facets).toBeVisible();
  await page.keyboard.press('j');
  await expect(d.details.getByRole('heading', { level: 2 })).toBeVisible();
  await page.keyboard.press(']');
  await expect(d.details).toBeHidden();
  await page.keyboard.press(']');
  await expect(d.details.getByRole('heading', { level: 2 })).toBeVisible();
  await d.details.getByRole('button', { name: 'Hide details' }).click();
  await expect(page.getByRole('button', { name: 'Show details' })).toBeVisible();
  await page.getByRole('button', { name: 'Show details' }).click();
  await facets.getByRole('button', { name: 'Hide facets' }).click();
  await expect(facets).toBeHidden();
  await page.keyboard.press('[');
  await expect(facets).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toBeFocused();
});

/** The event the link selects, read by id from the API as the details read it. */
async function selectedEvent(page: Page, d: Dashboard) {
  const id = d.params().get('event');
  expect(id).not.toBeNull();
  const res = await page.request.get(
    `${serverBase()}/api/datasets/${publicId}/events/${encodeURIComponent(id!)}`,
  );
  expect(res.status()).toBe(200);
  return (await res.json()) as {
    position: number;
    event: { id: string; title: string; start: number; actors: string[] };
  };
}

test('j and k walk the matches in time from the window, x filters by the actor, e finds an actor', async ({
  page,
}) => {
  const d = await open(page, '&type=state-based+conflict&from=2016-03-01&to=2016-04-01');
  const [from] = await d.windowFromUrl();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // j: the first match starting in the window; its details open and the status line says which.
  await page.keyboard.press('j');
  await expect.poll(() => d.params().get('event')).not.toBeNull();
  const first = await selectedEvent(page, d);
  expect(first.event.start).toBeGreaterThanOrEqual(from);
  await expect(d.details.getByRole('heading', { level: 2 })).toHaveText(first.event.title);
  await expect(page.getByText(`Selected: ${first.event.title}`)).toBeAttached();
  // j again: the next in time (positions are time order); j twice more walks on, k steps back.
  await page.keyboard.press('j');
  await expect.poll(() => d.params().get('event')).not.toBe(first.event.id);
  const second = await selectedEvent(page, d);
  expect(second.position).toBeGreaterThan(first.position);
  expect(second.event.start).toBeGreaterThanOrEqual(first.event.start);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect
    .poll(async () => (await selectedEvent(page, d)).position)
    .toBeGreaterThan(second.position);
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect.poll(() => d.params().get('event')).toBe(first.event.id);
  // x: the selected event's first actor becomes the actor filter.
  await expect(d.details.getByRole('heading', { level: 2 })).toHaveText(first.event.title);
  await page.keyboard.press('x');
  await expect.poll(() => d.params().getAll('actor')).toEqual([first.event.actors[0]]);
  // e: the actor finder, which reaches every actor of the dataset by name, not only the busiest listed.
  const facet = page.getByRole('region', { name: 'Actors' });
  await expect(facet.getByRole('checkbox').first()).toBeVisible();
  const listed = new Set(
    await facet.getByRole('checkbox').evaluateAll((els) => els.map((e) => e.id)),
  );
  const meta = (await (
    await page.request.get(`${serverBase()}/api/datasets/${publicId}`)
  ).json()) as { entities: { id: string; name: string }[] };
  const unlisted = meta.entities.find((e) => !listed.has(`server-actor-${e.id}`))!;
  expect(unlisted).toBeDefined();
  await page.keyboard.press('e');
  const finder = page.getByRole('searchbox', { name: 'Find an actor by name or alias' });
  await expect(finder).toBeFocused();
  await page.keyboard.type(unlisted.name);
  await expect(facet.locator(`[id="server-actor-${unlisted.id}"]`)).toBeVisible();
  await page.keyboard.type('zzzz');
  await expect(
    facet.getByText(`No actor of this dataset is called “${unlisted.name}zzzz”.`),
  ).toBeVisible();
});

test('a row of the list outside the window is brought into view on the timeline, the zoom kept', async ({
  page,
}) => {
  const d = await open(page, '&from=2014-01-20&to=2014-01-24');
  const [a0, b0] = await d.windowFromUrl();
  // The hundredth match by date is months past the window.
  const row = d.events.getByRole('row').nth(100);
  const title = (await row.getByRole('button').textContent())!;
  await row.getByRole('button').click();
  await expect.poll(() => d.params().get('event')).not.toBeNull();
  await expect.poll(async () => (await d.windowFromUrl())[0]).toBeGreaterThan(b0);
  const [a1, b1] = await d.windowFromUrl();
  expect(Math.abs(b1 - a1 - (b0 - a0))).toBeLessThan(1000);
  await expect(d.timelineItem(title)).toHaveClass(/is-selected/);
  await expect(d.timelineItem(title)).toBeInViewport();
});

test("the list: a click anywhere on a row selects its event; the order is the link's and survives it", async ({
  page,
}) => {
  const d = await open(page);
  const table = page.getByRole('table', { name: 'Matching events' });
  // Anywhere in the header cell sorts, not only on its words: here its far end, once, then again.
  const place = table.getByRole('columnheader', { name: /^Place/ });
  const cell = (await place.boundingBox())!;
  await place.click({ position: { x: cell.width - 3, y: cell.height / 2 } });
  await expect.poll(() => d.params().get('sort')).toBe('place');
  await place.click({ position: { x: cell.width - 3, y: cell.height / 2 } });
  await expect.poll(() => d.params().get('sort')).toBe('-place');
  await expect(table.getByRole('columnheader', { name: /^Place/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(page.getByText('Updating…')).toBeHidden();
  const row = table.getByRole('row').nth(3);
  const title = (await row.getByRole('button').textContent())!;
  // The date cell, not the title.
  await row.getByRole('cell').first().click();
  await expect.poll(() => d.params().get('event')).not.toBeNull();
  await expect(d.details.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(row).toHaveAttribute('aria-selected', 'true');

  await page.goto(page.url());
  await expect(table.getByRole('columnheader', { name: /^Place/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(table.getByRole('row').nth(3)).toHaveAttribute('aria-selected', 'true');
});

test("the list's page is in the link: a colleague opens the same rows; a new filter starts at the first", async ({
  page,
}) => {
  const d = await open(page, '&sort=title');
  const table = page.getByRole('table', { name: 'Matching events' });
  await expect(d.events.getByText('Events 1–100 of 3,883')).toBeVisible();
  await d.events.getByRole('button', { name: 'Next page' }).click();
  await d.events.getByRole('button', { name: 'Next page' }).click();
  await expect(d.events.getByText('Events 201–300 of 3,883')).toBeVisible();
  await expect.poll(() => d.params().get('page')).toBe('3');
  await expect(page.getByText('Updating…')).toBeHidden();
  const first = await table.getByRole('row').nth(1).getByRole('button').textContent();

  // The link opens at that page, its rows the same.
  await page.goto(page.url());
  await expect(d.events.getByText('Events 201–300 of 3,883')).toBeVisible();
  await expect(table.getByRole('row').nth(1).getByRole('button')).toHaveText(first!);
  // Back returns to the page before.
  await d.events.getByRole('button', { name: 'Previous page' }).click();
  await expect(d.events.getByText('Events 101–200 of 3,883')).toBeVisible();
  await page.goBack();
  await expect(d.events.getByText('Events 201–300 of 3,883')).toBeVisible();

  // Another order starts at the first page, and drops the page from the link.
  await table
    .getByRole('columnheader', { name: /^Place/ })
    .getByRole('button')
    .click();
  await expect.poll(() => d.params().get('sort')).toBe('place');
  await expect(d.events.getByText('Events 1–100 of 3,883')).toBeVisible();
  expect(d.params().get('page')).toBeNull();

  // A page past the last (a link to a larger version of the dataset) says so and offers the last page.
  await page.goto(`${serverBase()}/?data=server:${publicId}&page=999`);
  await expect(d.events.getByText('Past the last of 3,883 events')).toBeVisible();
  await d.events.getByRole('button', { name: 'Previous page' }).click();
  await expect(d.events.getByText('Events 3,801–3,883 of 3,883')).toBeVisible();
  await expect.poll(() => d.params().get('page')).toBe('39');
});

test("the list In view holds the window's matches, is in the link, and follows the window", async ({
  page,
}) => {
  const d = await open(page, '&from=2014-05-01&to=2014-05-11');
  const countOf = async (radio: string) =>
    Number(
      /\(([\d,]+)\)$/
        .exec((await d.events.locator('label').filter({ hasText: radio }).textContent())!)![1]!
        .replace(/,/g, ''),
    );
  await expect(d.events.getByRole('radio', { name: /^In view \(\d+\)$/ })).toBeVisible();
  const total = await countOf('All matches');
  const inView = await countOf('In view');
  expect(total).toBe(3883);
  expect(inView).toBeGreaterThan(0);
  expect(inView).toBeLessThan(100);
  await d.events.getByRole('radio', { name: /^In view/ }).check();
  await expect.poll(() => d.params().get('list')).toBe('view');
  const table = page.getByRole('table', { name: 'Matching events in view' });
  // Every match overlapping the window, and only those: one page, the header row besides.
  await expect(table.getByRole('row')).toHaveCount(inView + 1);
  await expect(d.events.getByText(`Events 1–${inView} of ${inView}`)).toBeVisible();

  // A colleague's link opens the same list.
  await page.goto(page.url());
  await expect(
    page.getByRole('table', { name: 'Matching events in view' }).getByRole('row'),
  ).toHaveCount(inView + 1);

  // A zoom out widens the window: the list holds the new window's matches, the count with it.
  const [a0, b0] = await d.windowFromUrl();
  const toolbar = d.timeline.getByRole('toolbar', { name: 'Timeline controls' });
  await toolbar.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(async () => span(await d.windowFromUrl())).toBeGreaterThan(b0 - a0);
  await expect(page.getByText('Updating…')).toBeHidden();
  await expect.poll(() => countOf('In view')).toBeGreaterThan(inView);
  const wider = await countOf('In view');
  await expect(table.getByRole('row')).toHaveCount(Math.min(wider, 100) + 1);
  await expect(
    d.events.getByText(`of ${wider.toLocaleString('en')}`, { exact: false }),
  ).toBeVisible();
});

test.describe('below 1440 px the details overlay', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('keeps the selected item clear of it, the zoom kept', async ({ page }) => {
    // 9 May sits at the right edge of this window, where the details will open.
    const d = await open(page, '&from=2014-04-26T00:00:00Z&to=2014-05-09T12:00:00Z');
    await d.selectClearOfDetails(
      d.chart.itemContent('Government of Ukraine - DPR: Mariupol town (13 killed)'),
      'Mariupol',
    );
  });
});

test('the histogram: drag across it to set the window; its axis names the years', async ({
  page,
}) => {
  const d = await open(page);
  const fitted = await d.windowFromUrl();
  await expect(d.timeline.getByText('2014', { exact: true }).first()).toBeVisible();
  await d.brushHistogram(0.1, 0.2);
  await expect.poll(async () => span(await d.windowFromUrl())).toBeLessThan(span(fitted) / 5);
  const [from, to] = await d.windowFromUrl();
  expect(to - from).toBeGreaterThan(200 * 86_400_000);
  expect(new Date(from).getUTCFullYear()).toBe(2014);
});

test("Fit asks the server for the matches' extent", async ({ page }) => {
  const d = await open(page);
  const fitted = await d.windowFromUrl();
  const toolbar = d.timeline.getByRole('toolbar', { name: 'Timeline controls' });
  for (const most of [0.6, 0.3]) {
    await toolbar.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => span(await d.windowFromUrl())).toBeLessThan(span(fitted) * most);
  }
  await toolbar.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(() => d.windowFromUrl()).toEqual(fitted);
  const canvas = page.getByRole('group', { name: 'Timeline canvas' });
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-window-start')))
    .toBe(fitted[0]);
});

test('Share > Saved views keeps a server view and opens it again', async ({ page }) => {
  const d = await open(page, '&type=state-based+conflict');
  const menu = await d.shareMenu();
  await menu.getByRole('button', { name: 'Saved views' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved views' });
  await dialog.getByLabel('Name for the current view').fill('State-based on the server');
  await dialog.getByRole('button', { name: 'Save current view' }).click();
  const link = dialog.getByRole('link', { name: 'State-based on the server' });
  await expect(link).toHaveAttribute(
    'href',
    new RegExp(`data=server%3A${publicId}|data=server:${publicId}`),
  );
  await page.goto(`${serverBase()}/?data=server:${publicId}`);
  await (await d.shareMenu()).getByRole('button', { name: 'Saved views' }).click();
  await page
    .getByRole('dialog', { name: 'Saved views' })
    .getByRole('link', { name: 'State-based on the server' })
    .click();
  await expect.poll(() => d.params().get('type')).toBe('state-based conflict');
  await expect(page.getByRole('heading', { name: 'UCDP on the server' })).toBeVisible();
});

test('the database away over an open view: said in the header, the view kept, Try again now asks at once', async ({
  page,
}) => {
  const d = await open(page);
  const count = page
    .getByRole('region', { name: 'Filters and facets' })
    .locator('.cs-server-count');
  const before = await count.textContent();
  let away = true;
  let refused = 0;
  await page.route('**/api/datasets/*/query', (route) =>
    away && ++refused
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":"The database is not reachable just now."}',
        })
      : route.continue(),
  );
  // Scrolled down the facets: the status is not in the scrolled panel but in the header.
  await page.getByRole('region', { name: 'Filters and facets' }).evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await d.search.fill('Donetsk');
  await d.search.press('Enter');
  const header = page.getByRole('banner');
  await expect(header.getByText(/not reachable.*Retrying…/)).toBeVisible();
  await expect(header.getByText(/not reachable.*Retrying…/)).toBeInViewport();
  // The previous answer stays on screen meanwhile.
  await expect(count).toHaveText(before!);
  await expect(d.chart.itemContents().first()).toBeVisible();
  // Three refusals of each half in, the app waits 4 s before its next try by itself: the button asks at once.
  await expect.poll(() => refused, { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
  away = false;
  await header.getByRole('button', { name: 'Try again now' }).click();
  await expect(header.getByText(/Retrying/)).toBeHidden({ timeout: 1500 });
  await expect(count).not.toHaveText(before!);
  await expect(header.getByRole('button', { name: 'Try again now' })).toBeHidden();
});

/** The labels of count buckets on screen that the canvas cuts (none, when each is read in its bucket's part on screen). */
function cutBucketLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
    return Array.from(
      document.querySelectorAll<HTMLElement>('.vis-item.cs-bucket .cs-bucket-label'),
    )
      .filter((l) => {
        const box = l.closest('.vis-item')!.getBoundingClientRect();
        const shown = Math.min(box.right, canvas.right) - Math.max(box.left, canvas.left);
        // Only buckets with room on screen for their label.
        return shown > l.offsetWidth + 8 && box.bottom > canvas.top && box.top < canvas.bottom;
      })
      .filter((l) => {
        const r = l.getBoundingClientRect();
        return r.left < canvas.left - 0.5 || r.right > canvas.right + 0.5;
      })
      .map((l) => l.textContent ?? '');
  });
}

test("count buckets cut by the timeline's edges keep their numbers in sight", async ({ page }) => {
  const d = await open(page, '&group=type');
  await expect(page.locator('.vis-item.cs-bucket').first()).toBeVisible();
  await expect.poll(() => cutBucketLabels(page)).toEqual([]);
  // Zoomed in about the middle, buckets are cut at both edges.
  const toolbar = d.timeline.getByRole('toolbar', { name: 'Timeline controls' });
  const before = await d.windowFromUrl();
  await toolbar.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => span(await d.windowFromUrl())).toBeLessThan(span(before));
  await expect(page.locator('.vis-item.cs-bucket').first()).toBeVisible();
  await expect.poll(() => cutBucketLabels(page)).toEqual([]);
});

// Timeline-first, as the file workspace (e2e/layout.spec.ts): the timeline takes the larger share, the list the
// rest of the height down to the window's bottom, scrolling in itself with one line a row.
for (const [width, height] of [
  [1600, 900],
  [1280, 800],
] as const) {
  test.describe(`at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });

    test('the timeline is the largest region; the list fills the rest, scrolls in itself, one line a row', async ({
      page,
    }) => {
      const d = await open(page);
      const table = page.getByRole('table', { name: 'Matching events' });
      const rows = table.getByRole('row');
      await expect(rows).toHaveCount(101); // the header row and a page of 100
      const box = (await d.timeline.boundingBox())!;
      expect(box.height, 'timeline height').toBeGreaterThanOrEqual(0.42 * height);
      expect(box.width, 'timeline width').toBeGreaterThanOrEqual(0.55 * width);
      for (const region of [page.getByRole('region', { name: 'Filters and facets' }), d.events]) {
        const other = (await region.boundingBox())!;
        expect(other.width * other.height).toBeLessThan(box.width * box.height);
      }

      // The list reaches the window's bottom (less the workspace's padding) and the page itself does not scroll.
      const events = (await d.events.boundingBox())!;
      expect(events.y + events.height, 'the list reaches the bottom').toBeGreaterThanOrEqual(
        height - 10,
      );
      expect(events.y + events.height).toBeLessThanOrEqual(height);
      const pageScroll = () =>
        page.evaluate(() => ({
          scrollHeight: document.scrollingElement!.scrollHeight,
          innerHeight: window.innerHeight,
          scrollY: window.scrollY,
        }));
      const before = await pageScroll();
      expect(before.scrollHeight, 'the page scrolls').toBeLessThanOrEqual(before.innerHeight);

      // One line a row: titles, types and places are cut with an ellipsis, the whole title in its tooltip.
      const tallest = await table.evaluate((t) => {
        const cell = t.querySelector('tbody td')!;
        const style = getComputedStyle(cell);
        const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
        const heights = Array.from(
          t.querySelectorAll('tbody tr'),
          (r) => r.getBoundingClientRect().height,
        );
        return { line, row: Math.max(...heights) };
      });
      expect(tallest.row, 'a row wraps').toBeLessThan(1.6 * tallest.line);
      const title = table.getByRole('row').nth(1).getByRole('button');
      expect(await title.getAttribute('title')).toBe(await title.textContent());

      // Rows past the visible ones are reached by scrolling the list; its pages row and header stay in sight.
      const last = rows.last();
      expect((await last.boundingBox())!.y).toBeGreaterThan(events.y + events.height);
      await last.scrollIntoViewIfNeeded();
      await expect(last).toBeInViewport();
      const lastBox = (await last.boundingBox())!;
      expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(events.y + events.height + 1);
      expect((await pageScroll()).scrollY, 'the page scrolled, not the list').toBe(0);
      await expect(page.getByRole('group', { name: 'Pages' })).toBeInViewport();
      await expect(page.getByRole('button', { name: 'Next page' })).toBeInViewport();
      const header = (await table.getByRole('columnheader').first().boundingBox())!;
      expect(header.y, 'the header scrolled away').toBeGreaterThanOrEqual(events.y);
      await expect(table.getByRole('columnheader').first()).toBeInViewport();
    });
  });
}

test('Share > Export streams the matching events as the file workspace exports them, draws the timeline; the JSON opens as a file', async ({
  page,
}) => {
  const d = await open(page, '&type=one-sided+violence');
  const count = page
    .getByRole('region', { name: 'Filters and facets' })
    .locator('.cs-server-count strong');
  await expect(count).not.toHaveText('3,883');
  const n = Number((await count.textContent())!.replaceAll(',', ''));
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(100);

  await d.exportMenu();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Matching events as Chronoscope JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^ucdp-on-the-server-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByText(`Exported ${n} events as Chronoscope JSON.`)).toBeAttached();
  const text = readFileSync((await json.path())!, 'utf8');
  const doc = JSON.parse(text) as {
    exported: { from: string; view: string };
    events: { id: string; type: string; start: string }[];
    entities: { id: string }[];
  };
  expect(doc.exported.from).toBe(`server:${publicId}`);
  expect(doc.exported.view).toContain('type=one-sided+violence');
  expect(doc.events).toHaveLength(n);
  expect(new Set(doc.events.map((e) => e.type))).toEqual(new Set(['one-sided violence']));
  expect(doc.entities.length).toBeGreaterThan(0);

  await d.exportMenu();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Matching events as CSV' }).click(),
  ]);
  const rows = Papa.parse<string[]>(readFileSync((await csv.path())!, 'utf8'), {
    skipEmptyLines: true,
  }).data;
  expect(rows[0]!.slice(0, 5)).toEqual(['id', 'title', 'start', 'end', 'precision']);
  expect(
    rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(doc.events.map((e) => e.id).sort());

  // The timeline as a PNG, as on a file: drawn at twice the on-screen size, the caption above.
  await d.exportMenu();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Timeline as PNG image' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/^ucdp-on-the-server-\d{4}-\d{2}-\d{2}\.png$/);
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const box = (await d.timeline.locator('.cs-timeline').boundingBox())!;
  expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(Math.round(box.height) * 2);

  // The JSON opens in the app as a file, to the same events.
  await page.getByLabel('Open a dataset file').setInputFiles({
    name: 'export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await d.expectShowing(n, n);
});
