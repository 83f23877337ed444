import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

test.describe('the timeline', () => {
  test('draws every sample event; month-precision events as hatched uncertain spans', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await expect(d.itemContents()).toHaveCount(7);
    const uncertain = d.chart.uncertainSpans();
    await expect(uncertain).toHaveCount(5);
    await expect(uncertain.first()).toContainText('c. Dec 2023');
    const bg = await uncertain.first().evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(bg).toContain('repeating-linear-gradient');
    // The day-precision statements are exact points.
    await expect(d.chart.points()).toHaveCount(2);
  });

  test('grouping by actor puts a two-actor event in both lanes', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.filters.getByLabel('Group timeline lanes by').selectOption('actor');
    await expect(d.chart.laneLabels('John Kirby')).toBeVisible();
    await expect(d.chart.itemContent('Kirby: premature to discuss')).toHaveCount(2);
    expect(d.params().get('group')).toBe('actor');
  });

  test('lanes follow a filter change: their counts update and their items stay drawn', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine&group=actor');
    const laneCount = d.chart.laneCount('Government of Ukraine');
    await expect(laneCount).toHaveText('3,876');
    await d.entityCheckbox('DPR \\(UCDP actor 6711\\)').check();
    await d.expectShowing(938, 3883);
    await expect(laneCount).toHaveText('938');
    await expect(d.chart.laneLabels()).toHaveCount(2);
    await expect(d.chart.firstLaneItems()).not.toHaveCount(0);
  });

  test('follows the window when it is resized: redrawn to the new width and height', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await expect(d.itemContents()).toHaveCount(7);
    const stage = d.timeline.locator('.cs-timeline');
    const vis = d.chart.root;
    const center = d.chart.canvas;
    const box = async (l: typeof vis) => (await l.boundingBox())!;
    const { width, height } = page.viewportSize()!;
    for (const [w, h] of [
      [width - 300, height],
      [width - 300, height - 200],
      [width, height],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      // vis sets its panels' sizes in pixels as it draws: without a redraw they keep the old size.
      await expect
        .poll(async () => (await box(stage)).width - (await box(vis)).width)
        .toBeCloseTo(0, 0);
      await expect
        .poll(async () => (await box(stage)).height - (await box(vis)).height)
        .toBeCloseTo(0, 0);
      const bottom = async (l: typeof vis) => (await box(l)).y + (await box(l)).height;
      await expect
        .poll(async () => Math.abs((await bottom(vis)) - (await bottom(center))))
        .toBeLessThan(4);
    }
    await expect(d.itemContents()).toHaveCount(7);
  });

  test('zoom buttons and keys change the visible window', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await expect(d.itemContents()).toHaveCount(7);
    const [a0, b0] = await d.windowFromUrl();
    await d.timeline.getByRole('button', { name: 'Zoom in' }).click();
    await expect
      .poll(async () => (await d.windowFromUrl())[1] - (await d.windowFromUrl())[0])
      .toBeLessThan(b0 - a0);
    const [a1, b1] = await d.windowFromUrl();
    await page.keyboard.press('+');
    await expect
      .poll(async () => (await d.windowFromUrl())[1] - (await d.windowFromUrl())[0])
      .toBeLessThan(b1 - a1);
    const [a2, b2] = await d.windowFromUrl();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await d.windowFromUrl())[0]).toBeGreaterThan(a2);
    await page.keyboard.press('-');
    await expect
      .poll(async () => (await d.windowFromUrl())[1] - (await d.windowFromUrl())[0])
      .toBeGreaterThan(b2 - a2);
  });

  test('j and k walk events in time order; Enter focuses the details', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('j');
      await expect.poll(() => d.params().get('event')).not.toBe(order[order.length - 1] ?? null);
      order.push(d.params().get('event')!);
    }
    // Five month-precision events start on 1 Dec (sorted by id among equals), the 21 Dec statements follow.
    expect(order).toEqual(['aid-debate', 'austin-umerov-exchange', 'coalition-briefing']);
    await page.keyboard.press('k');
    await expect.poll(() => d.params().get('event')).toBe('austin-umerov-exchange');
    await page.keyboard.press('Enter');
    await expect(d.details.getByRole('heading', { level: 2 })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect.poll(() => d.params().get('event')).toBeNull();
  });

  test('clicking an event opens its details with every source', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.chart.itemContent('Kirby: the administration awaits Congress').click();
    await expect(
      d.details.getByRole('heading', {
        name: 'Kirby: the administration awaits Congress on a new round of aid to Kyiv',
      }),
    ).toBeVisible();
    await expect(d.details).toContainText('21 Dec 2023');
    await expect(d.details).toContainText('known to the day');
    const sources = d.details.getByRole('region', { name: 'Sources' });
    await expect(sources.getByRole('listitem')).toHaveCount(2);
    await expect(sources).toContainText(
      'He noted that the Biden administration is awaiting a decision from lawmakers',
    );
    await d.details.getByRole('button', { name: 'US Congress' }).click();
    await d.expectShowing(1, 7);
    expect(d.params().getAll('actor')).toEqual(['us-congress']);
  });

  test('a dense period is drawn as count buckets that zoom in on click', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine');
    await d.expectShowing(3883, 3883);
    await expect(d.timeline.getByTestId('timeline-mode')).toHaveAttribute('data-mode', 'buckets');
    const buckets = d.chart.buckets();
    await expect(buckets.first()).toBeVisible();
    expect(await buckets.count()).toBeLessThan(200);
    await expect(buckets.first()).toContainText(/\d+ events?/);
    // The link holds the window from the first draw: wait for the click's narrower window to reach it.
    const [a0, b0] = await d.windowFromUrl();
    expect(b0 - a0).toBeGreaterThan(400 * 86_400_000);
    await d.chart.contentOf(buckets.first()).click();
    await expect
      .poll(async () => {
        const [a, b] = await d.windowFromUrl();
        return b - a;
      })
      .toBeLessThan(400 * 86_400_000);
  });

  test('shows a hover tooltip with title, date and actors', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.chart.itemContent('Kirby: premature').hover();
    const tip = d.chart.tooltip;
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('21 Dec 2023');
    await expect(tip).toContainText('John Kirby, United States');
  });
});
