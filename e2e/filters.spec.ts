import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

test.describe('entities, filters and search', () => {
  test('choosing an actor in the sidebar filters timeline, list and status line; counts stay live', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.entityCheckbox('John Kirby').check();
    await d.expectShowing(2, 7);
    await expect(d.itemContents()).toHaveCount(2);
    await expect(d.eventRows()).toHaveCount(2);
    await expect(d.filters.getByText('actor John Kirby')).toBeVisible();
    // Facet rule: the actor facet ignores its own filter, so other actors keep their counts.
    await expect(
      d.entities
        .getByRole('listitem')
        .filter({ hasText: 'United States' })
        .getByLabel('4 matching events'),
    ).toBeVisible();
    // Another facet applies the actor filter: only statements remain.
    await d.filters.getByText('Event type', { exact: true }).click();
    await expect(d.filters.getByRole('checkbox', { name: /statement/ })).toBeVisible();
    await expect(d.filters.locator('label', { hasText: 'statement' })).toContainText('2');
    await expect(d.filters.locator('label', { hasText: 'meeting' })).toContainText('0');
  });

  test('excluding an actor hides its events', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.entities.getByRole('button', { name: 'Exclude United States' }).click();
    await d.expectShowing(3, 7);
    await expect(d.filters.getByText('not actor United States')).toBeVisible();
    await expect(d.timelineItem('Kirby: premature')).toHaveCount(0);
  });

  test('match all of the chosen actors', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.entityCheckbox('Lloyd J. Austin').check();
    await d.entityCheckbox('Pentagon press secretary').check();
    await d.expectShowing(2, 7);
    await d.onFilterControl('all of them', (c) => c.check({ timeout: 1_000 }));
    await d.expectShowing(1, 7);
    expect(d.params().get('match')).toBe('all');
  });

  test('text search narrows with prefixes, fuzzy terms and phrases, and highlights', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    const search = async (q: string, count: number) => {
      await d.search.fill(q);
      await expect.poll(() => d.params().get('q')).toBe(q);
      await d.expectShowing(count, 7);
    };
    await search('aid', 4);
    await search('froz', 1);
    await expect(d.events.locator('mark')).toHaveText(['frozen']);
    await search('"new round of aid"', 1);
    await expect(
      d.events.getByRole('row', { name: /Kirby: the administration awaits Congress/ }),
    ).toBeVisible();
    await search('"round new"', 0);
    await search('ammunitoin', 1);
    await expect(d.events.getByRole('row', { name: /US side briefs/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await expect(d.search).toBeFocused();
  });

  test('typed date range of any precision filters by overlap', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    const dates = await d.dateRange();
    await dates.getByLabel('From', { exact: true }).fill('2023-12-15');
    await dates.getByLabel('From', { exact: true }).press('Enter');
    // Month-precision events cover all of December, so they overlap the 15th onwards.
    await d.expectShowing(7, 7);
    await dates.getByLabel('From', { exact: true }).fill('2023-12-22');
    await dates.getByLabel('From', { exact: true }).press('Enter');
    await d.expectShowing(5, 7);
    await dates.getByLabel('To', { exact: true }).fill('not a date');
    await dates.getByLabel('To', { exact: true }).press('Enter');
    await expect(dates.getByRole('alert')).toContainText('To:');
  });

  test('the histogram brush sets the timeline window', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine');
    await d.expectShowing(3883, 3883);
    await d.brushHistogram(0.1, 0.2);
    // The link holds the window from the first draw: wait for the brushed one.
    await expect
      .poll(async () => {
        const [a, b] = await d.windowFromUrl();
        return b - a;
      })
      .toBeLessThan(400 * 86_400_000);
    const [from, to] = await d.windowFromUrl();
    const span = to - from;
    expect(span).toBeGreaterThan(200 * 86_400_000);
    expect(span).toBeLessThan(400 * 86_400_000);
    expect(new Date(from).getUTCFullYear()).toBe(2014);
  });

  test('clearing restores everything; an empty result says why and offers to clear', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open('actor=john-kirby&type=meeting&q=aid');
    await d.expectShowing(0, 7);
    await expect(d.timeline.getByText('No events match the current filters.')).toBeVisible();
    await expect(d.events.getByText(/No events match/)).toBeVisible();
    await d.timeline.getByRole('button', { name: 'Clear all filters' }).click();
    await d.expectShowing(7, 7);
    await d.open('actor=john-kirby&tag=aid+package');
    await d.expectShowing(1, 7);
    await d.filters.getByRole('button', { name: 'Clear all' }).click();
    await d.expectShowing(7, 7);
    // Only the window on screen stays in the link (it is there from the first draw).
    expect([...new Set(d.params().keys())].sort()).toEqual(['from', 'to', 'v']);
  });

  test('selecting a row selects the event on the timeline, and the reverse', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.eventRows().filter({ hasText: 'Kirby: premature' }).click();
    await expect(d.timelineItem('Kirby: premature')).toHaveClass(/vis-selected|is-selected/);
    await d.chart.itemContent('Washington and Kyiv discuss').click();
    await expect(d.eventRows().filter({ hasText: 'Washington and Kyiv discuss' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
