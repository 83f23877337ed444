import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test.describe('on a phone', () => {
  test('closing the details drawer frees the screen: the Entities button can be tapped', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open('event=kirby-frozen-assets');
    const detailsButton = page.getByRole('button', { name: 'Details', exact: true });
    const entitiesButton = page.getByRole('button', { name: 'Entities', exact: true });
    await detailsButton.tap();
    await expect(d.details).toBeVisible();
    await expect(d.details.getByRole('heading', { level: 2 })).toContainText('Kirby');
    await d.details.getByRole('button', { name: 'Close event details' }).tap();
    await expect.poll(() => d.params().get('event')).toBeNull();
    await expect(d.details).toBeHidden();
    await expect(detailsButton).toHaveAttribute('aria-expanded', 'false');
    // A tap lands on the button, not on a drawer over it.
    await entitiesButton.tap();
    await expect(entitiesButton).toHaveAttribute('aria-expanded', 'true');
    await expect(d.entities).toBeVisible();
  });

  test('a drawer opened without a selection has its own way out', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await page.getByRole('button', { name: 'Details', exact: true }).tap();
    await expect(d.details).toBeVisible();
    await d.details.getByRole('button', { name: 'Close the details drawer' }).tap();
    await expect(d.details).toBeHidden();
    const entitiesButton = page.getByRole('button', { name: 'Entities', exact: true });
    await entitiesButton.tap();
    await expect(d.entities).toBeVisible();
    await d.entities.getByRole('button', { name: 'Close the entities drawer' }).tap();
    await expect(d.entities).toBeHidden();
  });

  test('the timeline comes first; the filters are a bottom sheet', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    const timeline = (await d.timeline.boundingBox())!;
    // On the first screen, under the header only, and the largest thing on it.
    expect(timeline.y).toBeLessThan(160);
    expect(timeline.height).toBeGreaterThanOrEqual(0.4 * 844);
    expect((await d.events.boundingBox())!.y).toBeGreaterThan(timeline.y + timeline.height - 1);
    await expect(d.filters).toBeHidden();
    const filtersButton = page.getByRole('button', { name: 'Filters', exact: true });
    await filtersButton.tap();
    await expect(filtersButton).toHaveAttribute('aria-expanded', 'true');
    await expect(d.search).toBeVisible();
    const sheet = (await d.filters.boundingBox())!;
    expect(sheet.y + sheet.height).toBeGreaterThan(800); // anchored to the foot of the screen
    await d.search.fill('aid');
    await d.search.press('Enter');
    await d.expectShowing(4, 7);
    await d.filters.getByRole('button', { name: 'Close the filters drawer' }).tap();
    await expect(d.filters).toBeHidden();
    await expect(d.timeline).toBeVisible();
  });

  test('the map is a tab beside the timeline, in its place, and in the link as the map switch', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    // A dataset without coordinates has no map tab.
    await d.open();
    await d.expectShowing(7, 7);
    await expect(page.getByRole('tablist')).toHaveCount(0);

    await d.open(`data=${encodeURIComponent(`${FIXTURES}/places.json`)}`);
    await expect(d.status).toHaveText(/^Showing \d/);
    const tabs = page.getByRole('tablist', { name: 'Timeline or map' });
    const timelineTab = tabs.getByRole('tab', { name: 'Timeline' });
    const mapTab = tabs.getByRole('tab', { name: 'Map' });
    await expect(timelineTab).toHaveAttribute('aria-selected', 'true');
    await expect(mapTab).toHaveAttribute('aria-selected', 'false');
    const map = page.getByRole('region', { name: 'Map' });
    await expect(map).toHaveCount(0);
    const timelineBox = (await d.timeline.boundingBox())!;
    // The tabs sit above the timeline.
    expect((await tabs.boundingBox())!.y).toBeLessThan(timelineBox.y);

    // Arrow keys move between the tabs, as in any tablist; the map takes the timeline's place.
    await timelineTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(mapTab).toHaveAttribute('aria-selected', 'true');
    await expect(mapTab).toBeFocused();
    await expect.poll(() => d.params().get('geo')).toBe('1');
    await expect(map).toBeVisible();
    await expect(d.timeline).toBeHidden();
    const mapBox = (await map.boundingBox())!;
    expect(Math.abs(mapBox.y - timelineBox.y)).toBeLessThan(4);
    expect(mapBox.height).toBeGreaterThanOrEqual(0.4 * 844);

    // A link with the map switch on opens on the Map tab.
    await page.reload();
    await expect(mapTab).toHaveAttribute('aria-selected', 'true');
    await expect(map).toBeVisible();

    await mapTab.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(timelineTab).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => d.params().get('geo')).toBeNull();
    await expect(d.timeline).toBeVisible();
    await expect(map).toHaveCount(0);
    await mapTab.tap();
    await expect(map).toBeVisible();
  });
});
