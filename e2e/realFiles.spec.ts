import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

/**
 * Files in the shapes analysts' exports take (fixtures/files): each opens by ?data= and by drop and, through the
 * column mapping's first guess where no format is detected, loads every dated row.
 */
const FILES: [file: string, loaded: number, total: number, mapped: boolean][] = [
  ['acled-dayfirst-midnight.csv', 4, 5, false],
  ['compact-iso.csv', 4, 5, true],
  ['id-before-date.csv', 5, 5, true],
  ['duplicate-ids.csv', 4, 5, true],
  ['multi-values.csv', 3, 3, true],
  ['coordinates.csv', 4, 4, true],
  ['council-minutes.tab', 3, 3, true],
  ['excel-serials.csv', 3, 3, true],
  ['events.jsonl', 4, 7, false],
  ['gdelt-20231221.export.CSV', 7, 8, false],
  ['gdelt-bigquery.csv', 3, 3, false],
  ['aid-deliveries.xlsx', 4, 5, true],
];

/** The column-mapping dialog of a file, opened by drop (its name) or by link (its address). */
const mappingDialog = (page: Page, name: string) =>
  page.getByRole('dialog', {
    name: new RegExp(`^Map the columns of (.*/)?${name.replace(/[.]/g, '\\.')}$`),
  });

/** Presses Import on the mapping dialog's first guess. */
async function importAsGuessed(page: Page, name: string) {
  const dialog = mappingDialog(page, name);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Import' }).click();
}

async function expectReport(page: Page, loaded: number, total: number) {
  if (loaded === total) return;
  const skipped = total - loaded;
  await page
    .getByRole('button', { name: `${skipped} event${skipped > 1 ? 's' : ''} skipped` })
    .click();
  const report = page.getByRole('dialog', { name: 'Validation report' });
  await expect(report).toContainText(`${loaded} of ${total} rows loaded; ${skipped} skipped`);
  await page.keyboard.press('Escape');
}

