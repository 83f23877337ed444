import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

const NAV = `data=${encodeURIComponent(`${FIXTURES}/navigation.json`)}`;

test.describe('search says which spellings it matched', () => {
  test('a near spelling is shown with its count, and one click asks for the exact spelling', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(NAV);
    await d.expectShowing(10, 10);
    await d.search.fill('Mariupol');
    await d.expectShowing(5, 10);
    const note = d.filters.getByRole('note', { name: 'Other spellings matched' });
    await expect(note).toContainText('Also matched: Marfopol (2)');
    await note.getByRole('button', { name: 'Exact spelling only' }).click();
    await d.expectShowing(3, 10);
    await expect.poll(() => d.params().get('q')).toBe('"Mariupol"');
    await expect(d.search).toHaveValue('"Mariupol"');
    await expect(note).toHaveCount(0);
    // Back returns to the tolerant search.
    await page.goBack();
    await d.expectShowing(5, 10);
  });

  test('the count follows the other filters', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(`${NAV}&q=Mariupol&since=2022`);
    await d.expectShowing(3, 10);
    await expect(d.filters.getByRole('note', { name: 'Other spellings matched' })).toContainText(
      'Also matched: Marfopol (2)',
    );
    await d.open(`${NAV}&q=Mariupol&since=2014&until=2014`);
    await d.expectShowing(2, 10);
    await expect(d.filters.getByRole('note', { name: 'Other spellings matched' })).toHaveCount(0);
  });

  test('transliterations and dataset aliases are one word, even in exact mode', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`${NAV}&q=Kyiv`);
    await d.expectShowing(2, 10);
    const note = d.filters.getByRole('note', { name: 'Other spellings matched' });
    await expect(note).toContainText('Same name, other spellings: Kiev (1)');
    await expect(d.eventRows()).toHaveCount(2);
    await expect(d.eventRows().filter({ hasText: 'Ceasefire talks in Kiev' })).toHaveCount(1);
    await d.open(`${NAV}&q=%22Kharkiv%22`);
    await d.expectShowing(2, 10);
    await expect(note).toContainText('Kharkov (1)');
    // The dataset's entity "Bakhmut" has the alias "Artemivsk".
    await d.open(`${NAV}&q=Bakhmut`);
    await d.expectShowing(1, 10);
    await expect(d.eventRows().first()).toContainText('Fighting in Artemivsk');
    await expect(note).toContainText('Artemivsk (1)');
  });
});
