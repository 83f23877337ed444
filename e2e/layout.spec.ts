import { expect, test, type Locator, type Page } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

/** Nothing on the page reaches past the right edge of the viewport (no sideways scrolling). */
async function expectNoHorizontalOverflow(page: Page, what: string) {
  const overflow = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(overflow.scroll, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(overflow.width);
}

for (const [width, height] of [
  [1024, 768],
  [1280, 800],
  [1600, 900],
] as const) {
  test.describe(`at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });

    test('the timeline is the largest region: at least 42% of the height and 55% of the width', async ({
      page,
    }) => {
      const d = new Dashboard(page);
      await d.open('data=ucdp-ukraine&group=actor');
      await d.expectShowing(3883, 3883);
      await expect(d.chart.buckets().first()).toBeVisible();
      const box = (await d.timeline.boundingBox())!;
      expect(box.height, 'timeline height').toBeGreaterThanOrEqual(0.42 * height);
      expect(box.width, 'timeline width').toBeGreaterThanOrEqual(0.55 * width);
      for (const region of [d.filters, d.entities, d.events]) {
        const other = (await region.boundingBox())!;
        expect(other.width * other.height).toBeLessThan(box.width * box.height);
      }
      // Lanes stay readable: a label shows a name, and the whole name is on hover.
      await expect(d.chart.laneLabels('Government of Ukraine').first()).toBeVisible();
      await expectNoHorizontalOverflow(page, 'dense dataset with lanes');

      // An event selected: its details open, and still nothing spills sideways.
      await d.open('event=kirby-frozen-assets');
      await expect(d.details.getByRole('heading', { level: 2 })).toContainText('Kirby');
      await expectNoHorizontalOverflow(page, 'event selected');
      const withDetails = (await d.timeline.boundingBox())!;
      expect(withDetails.height).toBeGreaterThanOrEqual(0.42 * height);
    });
  });
}

test.describe('panels fold and come back', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the details are a panel only while an event is selected', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    await expect(d.details).toBeHidden();
    await d.chart.itemContent('Kirby: premature').click();
    await expect(d.details).toBeVisible();
    await expect(d.details.getByRole('heading', { level: 2 })).toContainText('Kirby');
    await page.keyboard.press('Escape');
    await expect(d.details).toBeHidden();
  });

  test('[, ] and l fold the entities, the details and the list; the choice is remembered', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open('event=kirby-frozen-assets');
    await expect(d.details).toBeVisible();
    const before = (await d.timeline.boundingBox())!;

    await page.keyboard.press('[');
    await expect(d.entities).toBeHidden();
    await expect(page.getByRole('button', { name: 'Show entities' })).toBeVisible();
    await expect
      .poll(async () => (await d.timeline.boundingBox())!.width)
      .toBeGreaterThan(before.width + 150);

    await page.keyboard.press(']');
    await expect(d.details).toBeHidden();
    await expect(page.getByRole('button', { name: 'Show details' })).toBeVisible();

    await page.keyboard.press('l');
    await expect(d.eventRows()).toHaveCount(0);
    await expect(d.events.getByRole('button', { name: /Show the event list/ })).toBeVisible();
    await expect
      .poll(async () => (await d.timeline.boundingBox())!.height)
      .toBeGreaterThan(before.height + 100);

    // Remembered across a reload.
    await page.reload();
    await expect(d.timeline).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show entities' })).toBeVisible();
    await expect(d.entities).toBeHidden();
    await expect(d.details).toBeHidden();
    await expect(d.events.getByRole('button', { name: /Show the event list/ })).toBeVisible();

    // And back: by key, by the strip's button.
    await page.keyboard.press('[');
    await expect(d.entities).toBeVisible();
    await page.getByRole('button', { name: 'Show details' }).click();
    await expect(d.details.getByRole('heading', { level: 2 })).toContainText('Kirby');
    await d.events.getByRole('button', { name: /Show the event list/ }).click();
    await expect(d.eventRows()).toHaveCount(7);
    // The fold buttons say what they do.
    await d.entities.getByRole('button', { name: 'Hide entities' }).click();
    await expect(d.entities).toBeHidden();
  });

  test('the splitter resizes the list against the timeline from the keyboard', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    await expect(d.eventRows()).toHaveCount(7);
    const start = Number(await d.splitter.getAttribute('aria-valuenow'));
    const tallBefore = (await d.timeline.boundingBox())!.height;
    await d.splitter.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(d.splitter).toHaveAttribute('aria-valuenow', String(start + 10));
    await expect
      .poll(async () => (await d.timeline.boundingBox())!.height)
      .toBeLessThan(tallBefore - 40);
    await page.keyboard.press('Home');
    await expect(d.splitter).toHaveAttribute('aria-valuemin', '15');
    await expect(d.splitter).toHaveAttribute('aria-valuenow', '15');
    await expect
      .poll(async () => (await d.timeline.boundingBox())!.height)
      .toBeGreaterThan(tallBefore);
    // Enter folds the list to its strip; the splitter goes with it.
    await page.keyboard.press('Enter');
    await expect(d.events.getByRole('button', { name: /Show the event list/ })).toBeVisible();
    await expect(d.splitter).toHaveCount(0);
  });

  test('e focuses the entity finder, opening a folded panel', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    // The page drawn whole (the timeline is its last part) before the keys. (A finder asked for before the list
    // is drawn is EntitySidebar.test.tsx's.)
    await expect(d.chart.itemContents().first()).toBeVisible();
    await page.keyboard.press('[');
    await expect(d.entities).toBeHidden();
    await page.keyboard.press('e');
    await expect(d.entityFinder).toBeFocused();
    await page.keyboard.type('kirby');
    await expect(d.entityCheckbox('John Kirby')).toBeVisible();
    // The checkbox reads as words: name, type, count.
    await expect(
      d.entities.getByRole('checkbox', { name: 'John Kirby, person, 2 events' }),
    ).toBeVisible();
  });

  test('one font everywhere, whole lane names on hover, a histogram with a time axis and counts', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine&group=actor');
    await d.expectShowing(3883, 3883);
    // A lane label cut to its width still holds the whole name, on hover and for a screen reader.
    const lane = d.timeline.getByTitle(/^Government of Russia \(.+\) \(874 events\)$/);
    await expect(lane).toBeVisible();
    await expect(lane).toHaveText(/^Government of Russia \(.+\), 874 events$/);
    // The histogram names the dataset's years under its bars, and the count under the pointer.
    const histogram = d.timeline.getByTestId('histogram');
    await expect(d.timeline.getByText('2014', { exact: true }).first()).toBeVisible();
    const box = (await histogram.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.08, box.y + box.height / 2);
    await expect(d.timeline.getByText(/^[\d,]+ events?, \w+ \d{4}$/)).toBeVisible();
    // The hover card reads in the app's font, not vis-timeline's serif fallback.
    await d.open();
    await d.expectShowing(7, 7);
    await d.chart.itemContent('Kirby: premature').hover();
    await expect(d.chart.tooltip).toBeVisible();
    const fonts = [
      await page.locator('body').evaluate((el) => getComputedStyle(el).fontFamily),
      await d.chart.tooltip.evaluate((el) => getComputedStyle(el).fontFamily),
    ];
    expect(fonts[1]).toBe(fonts[0]);
  });

  test('the header is one row: name and status first, Share the one primary action; menus close like menus', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    const header = (await page.getByRole('banner').boundingBox())!;
    expect(header.height).toBeLessThan(64);
    const nav = await d.shareMenu();
    await expect(nav.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Saved views' })).toBeVisible();
    await expect(nav.getByText('Export', { exact: true })).toBeVisible();
    // Escape closes the menu and gives the focus back to its button; so does a press outside.
    await nav.getByRole('button', { name: 'Copy link', exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect(nav.getByRole('button', { name: 'Copy link', exact: true })).toBeHidden();
    await expect(nav.getByText('Share', { exact: true })).toBeFocused();
    const dates = await d.dateRange();
    await expect(dates.getByLabel('From')).toBeVisible();
    await d.timeline.getByRole('button', { name: 'Fit' }).click();
    await expect(dates.getByLabel('From')).toBeHidden();
  });
});

for (const [width, height, folds] of [
  [1920, 1080, false],
  [1024, 768, true],
] as const) {
  test(`at ${width}x${height} the filter row is one line and folds ${folds ? 'some pickers' : 'none'} into More filters`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine');
    await d.expectShowing(3883, 3883);
    // One line: the row is as tall as one control, and every control in it starts at the same height.
    const row = d.filters.locator('.cs-filter-row');
    const rowBox = (await row.boundingBox())!;
    const searchBox = (await d.search.boundingBox())!;
    expect(rowBox.height).toBeLessThanOrEqual(searchBox.height + 1);
    await expectNoHorizontalOverflow(page, 'filter row');
    if (folds) await expect(d.moreFiltersButton).toBeVisible();
    else await expect(d.moreFiltersButton).toBeHidden();
    const inRow: string[] = [];
    for (const name of Dashboard.PICKERS) {
      if (await d.picker(name).isVisible()) {
        const box = (await d.picker(name).boundingBox())!;
        inRow.push(name);
        expect(box.y, `${name} sits on the row`).toBeGreaterThanOrEqual(rowBox.y - 1);
        expect(box.y + box.height, `${name} sits on the row`).toBeLessThanOrEqual(
          rowBox.y + rowBox.height + 1,
        );
      }
    }
    // The row keeps a prefix of the pickers; the rest are in the menu, in the same order.
    expect(inRow).toEqual(Dashboard.PICKERS.slice(0, inRow.length));
    expect(inRow.length < Dashboard.PICKERS.length).toBe(folds);
    if (folds) {
      await d.moreFilters();
      for (const name of Dashboard.PICKERS.slice(inRow.length))
        await expect(d.picker(name), `${name} is in More filters`).toBeVisible();
    }
    // Reachable means usable: a folded picker filters like one in the row.
    await d.picker('Actor type').click();
    await d.filters.getByRole('checkbox', { name: /^organization/ }).check();
    await expect.poll(() => d.params().get('etype')).toBe('organization');
  });
}

test("the Dates popover has the histogram brush: a drag or the edges' keys set the window", async ({
  page,
}) => {
  const d = new Dashboard(page);
  await d.open('data=ucdp-ukraine');
  await d.expectShowing(3883, 3883);
  const dates = await d.dateRange();
  await expect(dates.getByLabel('From')).toBeVisible();
  const brush = d.filters.getByTestId('dates-histogram');
  await expect(brush).toBeVisible();
  const end = d.filters.getByRole('slider', { name: 'Window end' });
  const min = Number(await end.getAttribute('aria-valuemin'));
  const max = Number(await end.getAttribute('aria-valuemax'));
  const span = max - min;
  const box = (await brush.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const [from, to] = await d.windowFromUrl();
  expect(Math.abs(from - (min + 0.2 * span))).toBeLessThan(0.01 * span);
  expect(Math.abs(to - (min + 0.4 * span))).toBeLessThan(0.01 * span);
  // The timeline follows: its window is the brushed period.
  await expect
    .poll(async () =>
      Math.abs(
        Number(await d.timeline.locator('.cs-timeline').getAttribute('data-window-start')) - from,
      ),
    )
    .toBeLessThan(1000);
  // The popover stays open, and its window edges move from the keyboard.
  await expect
    .poll(async () => Math.abs(Number(await end.getAttribute('aria-valuenow')) - to))
    .toBeLessThan(1000);
  await end.focus();
  await page.keyboard.press('End');
  await expect.poll(() => Date.parse(d.params().get('to')!)).toBe(max);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => Date.parse(d.params().get('to')!)).toBe(Math.round(max - span / 60));
  const start = d.filters.getByRole('slider', { name: 'Window start' });
  await start.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => Date.parse(d.params().get('from')!)).toBe(min);
});

/** Where the focus goes on each of `presses` Tabs from `first`: the focused element's name and box. */
async function tabWalk(page: Page, first: Locator, presses: number) {
  await first.focus();
  const walk = [];
  for (let k = 0; k <= presses; k++) {
    if (k > 0) await page.keyboard.press('Tab');
    walk.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        return {
          name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '',
          x: r.left,
          y: r.top,
          h: r.height,
        };
      }),
    );
  }
  return walk;
}

/** Each step goes right along the same row, or down to a later row: the reading order. */
function expectReadingOrder(walk: { name: string; x: number; y: number; h: number }[]) {
  for (let k = 1; k < walk.length; k++) {
    const [a, b] = [walk[k - 1]!, walk[k]!];
    const sameRow = Math.abs(a.y + a.h / 2 - (b.y + b.h / 2)) < Math.max(a.h, b.h) / 2;
    if (sameRow) expect(b.x, `"${b.name}" after "${a.name}" is to its right`).toBeGreaterThan(a.x);
    else expect(b.y, `"${b.name}" after "${a.name}" is below it`).toBeGreaterThan(a.y);
  }
}

test.describe('Tab follows the visual order', () => {
  test.use({ viewport: { width: 1600, height: 900 } });

  test('through the headers of the events, details and entities panels', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open('event=kirby-frozen-assets');
    await expect(d.details.getByRole('heading', { level: 2 })).toContainText('Kirby');
    await expect(d.eventRows()).toHaveCount(7);

    const events = await tabWalk(page, d.events.getByRole('radio').first(), 3);
    expect(events.map((s) => s.name).slice(1, 3)).toEqual(['Add event', 'Hide the event list']);
    expectReadingOrder(events);

    const details = await tabWalk(
      page,
      d.details.getByRole('button', { name: 'Copy link to this event' }),
      3,
    );
    expect(details.map((s) => s.name).slice(1, 3)).toEqual(['Hide details', 'Close event details']);
    expectReadingOrder(details);

    const entities = await tabWalk(
      page,
      d.entities.getByRole('button', { name: 'Hide entities' }),
      2,
    );
    expect(entities[1]!.name).toBe('Find entity by name or alias');
    expectReadingOrder(entities);
  });
});

test.describe('below 1440 px the details overlay', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('keeps the selected item clear of it', async ({ page }) => {
    const d = new Dashboard(page);
    // 21 December sits at the right edge of this window, where the details will open.
    await d.open('from=2023-11-20T00:00:00Z&to=2023-12-22T12:00:00Z');
    await d.expectShowing(7, 7);
    await d.selectClearOfDetails(d.chart.itemContent('Kirby: premature'), 'Kirby');
  });
});

test('a label past the canvas’s edge brought into view (find in page) leaves every item at its time', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const d = new Dashboard(page);
  // 9 May sits at the right edge: the item's label runs past the canvas.
  await d.open('data=ucdp-ukraine&from=2014-04-26T00:00:00Z&to=2014-05-09T12:00:00Z');
  const item = d.chart.itemContent('Government of Ukraine - DPR: Mariupol town (13 killed)');
  await expect(item).toBeVisible();
  const before = (await item.boundingBox())!.x;
  // What the browser's find in page does on the label's hidden part: scrolls the clipped panels to it.
  await item.evaluate((el) => el.scrollIntoView({ inline: 'end' }));
  const panel = d.timeline.locator('.vis-panel.vis-center');
  await expect.poll(() => panel.evaluate((el) => el.scrollLeft)).toBe(0);
  expect(Math.abs((await item.boundingBox())!.x - before)).toBeLessThan(1);
});

test('chips past the filter row’s edge fade at that edge, and the fade follows a sideways scroll', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const d = new Dashboard(page);
  await d.open('data=ucdp-ukraine&q=attack&since=2015&until=2020&prec=day&prec=month');
  const chips = d.filters.getByRole('group', { name: 'Active filters' });
  await expect(chips).toHaveAttribute('data-more-after', '');
  await expect(chips).not.toHaveAttribute('data-more-before', '');
  await chips.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect(chips).toHaveAttribute('data-more-before', '');
  await expect(chips).not.toHaveAttribute('data-more-after', '');
  // Chips that fit have no fade.
  await d.open('data=ucdp-ukraine&prec=day');
  await expect(chips).toBeVisible();
  await expect(chips).not.toHaveAttribute('data-more-after', '');
  await expect(chips).not.toHaveAttribute('data-more-before', '');
});
