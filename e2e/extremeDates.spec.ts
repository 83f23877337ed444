import { expect, test } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

// Dates near the JavaScript Date limit beside a normal one: the timeline draws what it can, says what it cannot,
// survives zooming out to its limits, and exports a PNG (issue #26, item 2).
const normal = { id: 'normal', title: 'A normal event', start: '2024-01-02' };

for (const start of ['+275760-09-13', '+270000-01-01', '-260000-01-01', '-271821-04-20']) {
  test(`an event at ${start} beside a normal one: drawn timeline, a note, a PNG`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    await d.dropFile(
      'extreme.json',
      JSON.stringify({ events: [{ id: 'far', title: 'Far', start }, normal] }),
    );
    await d.expectShowing(2, 2);
    await expect(d.timeline.getByRole('note').or(d.timeline.locator('.cs-note'))).toContainText(
      '1 event lies beyond ±100,000 years, which the timeline cannot draw; they are in the Events list.',
    );
    await expect(d.itemContents().filter({ hasText: 'A normal event' })).toBeVisible();
    await expect(d.eventRows()).toHaveCount(2);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await d.exportMenu();
        await page.getByRole('button', { name: 'Timeline as PNG image' }).click();
      })(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(errors).toEqual([]);
  });
}

for (const years of [200_000, -200_000, 90_000, -90_000]) {
  test(`events at ${years} years and today survive zooming out to the limit`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    const y = `${years < 0 ? '-' : '+'}${String(Math.abs(years)).padStart(6, '0')}`;
    await d.dropFile(
      'far.json',
      JSON.stringify({ events: [{ id: 'far', title: 'Far away', start: y }, normal] }),
    );
    await d.expectShowing(2, 2);
    await d.timeline.locator('.vis-timeline').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 12; i++) await page.keyboard.press('-');
    // And with the wheel, which vis-timeline handles itself, at both edges of the window.
    const box = (await d.timeline.locator('.vis-center').first().boundingBox())!;
    for (const x of [box.x + 5, box.x + box.width - 5]) {
      await page.mouse.move(x, box.y + box.height / 2);
      for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 800);
    }
    await page.waitForTimeout(500);
    const [from, to] = [
      Number(await d.timeline.locator('[data-window-start]').getAttribute('data-window-start')),
      Number(await d.timeline.locator('[data-window-end]').getAttribute('data-window-end')),
    ];
    expect(Number.isFinite(from) && Number.isFinite(to) && from < to).toBe(true);
    expect(errors).toEqual([]);
    await expect(d.timeline.getByRole('alert')).toHaveCount(0);
  });
}
