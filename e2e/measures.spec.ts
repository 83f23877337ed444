import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

/**
 * The UCDP file's own numbers, read from its CSV with a plain script (not with Chronoscope): 3,883 events whose
 * `best` death estimates add up to 18,480; no event crosses a year boundary, and the events of each year add up
 * to the figures below; 19 events have a best estimate of 100 or more, the largest 5,294.
 */
const UCDP = `data=${encodeURIComponent(`${FIXTURES}/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv`)}`;
const DEATHS_BY_YEAR = { 2014: '4,528', 2015: '1,726', 2016: '255', 2022: '8,437', 2023: '2,161' };

test.use({ viewport: { width: 1600, height: 900 } });

// The bucket size follows the timeline's width: at 1280x800 the ten years of UCDP data are counted per year.
test.use({ viewport: { width: 1280, height: 800 } });

test('summing UCDP deaths: histogram, buckets, range filter, list column and sort, kept on reload', async ({
  page,
}) => {
  const d = new Dashboard(page);
  await d.open(`${UCDP}&from=2013-10-01T00:00Z&to=2024-04-01T00:00Z`);
  await d.expectShowing(3883, 3883);
  const histogram = page.getByTestId('histogram');
  await expect(histogram).toHaveAttribute('aria-label', /^Density of matching events/);

  const measure = d.timeline.getByRole('combobox', { name: 'Measure' });
  await measure.selectOption({ label: 'Sum of best' });
  await expect.poll(() => d.params().get('sum')).toBe('best');
  await expect(histogram).toHaveAttribute('aria-label', /18,480 deaths in all/);

  // A year per bucket: each year's bucket holds that year's deaths, said as deaths on hover and to screen readers.
  await expect(d.timeline.getByRole('toolbar')).toContainText('deaths summed per 1 year');
  const buckets = d.chart.buckets();
  for (const total of Object.values(DEATHS_BY_YEAR))
    await expect(buckets.filter({ hasText: new RegExp(`^${total} deaths$`) })).toHaveCount(1);
  await buckets.filter({ hasText: /^8,437 deaths$/ }).hover();
  await expect(page.getByText('in 536 events')).toBeVisible();

  // The range filter: 19 events of 100 deaths or more, in the link and as a chip.
  await d.timeline.getByLabel('Minimum best').fill('100');
  await d.timeline.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect.poll(() => d.params().get('measure')).toBe('best:100:');
  await d.expectShowing(19, 3883);
  await expect(d.filters.getByRole('button', { name: 'Remove filter best ≥ 100' })).toBeVisible();

  // The list's column for the measure, sorted largest first.
  const header = d.events.getByRole('columnheader', { name: /best/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => d.params().get('sort')).toBe('-measure');
  await expect(d.eventRows().first().getByRole('cell').last()).toHaveText('5,294');
  // The last of the 19 rows, scrolled to (the table draws only the rows in view, and its height is the layout's);
  // scrolled there, the list still has a row to Tab to (axe below).
  const body = d.events.locator('.cs-tbody-scroll');
  await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(
    d.events.locator('[role="row"][aria-rowindex="20"]').getByRole('cell').last(),
  ).toHaveText('100');

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);

  await page.reload();
  await d.expectShowing(19, 3883);
  await expect(measure).toHaveValue('best');
  await expect(d.timeline.getByLabel('Minimum best')).toHaveValue('100');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(d.eventRows().first().getByRole('cell').last()).toHaveText('5,294');

  // Back to counting: the histogram and buckets count events again, the range stays.
  await measure.selectOption({ label: 'Count events' });
  await expect(histogram).toHaveAttribute('aria-label', /^Density of matching events/);
  await d.expectShowing(19, 3883);
});

test('a range on a field the dataset lacks is said, not silently applied', async ({ page }) => {
  const d = new Dashboard(page);
  await d.open('measure=fatalities:10:&sum=fatalities');
  await d.expectShowing(7, 7);
  await expect(page.getByText(/no such numeric field/).first()).toBeVisible();
  await expect(
    d.filters.getByRole('button', { name: /Remove filter fatalities ≥ 10/ }),
  ).toBeVisible();
});
