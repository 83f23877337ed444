import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

test.describe('shareable URLs', () => {
  test('a copied link reopens exactly the same view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const d = new Dashboard(page);
    await d.open();
    await d.filters.getByLabel('Group timeline lanes by').selectOption('actor');
    await d.entityCheckbox('United States').check();
    await d.search.fill('aid');
    await d.expectShowing(2, 7);
    await d.timeline.getByRole('button', { name: 'Zoom in' }).click();
    await d.windowFromUrl();
    await d.eventRows().filter({ hasText: 'Funding, weapon systems' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Asia/Tokyo');
    await page.getByRole('combobox', { name: 'Time zone' }).press('Enter');
    await (await d.shareMenu()).getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());

    const other = await context.newPage();
    const d2 = new Dashboard(other);
    await other.goto(link);
    await d2.expectShowing(2, 7);
    const win = async (p: typeof page) =>
      p.evaluate(() => {
        const u = new URL(location.href);
        return [u.searchParams.get('from'), u.searchParams.get('to')];
      });
    expect(await win(other)).toEqual(await win(page));
    await expect(d2.filters.getByText('actor United States')).toBeVisible();
    await expect(d2.filters.getByText('text “aid”')).toBeVisible();
    await expect(d2.chart.laneLabels('United States')).toBeVisible();
    await expect(
      d2.details.getByRole('heading', { name: /Funding, weapon systems/ }),
    ).toBeVisible();
    await expect(other.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Asia/Tokyo');
    // The restored visible window matches to the second: read vis-timeline's own window on both pages.
    const visWindow = (p: typeof page) =>
      p
        .locator('.cs-timeline')
        .evaluate((el) => [
          Number((el as HTMLElement).dataset.windowStart),
          Number((el as HTMLElement).dataset.windowEnd),
        ]);
    await expect.poll(() => visWindow(other)).toEqual(await visWindow(page));
    const [a, b] = await visWindow(other);
    expect(Math.abs(a! - Date.parse((await win(page))[0]!))).toBeLessThan(1000);
    expect(Math.abs(b! - Date.parse((await win(page))[1]!))).toBeLessThan(1000);
  });

  test('Back and Forward walk through discrete changes', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.entityCheckbox('John Kirby').check();
    await d.expectShowing(2, 7);
    await d.filters.getByLabel('Group timeline lanes by').selectOption('type');
    await expect.poll(() => d.params().get('group')).toBe('type');
    await page.goBack();
    await expect.poll(() => d.params().get('group')).toBeNull();
    await d.expectShowing(2, 7);
    await page.goBack();
    await d.expectShowing(7, 7);
    await page.goForward();
    await d.expectShowing(2, 7);
    await page.goForward();
    await expect.poll(() => d.params().get('group')).toBe('type');
  });

  test('a link with garbage parameters opens with a notice, not an error', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(
      'group=sideways&from=yesterday&to=2024&tz=Mars%2FBase&prec=fortnight&utm_source=mail&actor=ghost&q=aid',
    );
    // The stale actor is shown as a chip and ignored for matching; the text query applies.
    await d.expectShowing(4, 7);
    const notes = page.getByRole('note', { name: 'Link notices' });
    await expect(notes).toContainText('grouping "sideways"');
    await expect(notes).toContainText('time window');
    await expect(notes).toContainText('time zone "Mars/Base"');
    await expect(notes).toContainText('utm_source');
    await expect(d.filters.getByText('actor ghost (not in this dataset)')).toBeVisible();
    // The address was rewritten to what was understood.
    expect(d.params().get('group')).toBeNull();
    expect(d.params().get('actor')).toBe('ghost');
    await notes.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notes).toBeHidden();
  });

  test('a link to an event that is not in the dataset says so', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open('event=nope');
    await expect(d.details).toContainText('“nope” is not in this dataset');
  });

  test('the time zone changes how dates read', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine&tz=Asia%2FTokyo&event=147997');
    await expect(d.details).toContainText('22 Jan 2014');
  });

  test('saved views survive a reload, and can be renamed, opened and deleted', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open('actor=john-kirby&group=actor');
    await d.expectShowing(2, 7);
    await (await d.shareMenu()).getByRole('button', { name: 'Saved views' }).click();
    const dialog = page.getByRole('dialog', { name: 'Saved views' });
    await dialog.getByLabel('Name for the current view').fill('Kirby lanes');
    await dialog.getByRole('button', { name: 'Save current view' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Saved “Kirby lanes”');
    await page.reload();
    await d.open();
    await d.expectShowing(7, 7);
    await (await d.shareMenu()).getByRole('button', { name: 'Saved views' }).click();
    page.once('dialog', (p) => void p.accept('Kirby by actor'));
    await dialog.getByRole('button', { name: 'Rename Kirby lanes' }).click();
    await dialog.getByRole('link', { name: 'Kirby by actor' }).click();
    await d.expectShowing(2, 7);
    expect(d.params().get('group')).toBe('actor');
    await (await d.shareMenu()).getByRole('button', { name: 'Saved views' }).click();
    await dialog.getByRole('button', { name: 'Delete Kirby by actor' }).click();
    await expect(dialog.getByText('No saved views yet.')).toBeVisible();
  });
});
