import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

test('exports the filtered view as JSON that re-imports to the same events, and as CSV', async ({
  page,
}) => {
  const d = new Dashboard(page);
  // The event table is drawn a frame or two after the status line: wait for its rows, then read every title.
  const titlesShown = async () => {
    await expect(d.eventRows()).toHaveCount(2);
    return d.eventRows().locator('.cs-col-title').allTextContents();
  };
  await d.open('actor=john-kirby');
  await d.expectShowing(2, 7);
  const titles = await titlesShown();
  expect(titles).toHaveLength(2);

  await d.exportMenu();
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
  expect(await titlesShown()).toEqual(titles);
  await expect(d.chart.points()).toHaveCount(2);

  await d.exportMenu();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '2 events as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe(
    'id,title,start,end,precision,approximate,type,actors,location,lat,lon,tags,description,source_urls,source_titles,place_precision',
  );
  expect(lines).toHaveLength(3);

  // The CSV reads back as Chronoscope CSV, to the same events.
  await d.open('actor=john-kirby');
  await d.expectShowing(2, 7);
  await page.getByLabel('Open a dataset file').setInputFiles({
    name: 'export.csv',
    mimeType: 'text/csv',
    buffer: readFileSync((await csv.path())!),
  });
  await d.expectShowing(2, 2);
  await expect(page.getByRole('banner')).toContainText('Chronoscope CSV');
  expect(await titlesShown()).toEqual(titles);
  await d.eventRows().first().click();
  await expect(d.details).toContainText('John Kirby');
});

test('exports the timeline as a PNG with its caption, under the CSP', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  const d = new Dashboard(page);
  await d.open('actor=john-kirby');
  await d.expectShowing(2, 7);
  await d.exportMenu();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Timeline as PNG image' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(
    /^us-ukraine-defence-coordination-december-2023-\d{4}-\d{2}-\d{2}\.png$/,
  );
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const box = (await d.timeline.locator('.cs-timeline').boundingBox())!;
  // Drawn at twice the on-screen size, with the caption above.
  expect(width).toBe(Math.round(box.width) * 2);
  expect(height).toBeGreaterThan(Math.round(box.height) * 2);
  // Not a blank image: the picture has the items' colours and the caption's text in it.
  const colours = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7)
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  }, bytes.toString('base64'));
  expect(colours).toBeGreaterThan(20);
  expect(violations).toEqual([]);
  await expect(page.getByText('Timeline image saved')).toBeVisible();
});
