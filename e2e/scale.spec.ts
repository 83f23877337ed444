import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

test('100,000 events load with visible progress and stay operable', async ({ page }) => {
  test.slow();
  const d = new Dashboard(page);
  await d.open(`data=${encodeURIComponent(`${FIXTURES}/synthetic-100000.json`)}`);
  await expect(page.getByRole('group', { name: 'Loading' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Loading' }).getByRole('progressbar')).toBeVisible();
  await d.expectShowing(100_000, 100_000);
  // Dense: the timeline draws bounded count buckets, not 100,000 items.
  await expect(d.timeline.getByTestId('timeline-mode')).toHaveAttribute('data-mode', 'buckets');
  expect(await d.timeline.locator('.vis-item-content').count()).toBeLessThan(300);
  // Filter.
  await d.entityCheckbox('Actor 0 ').check();
  await expect(d.status).not.toHaveText('Showing 100,000 of 100,000 events');
  const filtered = await d.status.textContent();
  // Zoom.
  await d.timeline.getByRole('button', { name: 'Zoom in' }).click();
  await d.windowFromUrl();
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
});
