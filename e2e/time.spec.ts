import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

/**
 * Time truth in zones other than UTC: the axis, a day's position, an uncertain record's interval and the window in
 * the link. Expected instants are the zones' own facts (1 January 2014 began at 22:00 UTC the day before in Kyiv).
 */
const ZONES = [
  { tz: 'Europe/Kyiv', jan2014: '2013-12-31T22:00Z', dec21: '2023-12-20T22:00Z' },
  { tz: 'America/New_York', jan2014: '2014-01-01T05:00Z', dec21: '2023-12-21T05:00Z' },
  { tz: 'Asia/Kolkata', jan2014: '2013-12-31T18:30Z', dec21: '2023-12-20T18:30Z' },
  // Apia was at UTC+14 (daylight saving) in both Januaries and Decembers.
  { tz: 'Pacific/Apia', jan2014: '2013-12-31T10:00Z', dec21: '2023-12-20T11:00Z' },
];
const T = (s: string) => Date.parse(s);

for (const { tz, jan2014, dec21 } of ZONES) {
  test.describe(`in ${tz}`, () => {
    test('the axis puts January 2014 at its local start and names it', async ({ page }) => {
      const d = new Dashboard(page);
      await d.open(
        `data=ucdp-ukraine&tz=${encodeURIComponent(tz)}&from=2013-11-16T00:00Z&to=2014-02-14T00:00Z`,
      );
      await expect(
        d.timeline.locator('.vis-time-axis .vis-text.vis-minor:not(.vis-measure)').first(),
      ).toBeVisible();
      const minor = await d.axisLabels('minor');
      expect(minor.map((l) => l.text)).toEqual(expect.arrayContaining(['Dec', 'Jan', 'Feb']));
      const jan = minor.find((l) => l.text === 'Jan')!;
      // One pixel is about an hour and a half here; a zone's offset is 2 to 14 hours.
      expect(Math.abs(jan.x - (await d.xOf(T(jan2014))))).toBeLessThan(2);
      const dec = minor.find((l) => l.text === 'Dec')!;
      expect(jan.x - dec.x).toBeGreaterThan(0);
      const major = await d.axisLabels('major');
      const y2014 = major.find((l) => l.text === '2014');
      expect(y2014, JSON.stringify(major)).toBeDefined();
      expect(Math.abs(y2014!.x - jan.x)).toBeLessThan(2);
      expect(major.map((l) => l.text)).not.toContain('2015');
    });

    test('a day-precision event is drawn on its own day', async ({ page }) => {
      const d = new Dashboard(page);
      await d.open(`tz=${encodeURIComponent(tz)}&from=2023-12-18T12:00Z&to=2023-12-24T12:00Z`);
      const dot = d.timelineItem('Kirby: premature').locator('.vis-dot');
      await expect(dot).toBeVisible();
      const box = (await dot.boundingBox())!;
      const centre = box.x + box.width / 2;
      // Minor labels read "Thu 21" at this zoom.
      const tick = (await d.axisLabels('minor')).find((l) => /\b21$/.test(l.text.trim()))!;
      expect(tick, 'a tick labelled 21').toBeDefined();
      // One pixel is about six minutes here.
      expect(Math.abs(centre - tick.x)).toBeLessThan(3);
      expect(Math.abs(centre - (await d.xOf(T(dec21))))).toBeLessThan(3);
      await d.timelineItem('Kirby: premature').click();
      await expect(d.details.getByRole('heading', { name: /Kirby: premature/ })).toBeVisible();
      await expect(d.details).toContainText('21 Dec 2023');
      await expect(d.details).not.toContainText('20 Dec 2023');
    });
  });
}

test('a UCDP record known to the year is drawn across the interval it gives, as circa', async ({
  page,
}) => {
  const d = new Dashboard(page);
  await d.open(
    'data=ucdp-ukraine&tz=America%2FNew_York&q=%22Kiev+authorities+no+longer+concerned%22&from=2014-06-01T04:00Z&to=2014-09-01T04:00Z&event=154734',
  );
  await expect(d.details.getByText('c. 1 Jul 2014 – 3 Aug 2014')).toBeVisible();
  const item = d.timeline.locator('.vis-item.vis-range.cs-shape-uncertain', {
    hasText: 'DPR: Donetsk Oblast (0 killed)',
  });
  await expect(item).toBeVisible();
  const box = (await item.boundingBox())!;
  // Local midnights in New York: 1 July to 4 August (one pixel is about 1.5 hours).
  expect(Math.abs(box.x - (await d.xOf(T('2014-07-01T04:00Z'))))).toBeLessThan(2);
  expect(Math.abs(box.x + box.width - (await d.xOf(T('2014-08-04T04:00Z'))))).toBeLessThan(2);
});

test.describe('the window in the link', () => {
  test('is there from the first draw, and is the window on screen', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine');
    const [from, to] = await d.windowFromUrl();
    expect(d.params().get('from')).toMatch(/T\d{2}:\d{2}/);
    const canvas = d.timeline.locator('.cs-timeline');
    await expect(canvas).toHaveAttribute('data-window-start', /\d/);
    const drawn = await canvas.evaluate((el) => [
      Number((el as HTMLElement).dataset.windowStart),
      Number((el as HTMLElement).dataset.windowEnd),
    ]);
    expect(Math.abs(drawn[0]! - from)).toBeLessThan(1);
    expect(Math.abs(drawn[1]! - to)).toBeLessThan(1);
  });

  test('keeps the time of day when a link is rewritten, and reads an old zone name', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(
      'data=ucdp-ukraine&from=2014-06-01T00:00:00Z&to=2014-07-01T00:00:00.000Z&tz=Europe%2FKiev',
    );
    await expect.poll(() => d.params().get('tz')).toBe('Europe/Kyiv');
    expect(d.params().get('from')).toBe('2014-06-01T00:00Z');
    expect(d.params().get('to')).toBe('2014-07-01T00:00Z');
    await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Kyiv');
  });
});

test('the time-zone field finds a zone from part of its name', async ({ page }) => {
  const d = new Dashboard(page);
  await d.open();
  const field = page.getByRole('combobox', { name: 'Time zone' });
  await field.click();
  const listId = await field.getAttribute('list');
  const options = await page
    .locator(`datalist[id="${listId}"] option`)
    .evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));
  expect(options.slice(0, 3)).toEqual(['UTC', expect.stringMatching(/^Browser/), 'Europe/Kyiv']);
  expect(options).not.toContain('Europe/Kiev');
  await field.fill('kolkata');
  await field.press('Enter');
  await expect.poll(() => d.params().get('tz')).toBe('Asia/Kolkata');
  await expect(field).toHaveValue('Asia/Kolkata');
});
