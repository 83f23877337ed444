import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Dashboard } from '../pages/Dashboard';
import { SERVER_E2E, serverBase } from './serverE2e';

const { publicId, privateId, token } = SERVER_E2E;
/** The same file the server ingested as `publicId`, as the app bundles it (read by the in-browser engine). */
const BUNDLED = 'ucdp-ukraine';
const TOTAL = 3883;

/** No serious or critical accessibility violation on the page as it is. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function open(page: Page, query: string): Promise<Dashboard> {
  await page.goto(`${serverBase()}/?${query}`);
  return new Dashboard(page);
}

/** The count the server view shows ("N of M events"). */
const shownCount = (page: Page) =>
  page.getByRole('region', { name: 'Filters and facets' }).locator('.cs-server-count');

/** "N events in view" from a timeline toolbar, as a number. */
async function inView(d: Dashboard): Promise<number> {
  const text = await d.timeline
    .getByRole('toolbar', { name: 'Timeline controls' })
    .getByText(/events? in view/)
    .textContent();
  return Number(/([\d,]+) events? in view/.exec(text ?? '')![1]!.replace(/,/g, ''));
}

/** The same link read by the in-browser engine: the bundled copy of the file instead of the server's. */
function inBrowser(url: string): string {
  const q = new URL(url).searchParams;
  q.set('data', BUNDLED);
  q.delete('event');
  return q.toString();
}

test("a name in either spelling, and a date range typed beside the facets: the browser engine's numbers", async ({
  page,
}) => {
  const d = await open(page, `data=server:${publicId}`);
  await expect(shownCount(page)).toHaveText('3,883 of 3,883 events');
  const count = async () => (await shownCount(page).textContent())!.split(' of ')[0]!;
  // The file writes Kiev and Kyiv: searched as Kyiv, both are found, on the server as in the page.
  const search = page.getByRole('search');
  await search.getByLabel('Search events').fill('Kyiv');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect.poll(() => d.params().get('q')).toBe('Kyiv');
  await expect(shownCount(page)).not.toHaveText('3,883 of 3,883 events');
  await expect(page.getByText('Updating…')).toBeHidden();
  const kyiv = { url: page.url(), count: await count() };
  // The header's status line says it too, as the file's does.
  await expect(page.locator('header .cs-status')).toHaveText(
    `UCDP on the server: showing ${kyiv.count} of 3,883 events`,
  );

  await search.getByLabel('Search events').fill('');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(shownCount(page)).toHaveText('3,883 of 3,883 events');
  const dates = page
    .getByRole('region', { name: 'Filters and facets' })
    .getByRole('group', { name: 'Date range' });
  await dates.getByLabel('From').fill('2016');
  await dates.getByLabel('To').fill('2017-06');
  await dates.getByLabel('To').press('Enter');
  await expect.poll(() => d.params().get('until')).toBe('2017-06');
  expect(d.params().get('since')).toBe('2016');
  await expect(shownCount(page)).not.toHaveText('3,883 of 3,883 events');
  await expect(page.getByText('Updating…')).toBeHidden();
  const dated = { url: page.url(), count: await count() };

  // The same links read by the in-browser engine.
  for (const { url, count: n } of [kyiv, dated]) {
    const file = await open(page, inBrowser(url));
    await file.expectShowing(Number(n.replace(/,/g, '')), TOTAL);
  }
  // The link reopens the server's view with its dates in the fields.
  await page.goto(dated.url);
  await expect(shownCount(page)).toHaveText(`${dated.count} of 3,883 events`);
  await expect(dates.getByLabel('From')).toHaveValue('2016');
  await expect(dates.getByLabel('To')).toHaveValue('2017-06');
});

