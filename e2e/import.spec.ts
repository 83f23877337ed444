import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

const THIRD_PARTY = 'fixtures/third-party';
const FILES: [string, string, number][] = [
  ['timelinejs/republican-primaries-2012.json', 'TimelineJS JSON', 13],
  ['timelinejs/women_in_computing.json', 'TimelineJS JSON', 10],
  ['timelinejs/eras.json', 'TimelineJS JSON', 20],
  ['timelinejs/cosmo-mixed.json', 'TimelineJS JSON', 11],
  ['timelinejs/marktwain.json', 'TimelineJS JSON', 17],
  ['timesketch/evtx_part.csv', 'Timesketch CSV', 13],
  ['timesketch/sigma_events.jsonl', 'Timesketch JSONL', 5],
  ['ucdp-ged-ukraine/UCDP-Ukraine.csv', 'UCDP GED CSV', 3883],
  ['timesketch/edge-cases/invalid_datetime.csv', 'Timesketch CSV', 3],
  ['timesketch/edge-cases/validate_no_datetime_timestamps.csv', 'Timesketch CSV', 5],
  ['timesketch/edge-cases/validate_time_out_of_range.csv', 'Timesketch CSV', 2],
  ['timesketch/edge-cases/validate_time_precision.csv', 'Timesketch CSV', 2],
  ['timesketch/edge-cases/csv_timestamp_as_datetime.csv', 'Timesketch CSV', 4],
  ['timesketch/edge-cases/validate_time_precision_jsonl.jsonl', 'Timesketch JSONL', 2],
  ['timesketch/edge-cases/large_field_event.jsonl', 'Timesketch JSONL', 3],
];

test.describe('the real files from public projects (fixtures/third-party)', () => {
  for (const [file, format, count] of FILES) {
    test(`${file} loads by ?data= and by drag-and-drop`, async ({ page }) => {
      const d = new Dashboard(page);
      await d.open(`data=${encodeURIComponent(`${FIXTURES}/third-party/${file}`)}`);
      await d.expectShowing(count, count);
      await expect(page.getByRole('banner')).toContainText(format);
      await d.open();
      await d.expectShowing(7, 7);
      const bytes = readFileSync(`${THIRD_PARTY}/${file}`);
      // Drop the raw bytes (Windows-1252 stays Windows-1252).
      const dt = await page.evaluateHandle(
        ([name, b64]) => {
          const bin = atob(b64);
          const arr = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
          const t = new DataTransfer();
          t.items.add(new File([arr], name));
          return t;
        },
        [file.split('/').pop()!, bytes.toString('base64')] as const,
      );
      await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
      await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
      await d.expectShowing(count, count);
    });
  }

  test('an ACLED export drops in; its report names the bad CSV row', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.dropFile(
      'acled.csv',
      readFileSync('fixtures/files/acled-sample.csv', 'utf8'),
      'text/csv',
    );
    await d.expectShowing(3, 3);
    await expect(page.getByRole('banner')).toContainText('ACLED CSV');
    await page.getByRole('button', { name: '1 event skipped' }).click();
    const report = page.getByRole('dialog', { name: 'Validation report' });
    await expect(report.getByRole('columnheader', { name: 'Row' })).toBeVisible();
    await expect(
      report.getByRole('row', { name: /^5 UKR1004 skipped .*day 31 does not exist/ }),
    ).toBeVisible();
  });

  test('TimelineJS eras are drawn as labelled background periods', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/third-party/timelinejs/eras.json`)}`);
    await d.expectShowing(20, 20);
    await expect(d.chart.period('Era Test 650-700')).toBeVisible();
  });

  test('TimelineJS HTML arrives as plain text with its links as sources', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(
      `data=${encodeURIComponent(`${FIXTURES}/third-party/timelinejs/republican-primaries-2012.json`)}&event=event-2`,
    );
    await expect(d.details.getByRole('heading', { name: 'New Hampshire' })).toBeVisible();
    await expect(
      d.details.getByRole('region', { name: 'Sources' }).getByRole('link').first(),
    ).toHaveAttribute('href', /nytimes\.com/);
    await expect(d.details).not.toContainText('<a href');
  });
});

