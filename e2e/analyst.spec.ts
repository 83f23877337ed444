import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

test.describe("the analyst's layer", () => {
  test('stars and a note survive a reload; starred=1 shows the starred events', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open('event=kirby-frozen-assets');
    const notes = d.details.getByRole('region', { name: 'Your notes' });
    const star = notes.getByRole('button', { name: 'Star' });
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await star.click();
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    await notes.getByLabel('Note').fill('Compare with the <b>Treasury</b> line on REPO');
    await notes.getByLabel('Analyst tag').fill('assets');
    await notes.getByRole('button', { name: 'Add tag' }).click();
    await expect(notes.getByRole('list', { name: 'Analyst tags' })).toHaveText(/assets/);
    // A second star from the keyboard, on another event.
    await d.eventRows().filter({ hasText: 'Kirby: the administration awaits Congress' }).click();
    await page.locator('body').press('s');
    await expect(
      d.details.getByRole('region', { name: 'Your notes' }).getByRole('button', { name: 'Star' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await d.onFilterControl(/Starred/);
    await expect(d.filters.locator('.cs-starred-filter .cs-count')).toHaveText('2');

    await page.reload();
    await d.expectShowing(7, 7);
    await d.onFilterControl(/Starred/, (c) => c.check({ timeout: 1_000 }));
    await d.expectShowing(2, 7);
    expect(d.params().get('starred')).toBe('1');
    await expect(d.filters.getByText('starred', { exact: true })).toBeVisible();
    await expect(d.eventRows().getByRole('img', { name: 'starred' })).toHaveCount(2);

    await d.open('event=kirby-frozen-assets');
    const back = d.details.getByRole('region', { name: 'Your notes' });
    await expect(back.getByLabel('Note')).toHaveValue(
      'Compare with the <b>Treasury</b> line on REPO',
    );
    await expect(back.locator('b')).toHaveCount(0);
    await expect(d.eventRows().getByRole('img', { name: 'has a note' })).toHaveCount(1);
    // The note is searchable, and the analyst tag filters like any facet.
    await d.search.fill('Treasury');
    await d.search.press('Enter');
    await d.expectShowing(1, 7);
    await d.open('atag=assets');
    await d.expectShowing(1, 7);
    await expect(d.filters.getByText('analyst tag assets')).toBeVisible();
  });
});

test('the layer goes to a colleague as one file and merges into theirs', async ({
  page,
  browser,
}) => {
  const d = new Dashboard(page);
  await d.open('event=kirby-frozen-assets');
  const notes = d.details.getByRole('region', { name: 'Your notes' });
  await notes.getByRole('button', { name: 'Star' }).click();
  await notes.getByLabel('Note').fill('mine');
  await notes.getByLabel('Note').blur();
  await d.exportMenu();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Your notes and stars (JSON)' }).click(),
  ]);
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/notes\.chronoscope-layer\.json$/);

  // A colleague, in another browser profile, with a different note on the same event.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  const d2 = new Dashboard(p2);
  await d2.open('event=kirby-frozen-assets');
  const theirs = d2.details.getByRole('region', { name: 'Your notes' });
  await theirs.getByLabel('Note').fill('theirs');
  await theirs.getByLabel('Note').blur();
  await d2.exportMenu();
  await p2.getByLabel('Layer file to import').setInputFiles(file);
  await expect(p2.getByText(/Imported .*1 differing notes kept both ways/)).toBeVisible();
  await expect(theirs.getByRole('button', { name: 'Star' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(theirs.getByLabel('Note')).toHaveValue('theirs\n\n— imported note —\nmine');
  // A file that is not a layer is refused with the reason; nothing changes.
  await d2.exportMenu();
  await p2.getByLabel('Layer file to import').setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"version":9,"annotations":{}}'),
  });
  await expect(p2.getByText('evil.json was not imported: unknown layer version 9.')).toBeVisible();
  await other.close();
});
