import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const summary = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(summary, `${what}: axe found serious or critical violations`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('main views have no serious or critical axe violations', async ({ page }) => {
      const d = new Dashboard(page);
      await d.open();
      await d.expectShowing(7, 7);
      await expect(d.itemContents()).toHaveCount(7);
      await expectNoSeriousViolations(page, 'default load');

      await d.open('actor=john-kirby&q=aid&group=actor');
      await d.expectShowing(1, 7);
      await expectNoSeriousViolations(page, 'filtered, with lanes and highlights');

      await d.open('event=kirby-congress-aid');
      await expect(
        d.details.getByRole('heading', { name: /Kirby: the administration/ }),
      ).toBeVisible();
      await expectNoSeriousViolations(page, 'event selected');

      await d.open('data=ucdp-ukraine');
      await d.expectShowing(3883, 3883);
      await expectNoSeriousViolations(page, 'dense dataset with buckets');

      await d.open('data=ucdp-ukraine&geo=1&bbox=36,46.5,39.5,48.5');
      await expect(
        page.getByRole('region', { name: 'Map' }).getByRole('application'),
      ).toBeVisible();
      await expectNoSeriousViolations(page, 'the map with an area filter');
    });

    test('open menus and popovers, and folded panels, have no serious or critical violations', async ({
      page,
    }) => {
      const d = new Dashboard(page);
      await d.open('event=kirby-frozen-assets');
      await expect(d.details.getByRole('heading', { level: 2 })).toContainText('Kirby');
      await d.moreFilters();
      await expectNoSeriousViolations(page, 'the More filters popover open');
      await d.exportMenu();
      await expectNoSeriousViolations(page, 'the Share menu open, with Export');
      await page.keyboard.press('[');
      await page.keyboard.press(']');
      await page.keyboard.press('l');
      await expect(page.getByRole('button', { name: 'Show details' })).toBeVisible();
      await expectNoSeriousViolations(page, 'every panel folded to its strip');
    });

    test('each dialog has no serious or critical violations', async ({ page }) => {
      const d = new Dashboard(page);
      await d.open(`data=${encodeURIComponent(`${FIXTURES}/partial.json`)}`);
      await d.expectShowing(3, 3);
      for (const [button, title] of [
        ['Keyboard shortcuts', 'Keyboard shortcuts'],
        ['6 events skipped', 'Validation report'],
        ['Saved views', 'Saved views'],
      ] as const) {
        if (button === 'Saved views') await d.shareMenu();
        await page.getByRole('button', { name: button, exact: true }).click();
        await expect(page.getByRole('dialog', { name: title })).toBeVisible();
        await expectNoSeriousViolations(page, `${title} dialog`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name: title })).toBeHidden();
      }
      await d.open('data=javascript:alert(1)');
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoSeriousViolations(page, 'load error panel');

      await d.open(`data=${encodeURIComponent(`${FIXTURES}/files/generic-aid.csv`)}`);
      await expect(page.getByRole('dialog', { name: /Map the columns/ })).toBeVisible();
      await expectNoSeriousViolations(page, 'column-mapping dialog');

      await d.open(`data=${encodeURIComponent(`${FIXTURES}/files/aid-deliveries.xlsx`)}`);
      await expect(page.getByRole('combobox', { name: 'Sheet' })).toBeVisible();
      await expectNoSeriousViolations(page, 'column-mapping dialog of a workbook');
    });
  });
}

test('the core flow works from the keyboard alone', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const d = new Dashboard(page);
  await d.open();
  await d.expectShowing(7, 7);
  // Search.
  await page.keyboard.press('/');
  await expect(d.search).toBeFocused();
  await page.keyboard.type('aid');
  await page.keyboard.press('Enter');
  await d.expectShowing(4, 7);
  // (Escape in a search field clears it, as browsers do; Tab leaves it with the query kept.)
  // Filter by actor: tab into the sidebar and tick an entity with Space.
  const box = d.entityCheckbox('United States');
  for (let i = 0; i < 80 && !(await box.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.press('Space');
  await d.expectShowing(2, 7);
  expect(d.params().get('q')).toBe('aid');
  // Select an event with j, open its details with Enter.
  await page.keyboard.press('j');
  await expect.poll(() => d.params().get('event')).toBe('aid-debate');
  await expect(
    page.getByText(/^Selected: Funding, weapon systems .*, c\. Dec 2023$/),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(
    d.details.getByRole('heading', { level: 2, name: /Funding, weapon systems/ }),
  ).toBeFocused();
  // Copy the link.
  await page.keyboard.press('c');
  await expect(page.getByText('Link copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  // Help opens with ?, traps focus inside, and gives focus back on Esc.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // g cycles grouping; shortcuts do not fire while typing.
  await page.keyboard.press('g');
  await expect.poll(() => d.params().get('group')).toBe('actor');
  await page.keyboard.press('/');
  await page.keyboard.type('g');
  await expect.poll(() => d.params().get('group')).toBe('actor');
});