test.describe('generic CSV through the column-mapping dialog', () => {
  const CSV = readFileSync('fixtures/files/generic-aid.csv', 'utf8');

  test('drop, check the preview, import; the link reopens the same events; the mapping is remembered', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    await d.dropFile('generic-aid.csv', CSV, 'text/csv');
    const dialog = page.getByRole('dialog', { name: 'Map the columns of generic-aid.csv' });
    await expect(dialog).toBeVisible();
    // The guess, as an analyst would choose it.
    await expect(dialog.getByLabel('Date (required)')).toHaveValue('When');
    await expect(dialog.getByLabel('Title')).toHaveValue('Headline');
    await expect(dialog.getByRole('checkbox', { name: 'Who' })).toBeChecked();
    const preview = dialog.getByRole('table', { name: /How the first 5 rows will read/ });
    await expect(preview.getByRole('row').nth(3)).toContainText('21 Dec 2023, 14:05 UTC');
    await expect(preview.getByRole('row').nth(3)).toContainText('Lloyd Austin · Rustem Umerov');
    await expect(preview.getByRole('row').nth(4)).toContainText('Not read');
    // Month first would misread the day-first dates: the preview says so before anything is imported.
    await dialog.getByRole('radio', { name: /Month first/ }).check();
    await expect(preview.getByRole('row').nth(3)).toContainText('Not read');
    await expect(preview.getByRole('row').nth(1)).toContainText('12 May 2023');
    await dialog.getByRole('radio', { name: /Day first/ }).check();
    await expect(preview.getByRole('row').nth(1)).toContainText('5 Dec 2023');
    await dialog.getByRole('button', { name: 'Import' }).click();

    await d.expectShowing(4, 4);
    await expect(page.getByRole('banner')).toContainText('CSV/TSV (generic)');
    expect(d.params().get('map')).toContain('"date":"When"');
    await page.getByRole('button', { name: '1 event skipped' }).click();
    const report = page.getByRole('dialog', { name: 'Validation report' });
    await expect(report.getByRole('row', { name: /^5 UA-004 skipped/ })).toBeVisible();
    await page.keyboard.press('Escape');

    // A colleague opening the same file by URL with this link's mapping gets the same events, no dialog.
    const map = d.params().get('map')!;
    await d.open(
      `data=${encodeURIComponent(`${FIXTURES}/files/generic-aid.csv`)}&map=${encodeURIComponent(map)}`,
    );
    await d.expectShowing(4, 4);
    await d.search.fill('Zelensky');
    await d.expectShowing(1, 4);

    // The same columns again: the dialog is filled in from memory.
    await d.open();
    await d.dropFile('generic-aid-copy.csv', CSV, 'text/csv');
    const again = page.getByRole('dialog', { name: 'Map the columns of generic-aid-copy.csv' });
    await expect(again).toContainText('Filled in from the mapping you used');
  });

  test('any file can be read as another format; a generic read asks for columns', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/third-party/timesketch/evtx_part.csv`)}`);
    await d.expectShowing(13, 13);
    await page.getByText('Datasets', { exact: true }).click();
    await page.getByLabel('Read the current file as').selectOption('csv');
    expect(d.params().get('fmt')).toBe('csv');
    const dialog = page.getByRole('dialog', { name: /Map the columns of/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Date (required)')).toHaveValue('datetime');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await d.expectShowing(13, 13);
    await expect(page.getByRole('banner')).toContainText('CSV/TSV (generic)');
    // Back to detection.
    await page.getByText('Datasets', { exact: true }).click();
    await page.getByLabel('Read the current file as').selectOption('');
    await expect(page.getByRole('banner')).toContainText('Timesketch CSV');
    expect(d.params().get('fmt')).toBeNull();
  });
});
