import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

const PLACES = `data=${encodeURIComponent(`${FIXTURES}/places.json`)}`;

/** The map region and its canvas. */
function mapOf(page: Page) {
  const region = page.getByRole('region', { name: 'Map' });
  return {
    region,
    canvas: region.getByRole('application'),
    /** The map's own count line (a polite live region; the app's status line is the page's one status). */
    status: region.locator('.cs-map-status'),
  };
}

/** An independent count: UCDP events whose place lies in the box, written the long way. */
function ucdpInBox(b: number[]): number {
  const [west, south, east, north] = b as [number, number, number, number];
  const doc = JSON.parse(readFileSync('public/data/ucdp-ukraine.json', 'utf8')) as {
    events: { location?: { lat?: number; lon?: number } }[];
  };
  return doc.events.filter(({ location: l }) => {
    if (l?.lat === undefined || l.lon === undefined) return false;
    const lonIn = west <= east ? l.lon >= west && l.lon <= east : l.lon >= west || l.lon <= east;
    return lonIn && l.lat >= south && l.lat <= north;
  }).length;
}

test.describe('the map', () => {
  test('opens from the toolbar and the m key, and says what it places', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(PLACES);
    await d.expectShowing(5, 5);
    await expect(page.getByRole('region', { name: 'Map' })).toHaveCount(0);
    await d.timeline.getByRole('button', { name: 'Map' }).click();
    const map = mapOf(page);
    await expect(map.status).toHaveText(
      '4 of 5 matching events on the map; 1 matching events have no coordinates',
    );
    expect(d.params().get('geo')).toBe('1');
    await page.keyboard.press('m');
    await expect(map.region).toHaveCount(0);
    await page.keyboard.press('m');
    await expect(map.region).toBeVisible();
  });

  test('drawing a box sets bbox, filters like any facet, and Back undoes it', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine&geo=1');
    await d.expectShowing(3883, 3883);
    const map = mapOf(page);
    await expect(map.status).toHaveText('3,883 of 3,883 matching events on the map');
    await map.region.getByRole('button', { name: 'Draw area' }).click();
    const box = (await map.canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.8, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => d.params().get('bbox')).not.toBeNull();
    const bbox = d.params().get('bbox')!.split(',').map(Number);
    expect(bbox).toHaveLength(4);
    const expected = ucdpInBox(bbox);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(3883);
    await d.expectShowing(expected, 3883);
    await expect(map.status).toHaveText(
      `${expected.toLocaleString('en')} of ${expected.toLocaleString('en')} matching events on the map`,
    );
    await expect(d.filters.getByText(`area ${d.params().get('bbox')}`)).toBeVisible();
    // The facet rule: an actor's count applies the area. The entity list draws a frame after the map and the
    // status line (DeferredViewData), so its counts are waited for.
    await expect
      .poll(async () => {
        const counts = await d.entities.locator('.cs-count').allTextContents();
        return Math.max(...counts.map((c) => Number(c.replaceAll(',', ''))));
      })
      .toBeLessThanOrEqual(expected);
    await page.goBack();
    await expect.poll(() => d.params().get('bbox')).toBeNull();
    await d.expectShowing(3883, 3883);
  });

  test('a filter change draws the new count on the map in the same frame as the status line, and leaves the map, the timeline and the filter row their size', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open('data=ucdp-ukraine&geo=1');
    await d.expectShowing(3883, 3883);
    const map = mapOf(page);
    await expect(map.status).toHaveText('3,883 of 3,883 matching events on the map');
    // An independent count: the fixture's events naming DPR (UCDP actor 6711) that have a place.
    const doc = JSON.parse(readFileSync('public/data/ucdp-ukraine.json', 'utf8')) as {
      events: { actors?: string[]; location?: { lat?: number; lon?: number } }[];
    };
    const dpr = doc.events.filter((e) => e.actors?.includes('ucdp-6711'));
    const placed = dpr.filter((e) => e.location?.lat !== undefined && e.location.lon !== undefined);
    const box = d.entityCheckbox('DPR \\(UCDP actor 6711\\)');
    await box.scrollIntoViewIfNeeded();
    // Inside the page: what the map's line says in the commit that changes the status line, and every change of
    // size the timeline, the map or the filter row goes through over the next frames.
    const seen = await box.evaluate(async (input: HTMLInputElement) => {
      const status = document.querySelector('[role="status"]')!;
      const mapLine = document.querySelector('.cs-map-status')!;
      const resized: string[] = [];
      const watched = ['.cs-timeline', '.cs-map-canvas', '.cs-filter-row'];
      const ro = new ResizeObserver((entries) => {
        for (const e of entries)
          if (e.target.getAttribute('data-seen'))
            resized.push(`${e.target.className} ${e.contentRect.width}x${e.contentRect.height}`);
          else e.target.setAttribute('data-seen', '1');
      });
      for (const sel of watched) ro.observe(document.querySelector(sel)!);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const before = status.textContent;
      const mapWhenStatusChanged = new Promise<string>((resolve) => {
        const mo = new MutationObserver(() => {
          if (status.textContent === before) return;
          mo.disconnect();
          resolve(mapLine.textContent ?? '');
        });
        mo.observe(status, { childList: true, characterData: true, subtree: true });
      });
      input.click();
      const map = await mapWhenStatusChanged;
      for (let k = 0; k < 10; k++) await new Promise((r) => requestAnimationFrame(r));
      ro.disconnect();
      return { map, resized };
    });
    await d.expectShowing(dpr.length, 3883);
    const n = placed.length.toLocaleString('en');
    expect(seen.map).toBe(`${n} of ${dpr.length.toLocaleString('en')} matching events on the map`);
    expect(seen.resized).toEqual([]);
    // The chip and Clear all are on the row's one line, whole.
    const row = (await d.filters.locator('.cs-filter-row').boundingBox())!;
    for (const part of [
      d.filters.getByRole('button', { name: /^Remove filter actor DPR \(UCDP actor 6711\)/ }),
      d.filters.getByRole('button', { name: 'Clear all' }),
    ]) {
      const b = (await part.boundingBox())!;
      expect(b.y).toBeGreaterThanOrEqual(row.y - 4);
      expect(b.y + b.height).toBeLessThanOrEqual(row.y + row.height + 4);
      expect(b.x + b.width).toBeLessThanOrEqual(row.x + row.width + 1);
    }
  });

  test('a link with a box reopens the same filter; the keyboard selects what is under the cross', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`${PLACES}&geo=1&bbox=29,49,32,51`);
    await d.expectShowing(1, 5);
    const map = mapOf(page);
    await expect(map.status).toHaveText('1 of 1 matching events on the map');
    await map.canvas.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => d.params().get('event')).toBe('kyiv');
    await expect(
      d.details.getByRole('heading', { name: 'Austin and Umerov meet in Kyiv' }),
    ).toBeVisible();
    await expect(map.status).toContainText('The selected event is ringed.');
    // The map's own + does not zoom the timeline (whose zoom would write its window to the link).
    const windowOf = () => [d.params().get('from'), d.params().get('to')];
    const before = windowOf();
    await page.keyboard.press('+');
    await page.waitForTimeout(600); // past the link's window throttle
    expect(windowOf()).toEqual(before);
  });

  test('a selection made elsewhere shows on the map', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(`${PLACES}&geo=1`);
    const map = mapOf(page);
    await d.eventRows().filter({ hasText: 'Statement without a place' }).click();
    await expect(map.status).toContainText('The selected event has no coordinates.');
    await d.eventRows().filter({ hasText: 'Pentagon briefing' }).click();
    await expect(map.status).toContainText('The selected event is ringed.');
  });

  test('the event under the pointer is marked in the map, the timeline and the list; an imprecise place says so', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`${PLACES}&geo=1&bbox=4,50.5,4.7,51.2`);
    await d.expectShowing(1, 5);
    const map = mapOf(page);
    const title = 'Contact group meets at NATO headquarters';
    const box = (await map.canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(map.region.locator('.cs-map-tip')).toHaveText(
      `${title} — Brussels (within about 25 km)`,
    );
    await expect(d.chart.hovered()).toHaveText(title);
    await expect(d.eventRows().filter({ hasText: title })).toHaveClass(/is-hovered/);
    await page.mouse.move(box.x + 4, box.y + 4);
    await expect(d.chart.hovered()).toHaveCount(0);
    await expect(d.eventRows().filter({ hasText: title })).not.toHaveClass(/is-hovered/);

    await d.eventRows().filter({ hasText: title }).hover();
    await expect(map.canvas).toHaveAttribute('data-hovered', 'brussels');
    await expect(d.chart.hovered()).toHaveText(title);
    await d.chart.item(title).hover();
    await expect(map.canvas).toHaveAttribute('data-hovered', 'brussels');
    await expect(d.eventRows().filter({ hasText: title })).toHaveClass(/is-hovered/);
    await page.mouse.move(box.x + 4, box.y + 4);
    await expect(map.canvas).not.toHaveAttribute('data-hovered');

    await d.eventRows().filter({ hasText: title }).click();
    await expect(
      d.details.getByText('Brussels (50.8500, 4.3500) · within about 25 km'),
    ).toBeVisible();
  });

  test('a hostile title and place name stay text in the map tooltip', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open(`${PLACES}&geo=1&bbox=179.7,-17.9,-179.9,-17.5`);
    await d.expectShowing(1, 5);
    const map = mapOf(page);
    const box = (await map.canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = map.region.locator('.cs-map-tip');
    await expect(tip).toHaveText(
      '<img src=x onerror="window.__pwned=1"> — <script>window.__pwned=2</script>',
    );
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(map.region.locator('img, script')).toHaveCount(0);
  });
});

