import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

test.describe('loading datasets', () => {
  test('opens on the bundled sample with every region and the status line', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    await expect(page.getByRole('heading', { level: 1, name: 'Chronoscope' })).toBeVisible();
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: 'US–Ukraine defence coordination, December 2023',
      }),
    ).toBeVisible();
    for (const region of [d.filters, d.timeline, d.entities, d.events])
      await expect(region).toBeVisible();
    // The details take room only while an event is selected.
    await expect(d.details).toBeHidden();
    await expect(d.entityCheckbox('John Kirby')).toBeVisible();
    await expect(d.entities.getByLabel('2 matching events').first()).toBeVisible();
  });

  test('the chosen theme is kept across a reload', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    const html = page.locator('html');
    await expect(html).not.toHaveAttribute('data-theme', /./);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await d.expectShowing(7, 7);
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
  });

  test('loads the bundled UCDP dataset by id, through the Datasets menu, and by relative path', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine');
    await d.expectShowing(3883, 3883);
    await expect(
      page.getByRole('heading', { level: 2, name: /UCDP GED: organised violence in Ukraine/ }),
    ).toBeVisible();

    await d.open();
    await d.expectShowing(7, 7);
    await page.getByText('Datasets', { exact: true }).click();
    await page.getByRole('button', { name: /UCDP GED/ }).click();
    await d.expectShowing(3883, 3883);
    expect(d.params().get('data')).toBe('ucdp-ukraine');

    await d.open('data=data/austin-umerov.json');
    await d.expectShowing(7, 7);

    // Load from URL takes what ?data= takes, a relative path included.
    await d.loadFromUrl('data/ucdp-ukraine.json');
    await d.expectShowing(3883, 3883);
    expect(d.params().get('data')).toBe('data/ucdp-ukraine.json');
  });

  test('loads an absolute http(s) URL with CORS', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/partial.json`)}`);
    await d.expectShowing(3, 3);
  });

  test('a partial load shows the valid events and a report of each rejected one', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/partial.json`)}`);
    await d.expectShowing(3, 3);
    await page.getByRole('button', { name: '6 events skipped' }).click();
    const dialog = page.getByRole('dialog', { name: 'Validation report' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('3 of 9 records loaded');
    for (const reason of [
      'missing id',
      'missing title',
      'unreadable start',
      'end 2023-12-01 is before start',
      'lat without lon',
      'duplicate id "ok-1"',
    ]) {
      await expect(dialog.getByRole('cell', { name: new RegExp(reason) })).toBeVisible();
    }
    await expect(dialog.getByRole('row', { name: /^4 bad-start skipped/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('drops a file onto the page to open it', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    await d.dropFile(
      'dropped.json',
      JSON.stringify({
        title: 'Dropped file',
        events: [{ id: 'd1', title: 'Dropped event', start: '2024-02-24' }],
      }),
    );
    await d.expectShowing(1, 1);
    await expect(page.getByText('Dropped file')).toBeVisible();
    expect(d.params().get('data')).toBe('local:dropped.json');
  });

  test('opens a file with the file picker', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await page.getByLabel('Open a dataset file').setInputFiles({
      name: 'picked.json',
      mimeType: 'application/json',
      buffer: readFileSync('e2e/fixtures/partial.json'),
    });
    await d.expectShowing(3, 3);
  });
});

test.describe('fatal errors name the problem and offer a way on', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', `${FIXTURES}/not-json.json`, /not valid JSON: syntax error at line 3, column/],
    ['truncated JSON', `${FIXTURES}/truncated.json`, /not valid JSON/],
    ['no events', `${FIXTURES}/no-events.json`, /no "events" list/],
    ['a 404', `${FIXTURES}/missing.json`, /answered 404/],
    ['no CORS', `${FIXTURES}/no-cors/partial.json`, /CORS/],
    ['javascript: URL', 'javascript:alert(1)', /refuses to load "javascript:" addresses/],
  ];
  for (const [name, data, message] of cases) {
    test(name, async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', () => dialogs++);
      const d = new Dashboard(page);
      await d.open(`data=${encodeURIComponent(data)}`);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(message);
      await expect(alert.getByRole('heading', { name: /Could not load/ })).toBeVisible();
      // Opened cold, there is no earlier view of the app to go back to.
      await expect(alert.getByRole('button', { name: 'Back to the previous view' })).toHaveCount(0);
      await alert.getByRole('button', { name: 'Open the sample dataset' }).click();
      await d.expectShowing(7, 7);
      expect(dialogs).toBe(0);
    });
  }
});

test('a dataset that fails to load inside the app offers the way back to the view before', async ({
  page,
}) => {
  const d = new Dashboard(page);
  await d.open('data=ucdp-ukraine');
  await d.entityCheckbox('Civilians').check();
  await d.expectShowing(6, 3883);
  await d.loadFromUrl(`${FIXTURES}/missing.json`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/answered 404/);
  await alert.getByRole('button', { name: 'Back to the previous view' }).click();
  await d.expectShowing(6, 3883);
  expect(d.params().get('data')).toBe('ucdp-ukraine');
});