test.describe('real-shaped exports (fixtures/files)', () => {
  for (const [file, loaded, total, mapped] of FILES) {
    test(`${file}: by ?data= and by drop, every dated row`, async ({ page }) => {
      const d = new Dashboard(page);
      await d.open(`data=${encodeURIComponent(`${FIXTURES}/files/${file}`)}`);
      if (mapped) await importAsGuessed(page, file);
      await d.expectShowing(loaded, loaded);
      await expectReport(page, loaded, total);

      await d.open();
      await d.expectShowing(7, 7);
      await d.dropFile(file, readFileSync(`fixtures/files/${file}`), 'text/csv');
      if (mapped) await importAsGuessed(page, file);
      await d.expectShowing(loaded, loaded);
      await expect(page.getByRole('heading', { level: 2 }).first()).not.toContainText('.tab');
    });
  }

  test('a day-first ACLED date with a midnight placeholder stays on its day in New York', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(
      `data=${encodeURIComponent(`${FIXTURES}/files/acled-dayfirst-midnight.csv`)}&tz=America/New_York&event=XYZ2002`,
    );
    await expect(d.details).toContainText('7 Oct 2023');
    await expect(d.details).not.toContainText('6 Oct');
    await expect(d.details).not.toContainText('20:00');
  });

  test('a detected format that rejects most rows offers the column mapping, which reads them', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/files/acled-monthfirst.csv`)}`);
    const notice = page.getByRole('alert').filter({ hasText: 'Only 0 of 4 rows' });
    await expect(notice).toContainText('ACLED');
    await notice.getByRole('button', { name: 'Read it through the column mapping' }).click();
    expect(d.params().get('fmt')).toBe('csv');
    const dialog = page.getByRole('dialog', { name: /Map the columns of/ });
    await expect(dialog.getByLabel('Date (required)')).toHaveValue('event_date');
    await expect(dialog.getByRole('radio', { name: /Month first/ })).toBeChecked();
    await expect(dialog).toContainText('Every time in the first rows is 00:00');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await d.expectShowing(4, 4);
    await expect(page.getByRole('alert').filter({ hasText: 'rows could be read' })).toHaveCount(0);
  });

  test('rows sharing an id: kept with unique ids by default, or every row, or the first', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.dropFile('duplicate-ids.csv', readFileSync('fixtures/files/duplicate-ids.csv', 'utf8'));
    const dialog = mappingDialog(page, 'duplicate-ids.csv');
    const choice = dialog.getByRole('group', { name: 'Rows that share an id' });
    await expect(choice).toContainText('Some of the first rows share an id (A-1, A-2)');
    await choice.getByRole('radio', { name: 'Keep every row (ids made unique)' }).check();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await d.expectShowing(5, 5);
    expect(d.params().get('map')).toContain('"duplicates":"keep"');
    await d.search.fill('different event');
    await d.expectShowing(1, 5);
  });

  test('coordinates from lat/lon columns reach the details and the CSV export', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/files/coordinates.csv`)}`);
    const dialog = mappingDialog(page, 'coordinates.csv');
    await expect(dialog.getByRole('combobox', { name: 'Latitude', exact: true })).toHaveValue(
      'lat',
    );
    await expect(dialog.getByRole('combobox', { name: 'Longitude', exact: true })).toHaveValue(
      'lon',
    );
    await expect(dialog.getByRole('table')).toContainText('Riverside (50.1, 11.0)');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await d.expectShowing(4, 4);
    await d.eventRows().filter({ hasText: 'Evacuation begins' }).click();
    await expect(d.details).toContainText('Lowtown');
    await expect(d.details).toContainText('49.9500');
    await expect(d.details).not.toContainText('Other fields');

    await d.exportMenu();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '4 events as CSV' }).click(),
    ]);
    const rows = readFileSync((await csv.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(rows.find((r) => r.startsWith('C-2,'))).toContain(',49.95,10.85,');
  });

  test('several source URLs in one cell become several links', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/files/multi-values.csv`)}&event=MV-1`);
    const dialog = mappingDialog(page, 'multi-values.csv');
    await expect(dialog.getByLabel('Several source URLs in one cell, separated by')).toHaveValue(
      '|',
    );
    await dialog.getByRole('button', { name: 'Import' }).click();
    const sources = d.details.getByRole('region', { name: 'Sources' });
    await expect(sources.getByRole('link')).toHaveCount(2);
    await expect(sources.getByRole('link').first()).toHaveAttribute(
      'href',
      'https://example.org/a',
    );
  });

  test('a workbook with several sheets: the sheet picker, and the link reads the same sheet', async ({
    page,
    context,
  }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/files/aid-deliveries.xlsx`)}`);
    const dialog = mappingDialog(page, 'aid-deliveries.xlsx');
    await expect(dialog.getByLabel('Date (required)')).toHaveValue('Delivery date');
    await expect(dialog.getByRole('table')).toContainText('15 Jan 2024');
    await dialog.getByRole('combobox', { name: 'Sheet' }).selectOption('Meetings');
    await expect(dialog.getByLabel('Date (required)')).toHaveValue('When');
    await expect(dialog.getByRole('table')).toContainText('Donor coordination call');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await d.expectShowing(2, 2);
    expect(d.params().get('map')).toContain('"sheet":"Meetings"');

    // A colleague opening the link gets the same events, without the dialog.
    const colleague = new Dashboard(await context.newPage());
    await colleague.page.goto(page.url());
    await colleague.expectShowing(2, 2);
    await expect(colleague.eventRows().first()).toContainText('Donor coordination call');
  });

  const HOSTILE: [file: string, message: RegExp][] = [
    ['zip-bomb.xlsx', /unpacks to more than 256 MB/],
    ['truncated.xlsx', /cut short or damaged/],
    ['old-binary.xls', /Excel 97–2003 workbook \(\.xls\)/],
  ];
  for (const [file, message] of HOSTILE) {
    test(`a hostile or wrong workbook (${file}) by link and by drop: a message, the view kept`, async ({
      page,
    }) => {
      const d = new Dashboard(page);
      await d.open(`data=${encodeURIComponent(`${FIXTURES}/${file}`)}`);
      await expect(page.getByRole('alert')).toContainText(message);

      await d.open();
      await d.expectShowing(7, 7);
      await d.dropFile(file, readFileSync(`e2e/fixtures/${file}`), 'application/octet-stream');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(message);
      await alert.getByRole('button', { name: 'Back to the previous view' }).click();
      await d.expectShowing(7, 7);
    });
  }

  test('a JSON Lines file with a 10 MB line loads the other lines and reports that one', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    const lines = [
      '{"id":"a","title":"Before","start":"2024-01-01"}',
      `{"id":"big","title":"Huge","start":"2024-01-02","description":"${'x'.repeat(10 * 2 ** 20)}"}`,
      '{"id":"b","title":"After","start":"2024-01-03"}',
    ];
    await d.dropFile('long-line.jsonl', lines.join('\n'));
    await d.expectShowing(2, 2);
    await expectReport(page, 2, 3);
  });

  test('events exported as JSON Lines read back as the same events', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/files/gdelt-20231221.export.CSV`)}`);
    await d.expectShowing(7, 7);
    await d.exportMenu();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '7 events as JSON Lines' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(8);
    await d.dropFile('gdelt.jsonl', text);
    await d.expectShowing(7, 7);
    await expect(page.getByText('Chronoscope JSON Lines', { exact: false }).first()).toBeVisible();
    await d.eventRows().filter({ hasText: 'Fight: RUSSIAN MILITARY' }).click();
    await expect(d.details).toContainText('Odesa');
    await expect(d.details).toContainText('Material conflict');
  });
});