test('a server dataset: filter, pan, select, share; the same numbers as the browser engine', async ({
  page,
}) => {
  const d = await open(page, `data=server:${publicId}`);
  await expect(page.getByRole('heading', { name: 'UCDP on the server' })).toBeVisible();
  await expect(shownCount(page)).toHaveText(`${TOTAL.toLocaleString('en')} of 3,883 events`);
  await expect(d.chart.itemContents().first()).toBeVisible();

  // Filter by an actor: the facet's count, the view's count and the browser engine's agree.
  const actor = page
    .getByRole('region', { name: 'Actors' })
    .getByRole('checkbox', { name: /^United Armed Forces of Novorossiya, / });
  const facetCount = /, ([\d,]+) events?$/.exec((await actor.getAttribute('aria-label'))!)![1]!;
  await actor.check();
  // Chosen as in the file workspace: checked, and its name in bold.
  await expect(actor).toBeChecked();
  await expect(
    page.getByRole('region', { name: 'Actors' }).getByText('United Armed Forces of Novorossiya'),
  ).toHaveCSS('font-weight', '600');
  await expect(shownCount(page)).toHaveText(`${facetCount} of 3,883 events`);
  await expect.poll(() => d.params().get('actor')).not.toBeNull();
  await expect.poll(() => d.params().get('from')).not.toBeNull();

  // Pan: drag the canvas to the left; the window moves later, its span kept, and a new answer is drawn. Only
  // what the window draws is asked again: the count, facets and list are kept.
  await expect(page.getByText('Updating…')).toBeHidden();
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/query'))
      asked.push((r.postDataJSON() as { parts?: string }).parts ?? 'all');
  });
  const [a0, b0] = await d.windowFromUrl();
  const box = (await d.chart.canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await d.windowFromUrl())[0]).toBeGreaterThan(a0);
  const [a1, b1] = await d.windowFromUrl();
  expect(Math.abs(b1 - a1 - (b0 - a0))).toBeLessThan(1000);
  await expect(page.getByText('Updating…')).toBeHidden();
  expect(asked).toContain('window');
  expect(asked).not.toContain('matches');
  expect(asked).not.toContain('all');

  // Select an event in the list: its details are read from the server.
  const firstTitle = d.events.getByRole('row').nth(1).getByRole('button');
  const title = (await firstTitle.textContent())!;
  await firstTitle.click();
  await expect.poll(() => d.params().get('event')).not.toBeNull();
  await expect(d.details.getByRole('heading', { level: 2 })).toHaveText(title);
  // How its date is known, as the file's details say it: the precision and what the source wrote.
  await expect(d.details).toContainText(
    /\(known to the (day|month|year)(, approximate)?; written “\d{4}/,
  );
  await expect(d.details.getByRole('region', { name: 'Sources' })).toBeVisible();
  await expectAccessible(page);
  // Where the event lay outside the panned window, the timeline brought it into view, the zoom kept: once the link's
  // window has settled (it is written at most every 300 ms), the new window's answer is drawn.
  await expect
    .poll(async () => {
      const before = await d.windowFromUrl();
      await page.waitForTimeout(400);
      return (await d.windowFromUrl()).join() === before.join();
    })
    .toBe(true);
  await expect(page.getByText('Updating…')).toBeHidden();
  const [a3, b3] = await d.windowFromUrl();
  expect(Math.abs(b3 - a3 - (b1 - a1))).toBeLessThan(1000);
  const selectedInView = await inView(d);

  // Share: the details' link, opened again, is the same view with the same event.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await d.details.getByRole('button', { name: 'Copy link to this event' }).click();
  await expect(page.getByText('Link to this event copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('event')).toBe(d.params().get('event'));
  expect(new URL(link).searchParams.get('data')).toBe(`server:${publicId}`);
  expect(link).not.toContain(token);
  await page.goto(link);
  await expect(shownCount(page)).toHaveText(`${facetCount} of 3,883 events`);
  await expect(d.details.getByRole('heading', { level: 2 })).toHaveText(title);
  const [a2, b2] = await d.windowFromUrl();
  // The details close from their top (where they lie over the list below 1440 px), as on a file.
  await d.details.getByRole('button', { name: 'Close event details' }).click();
  await expect.poll(() => d.params().get('event')).toBeNull();
  await expect(d.details.getByRole('heading', { level: 2 })).toHaveCount(0);
  expect([a2, b2]).toEqual([a3, b3]);
  await expect.poll(() => inView(d)).toBe(selectedInView);

  // The same link read by the in-browser engine: the same count, and the same events in the window.
  await open(page, inBrowser(link));
  await d.expectShowing(Number(facetCount!.replace(/,/g, '')), TOTAL);
  await expect.poll(() => inView(d)).toBe(selectedInView);
});

test('an unknown id gets a not-found panel', async ({ page }) => {
  await open(page, 'data=server:no-such-dataset');
  const panel = page.getByRole('alert', { name: 'Sign in to this dataset' });
  // Without a token the server does not say whether an id exists: the app asks for a token.
  await expect(panel).toBeVisible();
  // Either panel offers the server's datasets it speaks of, not only the sample.
  await panel.getByText('Datasets', { exact: true }).click();
  await expect(panel.getByRole('list', { name: 'Server datasets' }).getByRole('button')).toHaveText(
    [/UCDP on the server/],
  );
  await page.evaluate((t) => sessionStorage.setItem('chronoscope.server-token', t), token);
  await page.reload();
  const notFound = page.getByRole('alert', { name: 'Dataset not found' });
  await expect(notFound).toContainText('no-such-dataset');
  await notFound.getByText('Datasets', { exact: true }).click();
  await notFound
    .getByRole('list', { name: 'Server datasets' })
    .getByRole('button', { name: /UCDP on the server/ })
    .click();
  await expect(page.getByRole('heading', { name: 'UCDP on the server' })).toBeVisible();
});

test('a private dataset asks for a token once: a wrong one is refused, the right one opens it', async ({
  page,
}) => {
  const d = await open(page, `data=server:${privateId}`);
  const panel = page.getByRole('alert', { name: 'Sign in to this dataset' });
  await expect(panel).toBeVisible();
  await expect(d.status).toHaveText(`Sign in to open ${privateId}.`);
  await expect(page.getByText(/ of [\d,]+ events$/)).toHaveCount(0);

  await panel.getByLabel('Access token').fill('not-the-right-token-at-all');
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await expect(panel.getByText('The server did not accept this token.')).toBeVisible();
  await expectAccessible(page);

  await panel.getByLabel('Access token').fill(token);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'ACLED (private)' })).toBeVisible();
  await expect(shownCount(page)).toHaveText(/^[\d,]+ of [\d,]+ events$/);
  expect(page.url()).not.toContain(token);
  expect(await page.evaluate(() => sessionStorage.getItem('chronoscope.server-token'))).toBe(token);

  // Asked once: a reload in this tab keeps it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'ACLED (private)' })).toBeVisible();

  // The Datasets menu lists the server's datasets this token may read, and opens one.
  const nav = page.getByRole('navigation', { name: 'Dataset and view' });
  await nav.getByText('Datasets', { exact: true }).click();
  const list = nav.getByRole('list', { name: 'Server datasets' });
  // A server dataset has no file in the page to read as another format.
  await expect(nav.getByLabel('Read the current file as')).toHaveCount(0);
  await expect(list.getByRole('button')).toHaveText([
    /ACLED \(private\).*private/,
    /UCDP on the server/,
  ]);
  await list.getByRole('button', { name: /UCDP on the server/ }).click();
  await expect(page.getByRole('heading', { name: 'UCDP on the server' })).toBeVisible();
  expect(d.params().get('data')).toBe(`server:${publicId}`);
});