test('Play steps the timeline window through time and the map follows it', async ({ page }) => {
  const d = new Dashboard(page);
  await d.open('data=ucdp-ukraine&geo=1&from=2014-01-01T00:00:00Z&to=2015-01-01T00:00:00Z');
  await d.expectShowing(3883, 3883);
  const map = mapOf(page);
  const play = map.region.getByRole('button', { name: 'Play' });
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => d.params().get('geowin')).toBe('1');
  // The map counts only the events in the window, and the window moves on.
  await expect(map.status).toHaveText(/^[\d,]+ of 3,883 matching events on the map$/);
  await expect
    .poll(() => Date.parse(d.params().get('from') ?? '2014-01-01T00:00:00Z'), { timeout: 15_000 })
    .toBeGreaterThan(Date.parse('2014-03-01T00:00:00Z'));
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await page.waitForTimeout(600); // the last step's window reaches the link through its throttle
  const stopped = d.params().get('from');
  await page.waitForTimeout(1500);
  expect(d.params().get('from')).toBe(stopped);
});

test('the map can be saved as a PNG image', async ({ page }) => {
  const d = new Dashboard(page);
  await d.open('data=ucdp-ukraine&geo=1');
  await expect(mapOf(page).status).toHaveText('3,883 of 3,883 matching events on the map');
  await d.exportMenu();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Map as PNG image' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/map.*\.png$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(bytes.length).toBeGreaterThan(5_000);
});
