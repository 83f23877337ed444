import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

const SHARED = '../shared/datasets';
const FILES: [string, string, number][] = [
  ['timelinejs/republican-primaries-2012.json', 'TimelineJS JSON', 13],
  ['timelinejs/women_in_computing.json', 'TimelineJS JSON', 10],
  ['timelinejs/eras.json', 'TimelineJS JSON', 20],
  ['timelinejs/cosmo-mixed.json', 'TimelineJS JSON', 11],
  ['timelinejs/marktwain.json', 'TimelineJS JSON', 17],
  ['timesketch/evtx_part.csv', 'Timesketch CSV', 13],
  ['timesketch/sigma_events.jsonl', 'Timesketch JSONL', 5],
  ['ucdp-ged-ukraine/UCDP-Ukraine.csv', 'UCDP GED CSV', 3883],
];

test.describe('the real files in shared/datasets', () => {
  for (const [file, format, count] of FILES) {
    test(`${file} loads by ?data= and by drag-and-drop`, async ({ page }) => {
      const d = new Dashboard(page);
      await d.open(`data=${encodeURIComponent(`${FIXTURES}/shared/${file}`)}`);
      await d.expectShowing(count, count);
      await expect(page.getByRole('banner')).toContainText(format);
      await d.open();
      await d.expectShowing(7, 7);
      const bytes = readFileSync(`${SHARED}/${file}`);
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
      readFileSync('src/data/importers/testdata/acled-sample.csv', 'utf8'),
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
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/shared/timelinejs/eras.json`)}`);
    await d.expectShowing(20, 20);
    await expect(
      d.timeline.locator('.vis-item.vis-background.cs-period', { hasText: 'Era Test 650-700' }),
    ).toBeVisible();
  });

  test('TimelineJS HTML arrives as plain text with its links as sources', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(
      `data=${encodeURIComponent(`${FIXTURES}/shared/timelinejs/republican-primaries-2012.json`)}&event=event-2`,
    );
    await expect(d.details.getByRole('heading', { name: 'New Hampshire' })).toBeVisible();
    await expect(
      d.details.getByRole('region', { name: 'Sources' }).getByRole('link').first(),
    ).toHaveAttribute('href', /nytimes\.com/);
    await expect(d.details).not.toContainText('<a href');
  });
});