test('without a token the Datasets menu lists the public datasets only', async ({ page }) => {
  await open(page, '');
  const nav = page.getByRole('navigation', { name: 'Dataset and view' });
  await nav.getByText('Datasets', { exact: true }).click();
  await expect(nav.getByRole('list', { name: 'Server datasets' }).getByRole('button')).toHaveText([
    /UCDP on the server \(3,883 events\) · ucdp-server/,
  ]);
  // The app's own samples under a heading of their own, apart from the server's.
  await expect(nav.getByRole('heading', { name: 'Samples in the app' })).toBeVisible();
});

test('the area filter of a link applies on the server as in the browser, and the map counts the same', async ({
  page,
}) => {
  const area = 'bbox=36,47,40,49&type=state-based+conflict';
  const d = await open(page, `data=server:${publicId}&${area}&geo=1`);
  await expect(
    page.getByRole('note').filter({ hasText: 'Only events placed in the area' }),
  ).toContainText('36,47,40,49');
  await expect(
    page.getByRole('note').filter({ hasText: 'which server datasets do not have yet' }),
  ).toHaveCount(0);
  const text = (await shownCount(page).textContent())!;
  const n = Number(/^([\d,]+) of/.exec(text)![1]!.replace(/,/g, ''));
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(TOTAL);
  await expect(page.getByRole('region', { name: 'Map' }).locator('.cs-map-status')).toHaveText(
    `${n.toLocaleString('en')} of ${n.toLocaleString('en')} matching events on the map`,
  );
  await open(page, `data=${BUNDLED}&${area}`);
  await d.expectShowing(n, TOTAL);
});
