import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

const NAV = `data=${encodeURIComponent(`${FIXTURES}/navigation.json`)}`;
const JUNE_2022 = 'from=2022-06-01T00:00:00.000Z&to=2022-07-01T00:00:00.000Z';
const EMPTY_2021 = 'from=2021-01-01T00:00:00.000Z&to=2021-02-01T00:00:00.000Z';

test.describe('navigation starts where the analyst is looking', () => {
  test('j and k in a window on June 2022 walk June 2022, not the dataset from 2014', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`${NAV}&${JUNE_2022}`);
    await expect(d.itemContents()).toHaveCount(2);
    await page.keyboard.press('j');
    await expect.poll(() => d.params().get('event')).toBe('june-strike');
    await expect(d.details.getByRole('heading', { level: 2 })).toHaveText(
      'Strike on Kharkiv power station',
    );
    // From the selection in view, j steps on.
    await page.keyboard.press('j');
    await expect.poll(() => d.params().get('event')).toBe('june-corridor');
    // The window did not jump back to the dataset's start.
    expect(Date.parse(d.params().get('from')!)).toBeGreaterThanOrEqual(Date.UTC(2022, 0, 1));

    await d.open(`${NAV}&${JUNE_2022}`);
    await expect(d.itemContents()).toHaveCount(2);
    await page.keyboard.press('k');
    await expect.poll(() => d.params().get('event')).toBe('june-corridor');
  });

  test('the list switches between all matches and the matches in view, in the link', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`${NAV}&${JUNE_2022}`);
    const all = d.events.getByRole('radio', { name: /All matches/ });
    const inView = d.events.getByRole('radio', { name: /In view/ });
    await expect(all).toBeChecked();
    await expect(d.eventRows()).toHaveCount(10);
    await expect(inView).toHaveAccessibleName('In view (2)');
    await inView.check();
    await expect.poll(() => d.params().get('list')).toBe('view');
    await expect(d.eventRows()).toHaveCount(2);
    await expect(d.eventRows().first()).toContainText('Strike on Kharkiv power station');
    // The link reopens the same list.
    await page.reload();
    await expect(inView).toBeChecked();
    await expect(d.eventRows()).toHaveCount(2);
    // The list follows the window as the analyst zooms out.
    await expect(d.itemContents()).toHaveCount(2);
    for (let i = 0; i < 5; i++) await page.keyboard.press('-');
    await expect.poll(() => d.eventRows().count()).toBeGreaterThan(2);
    // Zooming out brings more events into the list.
    await d.open(`${NAV}&list=view&from=2022-01-01T00:00:00.000Z&to=2023-01-01T00:00:00.000Z`);
    await expect(d.eventRows()).toHaveCount(4);
    await all.check();
    await expect.poll(() => d.params().get('list')).toBeNull();
    await expect(d.eventRows()).toHaveCount(10);
  });

  test('an empty window says where the matches are and goes to the nearest', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(`${NAV}&list=view&${EMPTY_2021}`);
    const said = 'No matching events in this window: 4 matches before it, 6 matches after it.';
    await expect(d.timeline.getByRole('note')).toContainText(said);
    await expect(d.events.getByRole('note')).toContainText(said);
    await d.timeline.getByRole('button', { name: '← Go to the previous match' }).click();
    // The nearest match (March 2020) is now in view; the zoom is kept.
    await expect(d.timeline.getByRole('note')).toHaveCount(0);
    await expect(d.eventRows()).toHaveCount(1);
    await expect(d.eventRows().first()).toContainText('Ceasefire talks in Kiev');
    const [from, to] = await d.windowFromUrl();
    expect(from).toBeLessThan(Date.UTC(2020, 2, 15));
    expect(to).toBeGreaterThan(Date.UTC(2020, 2, 16));
    expect(Math.round((to - from) / 86_400_000)).toBe(31);
  });
});
