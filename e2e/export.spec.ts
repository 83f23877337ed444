import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

test('exports the filtered view as JSON that re-imports to the same events, and as CSV', async ({
  page,
}) => {
  const d = new Dashboard(page);
  await d.open('actor=john-kirby');
  await d.expectShowing(2, 7);
  const titles = await d.eventRows().getByRole('cell').nth(1).allTextContents();

  await page.getByText('Export', { exact: true }).click();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '2 events as Chronoscope JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(
    /^us-ukraine-defence-coordination-december-2023-\d{4}-\d{2}-\d{2}\.json$/,
  );
  const doc = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(doc.exported.view).toContain('actor=john-kirby');
  expect(doc.events.map((e: { id: string }) => e.id).sort()).toEqual([
    'kirby-congress-aid',
    'kirby-frozen-assets',
  ]);

  await page.getByLabel('Open a dataset file').setInputFiles({
    name: 'export.json',
    mimeType: 'application/json',
    buffer: readFileSync((await json.path())!),
  });
  await d.expectShowing(2, 2);
  expect(await d.eventRows().getByRole('cell').nth(1).allTextContents()).toEqual(titles);
  await expect(d.timeline.locator('.vis-item.vis-point.cs-shape-point')).toHaveCount(2);

  await page.getByText('Export', { exact: true }).click();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '2 events as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe(
    'id,title,start,end,precision,approximate,type,actors,location,lat,lon,tags,description,source_urls,source_titles',
  );
  expect(lines).toHaveLength(3);
});
