import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Dashboard } from '../pages/Dashboard';
import { SERVER_E2E, serverBase } from './serverE2e';

const { publicId } = SERVER_E2E;

/** The file the server ingested as `publicId`, read here the long way for independent counts. */
const EVENTS = (
  JSON.parse(readFileSync('public/data/ucdp-ukraine.json', 'utf8')) as {
    events: { id: string; title: string; location?: { lat?: number; lon?: number } }[];
  }
).events;

function inBox(b: number[]): number {
  const [west, south, east, north] = b as [number, number, number, number];
  return EVENTS.filter(({ location: l }) => {
    if (l?.lat === undefined || l.lon === undefined) return false;
    const lonIn = west <= east ? l.lon >= west && l.lon <= east : l.lon >= west || l.lon <= east;
    return lonIn && l.lat >= south && l.lat <= north;
  }).length;
}

function mapOf(page: Page) {
  const region = page.getByRole('region', { name: 'Map' });
  return {
    region,
    canvas: region.getByRole('application'),
    status: region.locator('.cs-map-status'),
  };
}

const shownCount = (page: Page) =>
  page.getByRole('region', { name: 'Filters and facets' }).locator('.cs-server-count');

test('the map of a server dataset: opened from the timeline, a drawn box filters, counts agree', async ({
  page,
}) => {
  await page.goto(`${serverBase()}/?data=server:${publicId}`);
  const d = new Dashboard(page);
  await expect(shownCount(page)).toHaveText('3,883 of 3,883 events');
  await d.timeline.getByRole('button', { name: 'Map' }).click();
  await expect.poll(() => d.params().get('geo')).toBe('1');
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
  const expected = inBox(d.params().get('bbox')!.split(',').map(Number));
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(3883);
  const n = expected.toLocaleString('en');
  await expect(shownCount(page)).toHaveText(`${n} of 3,883 events`);
  await expect(map.status).toHaveText(`${n} of ${n} matching events on the map`);
  await page.goBack();
  await expect.poll(() => d.params().get('bbox')).toBeNull();
  await expect(map.status).toHaveText('3,883 of 3,883 matching events on the map');
});

test('a single place on the server map: hovered it names the event, clicked it opens its details', async ({
  page,
}) => {
  // An event with no other within 0.6° (found in the file above); the map fits the box around it.
  const lone = EVENTS.find((e) => e.id === '462254')!;
  await page.goto(`${serverBase()}/?data=server:${publicId}&geo=1&bbox=31.5,51.6,32.5,52.4`);
  const d = new Dashboard(page);
  const map = mapOf(page);
  await expect(map.status).toHaveText('1 of 1 matching events on the map');
  const box = (await map.canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(map.region.locator('.cs-map-tip')).toHaveText(`${lone.title} — Chernihiv oblast`);
  await page.mouse.down();
  await page.mouse.up();
  await expect.poll(() => d.params().get('event')).toBe(lone.id);
  await expect(d.details.getByRole('heading', { level: 2 })).toHaveText(lone.title);
  await expect(map.status).toContainText('The selected event is ringed.');
});

test('Play steps the server timeline through time, the window in the link and the map following', async ({
  page,
}) => {
  await page.goto(`${serverBase()}/?data=server:${publicId}&geo=1`);
  const d = new Dashboard(page);
  const map = mapOf(page);
  await expect(map.status).toHaveText('3,883 of 3,883 matching events on the map');
  await expect.poll(() => d.params().get('from')).not.toBeNull();
  const [f0, t0] = await d.windowFromUrl();
  await d.timeline.getByRole('button', { name: 'Zoom in' }).click();
  await d.timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect
    .poll(async () => {
      const [f, t] = await d.windowFromUrl();
      return t - f;
    })
    .toBeLessThan((t0 - f0) * 0.3);
  const [a0, b0] = await d.windowFromUrl();
  const play = map.region.getByRole('button', { name: 'Play' });
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => d.params().get('geowin')).toBe('1');
  // Two steps of a fifth of the window each, the span kept.
  await expect
    .poll(async () => (await d.windowFromUrl())[0] - a0, { timeout: 10_000 })
    .toBeGreaterThan((b0 - a0) * 0.3);
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  const [a1, b1] = await d.windowFromUrl();
  expect(Math.abs(b1 - a1 - (b0 - a0))).toBeLessThan(1000);
  // The map shows the events of the window it stepped to, fewer than all.
  await expect(map.status).not.toHaveText('3,883 of 3,883 matching events on the map');
});
