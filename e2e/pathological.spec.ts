import { expect, test, type Page } from '@playwright/test';
import { Dashboard } from './pages/Dashboard';

// Text that used to freeze the page for seconds to minutes. The limit: no frame gap over 1 s (generous, and still
// ten to a hundred times below what these inputs cost before they were bounded).
const MAX_GAP_MS = 1000;

/** Starts recording the longest gap between animation frames. */
async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number };
    w.maxGap = 0;
    let last = performance.now();
    const tick = (t: number) => {
      w.maxGap = Math.max(w.maxGap, t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** The longest frame gap since watchFrames, after two more frames have been drawn. */
async function longestGap(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => done((window as unknown as { maxGap: number }).maxGap)),
        ),
      ),
  );
}

async function loadEvents(d: Dashboard, events: unknown[]): Promise<void> {
  await d.open();
  await d.dropFile('pathological.json', JSON.stringify({ events }));
  await expect(d.status).toHaveText(`Showing ${events.length} of ${events.length} events`, {
    timeout: 60_000,
  });
}

const normal = { id: 'normal', title: 'An ordinary event', start: '2024-01-02' };

test.describe('pathological text stays responsive', () => {
  test('a 100,000-character single-word title is clipped in the details, with more in steps', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    const word = 'W'.repeat(100_000);
    await loadEvents(d, [{ id: 'long', title: word, start: '2024-01-01' }, normal]);
    await watchFrames(page);
    await d.eventRows().first().click();
    await expect(d.details).toContainText('(1–1,000 of 100,000 characters)');
    await d.details.getByRole('button', { name: 'Show more of the title' }).click();
    await expect(d.details).toContainText('(1–2,000 of 100,000 characters)');
    expect(await longestGap(page)).toBeLessThan(MAX_GAP_MS);
  });

  test('a 1,000,000-character unbroken description shows more in bounded steps', async ({
    page,
  }) => {
    test.slow();
    const d = new Dashboard(page);
    await loadEvents(d, [
      { id: 'long', title: 'Long description', start: '2024-01-01', description: 'D'.repeat(1e6) },
      normal,
    ]);
    await watchFrames(page);
    await d.eventRows().filter({ hasText: 'Long description' }).click();
    await expect(d.details).toContainText('(1–10,000 of 1,000,000 characters)');
    const more = d.details.getByRole('button', { name: 'Show more of the description' });
    for (let i = 0; i < 3; i++) await more.click();
    // Never more than 20,000 characters laid out at once: the start moves on.
    await expect(d.details).toContainText('(20,001–40,000 of 1,000,000 characters)');
    expect(await longestGap(page)).toBeLessThan(MAX_GAP_MS);
  });

  test('a title of "a " × 50,000 searched for "a" highlights a bounded number of matches', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await loadEvents(d, [{ id: 'many', title: 'a '.repeat(50_000), start: '2024-01-01' }, normal]);
    await watchFrames(page);
    await d.search.fill('a');
    await expect(d.eventRows().first().locator('mark').first()).toBeVisible();
    expect(await d.eventRows().first().locator('mark').count()).toBeLessThanOrEqual(200);
    await d.eventRows().first().click();
    await expect(d.details.locator('h2 mark').first()).toBeVisible();
    expect(await longestGap(page)).toBeLessThan(MAX_GAP_MS);
  });

  test('an event with 200,000 actors shows the first ones and more on request', async ({
    page,
  }) => {
    test.slow();
    const d = new Dashboard(page);
    const actors = Array.from({ length: 200_000 }, (_, i) => `actor ${i}`);
    await loadEvents(d, [{ id: 'crowd', title: 'Crowd', start: '2024-01-01', actors }, normal]);
    // Frames are watched while the page does the work; what is on screen is then checked by role. Accessible
    // names are computed in the page's main thread too, and over hundreds of buttons they would count as the
    // page's own gaps on a busy machine.
    const actorButton = (name: string) =>
      d.details.locator('button').filter({ hasText: new RegExp(`^${name}$`) });
    await watchFrames(page);
    await d.eventRows().filter({ hasText: 'Crowd' }).click();
    await expect(
      d.details.locator('button', { hasText: 'Show 200 more of 200,000' }),
    ).toBeVisible();
    await expect(actorButton('actor 49')).toBeVisible();
    expect(await longestGap(page)).toBeLessThan(MAX_GAP_MS);
    const more = d.details.getByRole('button', { name: 'Show 200 more of 200,000 actors' });
    await expect(more).toBeVisible();
    await expect(d.details.getByRole('button', { name: 'actor 49', exact: true })).toBeVisible();
    await expect(d.details.getByRole('button', { name: 'actor 50', exact: true })).toHaveCount(0);
    await watchFrames(page);
    await more.click();
    await expect(actorButton('actor 249')).toBeVisible();
    expect(await longestGap(page)).toBeLessThan(MAX_GAP_MS);
    await expect(d.details.getByRole('button', { name: 'actor 249', exact: true })).toBeVisible();
  });

  test('a 40,000-character word with a matching search keeps the Events panel and details working', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    const word = `x${'y'.repeat(45_000)}`;
    await loadEvents(d, [
      { id: 'word', title: `Long ${word}`, start: '2024-01-01', description: word },
      normal,
    ]);
    await d.eventRows().filter({ hasText: 'Long' }).click();
    await d.search.fill('x');
    await d.expectShowing(1, 2);
    await expect(d.events.getByRole('alert')).toHaveCount(0);
    await expect(d.details.getByRole('alert')).toHaveCount(0);
    // The matched word is the indexed one (the search expands the prefix "x"): marked as far as the cell shows it.
    await expect(d.eventRows().first().locator('mark')).toHaveText([/^xy{290,}$/]);
    await d.search.fill('');
    await d.expectShowing(2, 2);
    await expect(d.eventRows()).toHaveCount(2);
  });
});
