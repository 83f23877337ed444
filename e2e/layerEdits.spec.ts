import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

/** An entity's row in the entity list, by its name (the checkbox reads "name, type, N events"). */
function entityRow(d: Dashboard, name: string): Locator {
  const label = new RegExp(
    `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, (person|organization|group|place|unknown), `,
  );
  return d.entities
    .getByRole('listitem')
    .filter({ has: d.page.getByRole('checkbox', { name: label }) });
}

async function expectEntityCount(d: Dashboard, name: string, n: number) {
  await expect(entityRow(d, name).getByLabel(/matching events$/)).toHaveAttribute(
    'aria-label',
    `${n} matching events`,
  );
}

async function addEvent(d: Dashboard, page: Page) {
  await d.events.getByRole('button', { name: 'Add event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an event' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an added event is counted, searchable, kept over a reload, edited, and deleted with undo', async ({
  page,
}) => {
  const d = new Dashboard(page);
  await d.open();
  await d.expectShowing(7, 7);
  const dialog = await addEvent(d, page);
  const axe = await new AxeBuilder({ page })
    .include('dialog')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Nothing typed: the messages sit under the fields.
  await dialog.getByRole('button', { name: 'Add event' }).click();
  await expect(dialog.getByText('A title is needed.')).toBeVisible();
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Title', { exact: true })).toBeFocused();

  await dialog.getByLabel('Title', { exact: true }).fill('Strike on Odesa <b>harbour</b>');
  await dialog.getByLabel('Date').fill('March 2024');
  await expect(dialog.getByText('Reads as Mar 2024 (known to the month)')).toBeVisible();
  await dialog.getByLabel('Actor', { exact: true }).fill('ukraine');
  await dialog.getByRole('button', { name: 'Add actor' }).click();
  await dialog.getByLabel('Actor', { exact: true }).fill('Port authority');
  await dialog.getByRole('button', { name: 'Add actor' }).click();
  await expect(dialog.getByRole('list', { name: 'Actors of this event' })).toHaveText(
    /Ukraine.*Port authority \(new\)/,
  );
  await dialog.getByLabel('Link').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Add event' }).click();
  await expect(dialog.getByText('Only http:// and https:// links are kept.')).toBeVisible();
  await dialog.getByLabel('Link').fill('https://example.org/odesa');
  await dialog.getByLabel('Source title').fill('Port statement');
  // The new event is selected at once, before the join that draws it is ready: the details never call it missing.
  await page.evaluate(() => {
    const w = window as unknown as { saidMissing: boolean };
    w.saidMissing = false;
    new MutationObserver(() => {
      if (document.body.textContent?.includes('is not in this dataset')) w.saidMissing = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await dialog.getByRole('button', { name: 'Add event' }).click();
  await expect(dialog).toBeHidden();

  await d.expectShowing(8, 8);
  expect(
    await page.evaluate(() => (window as unknown as { saidMissing: boolean }).saidMissing),
  ).toBe(false);
  expect(d.params().get('event')).toMatch(/^added~/);
  const heading = d.details.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText('Strike on Odesa <b>harbour</b>');
  await expect(d.details.locator('b')).toHaveCount(0);
  await expect(d.details.getByText('Added by you')).toBeVisible();
  await expect(d.eventRows().getByRole('img', { name: 'added by you' })).toHaveCount(1);
  await expect(d.chart.addedMarks()).toHaveCount(1);
  // Counted in the facets: Ukraine is an actor of two dataset events and this one.
  await expectEntityCount(d, 'Ukraine', 3);
  // Found by the text search, as the dataset's events are.
  await d.search.fill('odesa');
  await d.search.press('Enter');
  await d.expectShowing(1, 8);
  const id = d.params().get('event')!;

  await page.reload();
  await d.expectShowing(1, 8);
  await expect(heading).toHaveText('Strike on Odesa <b>harbour</b>');
  // Filtered like any event: by an actor it names.
  await d.open('actor=ukraine');
  await d.expectShowing(3, 8);
  await d.open(`event=${encodeURIComponent(id)}`);
  await d.expectShowing(8, 8);

  await d.details.getByRole('button', { name: 'Edit event' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit your event' });
  await expect(edit.getByLabel('Date')).toHaveValue('2024-03');
  await edit.getByLabel('Title', { exact: true }).fill('Strike on Odesa port (edited)');
  await edit.getByRole('button', { name: 'Save event' }).click();
  await expect(heading).toHaveText('Strike on Odesa port (edited)');
  await d.expectShowing(8, 8);

  await d.details.getByRole('button', { name: 'Delete event' }).click();
  await d.expectShowing(7, 7);
  await expect(d.chart.addedMarks()).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await d.expectShowing(8, 8);
  await expect(heading).toHaveText('Strike on Odesa port (edited)');
});

test('the n key opens the form', async ({ page }) => {
  const d = new Dashboard(page);
  await d.open();
  await d.expectShowing(7, 7);
  await page.locator('body').press('n');
  await expect(page.getByRole('dialog', { name: 'Add an event' })).toBeVisible();
});

test('merging two actors combines their counts at once; unmerge and rename', async ({ page }) => {
  const d = new Dashboard(page);
  await d.open();
  await d.expectShowing(7, 7);
  await expectEntityCount(d, 'United States', 4);
  await expectEntityCount(d, 'John Kirby', 2);
  await d.entities.getByRole('button', { name: 'About John Kirby' }).click();
  const kirby = entityRow(d, 'John Kirby');
  await kirby.getByText('Curate this entity').click();
  await kirby.getByLabel('Merge into').fill('United States');
  await kirby.getByRole('button', { name: 'Merge', exact: true }).click();
  await expectEntityCount(d, 'United States', 5);
  await expect(d.entityCheckbox('John Kirby')).toHaveCount(0);
  // A link that names the merged actor still filters, as its target.
  await d.open('actor=john-kirby');
  await d.expectShowing(5, 7);

  await d.open();
  await d.entities.getByRole('button', { name: 'About United States' }).click();
  const us = entityRow(d, 'United States');
  await us.getByText('Curate this entity').click();
  await us.getByRole('button', { name: 'Unmerge John Kirby' }).click();
  await expectEntityCount(d, 'United States', 4);
  await expectEntityCount(d, 'John Kirby', 2);

  await us.getByLabel('Display name').fill('USA');
  await us.getByRole('button', { name: 'Rename' }).click();
  await expectEntityCount(d, 'USA', 4);
  await page.reload();
  await expectEntityCount(d, 'USA', 4);
});

test('added events and merges go to a colleague in the layer file', async ({ page, browser }) => {
  const d = new Dashboard(page);
  await d.open();
  await d.expectShowing(7, 7);
  const dialog = await addEvent(d, page);
  await dialog.getByLabel('Title', { exact: true }).fill('Found elsewhere');
  await dialog.getByLabel('Date').fill('2024-01');
  await dialog.getByRole('button', { name: 'Add event' }).click();
  await d.expectShowing(8, 8);
  await d.entities.getByRole('button', { name: 'About John Kirby' }).click();
  const kirby = entityRow(d, 'John Kirby');
  await kirby.getByText('Curate this entity').click();
  await kirby.getByLabel('Merge into').fill('United States');
  await kirby.getByRole('button', { name: 'Merge', exact: true }).click();
  await expectEntityCount(d, 'United States', 5);

  await d.exportMenu();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Your notes and stars (JSON)' }).click(),
  ]);
  const file = await download.path();
  // The view's JSON export holds the added event, and with the layer says which events were added.
  await d.exportMenu();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /events and my layer as Chronoscope JSON/ }).click(),
  ]);
  const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
  const found = doc.events.find((e: { title: string }) => e.title === 'Found elsewhere');
  expect(found.start).toBe('2024-01');
  expect(doc.addedEvents).toEqual([found.id]);
  expect(doc.curation.merges).toEqual({ 'john-kirby': 'united-states' });

  const other = await browser.newContext();
  const p2 = await other.newPage();
  const d2 = new Dashboard(p2);
  await d2.open();
  await d2.expectShowing(7, 7);
  await d2.exportMenu();
  await p2.getByLabel('Layer file to import').setInputFiles(file);
  await expect(p2.getByText(/1 added events taken, 1 entity changes taken/)).toBeVisible();
  await d2.expectShowing(8, 8);
  await expectEntityCount(d2, 'United States', 5);
  await other.close();
});

test('a version 1 layer file still imports; marks on events the dataset lacks are kept and reported', async ({
  page,
}) => {
  const d = new Dashboard(page);
  await d.open();
  await d.expectShowing(7, 7);
  await d.exportMenu();
  await page.getByLabel('Layer file to import').setInputFiles({
    name: 'old.chronoscope-layer.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        version: 1,
        annotations: { 'kirby-frozen-assets': { star: true }, 'gone-event': { star: true } },
      }),
    ),
  });
  await expect(
    page.getByText(/Imported old\.chronoscope-layer\.json: 2 events newly annotated/),
  ).toBeVisible();
  await expect(
    page
      .getByRole('note')
      .filter({ hasText: '1 of your starred, noted or tagged events are not in this dataset' }),
  ).toBeVisible();
  await d.open('starred=1');
  await d.expectShowing(1, 7);
});
