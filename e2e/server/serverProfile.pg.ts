import { expect, test, type Page } from '@playwright/test';
import { Dashboard } from '../pages/Dashboard';
import { SERVER_E2E, serverBase } from './serverE2e';

/** The same file the server ingested as its public dataset, as the app bundles it (the in-browser engine). */
const BUNDLED = 'ucdp-ukraine';

const actorsFacet = (page: Page) =>
  page.getByRole('region', { name: 'Filters and facets' }).getByRole('region', { name: 'Actors' });

test("an actor's profile on a server dataset: the facet's count, and the file workspace's dates and co-actors", async ({
  page,
}) => {
  // A date filter, so that the profile counts the matching events rather than all of the actor's.
  const filters = 'until=2014-12';
  await page.goto(`${serverBase()}/?data=server:${SERVER_E2E.publicId}&${filters}`);
  const d = new Dashboard(page);
  const facet = actorsFacet(page);
  const name = (await facet
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: /^About / })
    .getAttribute('aria-label'))!.replace(/^About /, '');
  // The actor's row (and its open profile), wherever the facet's order puts it.
  const row = facet
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `About ${name}`, exact: true }) });
  /** The facet's count on the row (before the profile's numbers). */
  const countOf = async () =>
    Number(
      (await row
        .getByText(/^[\d,]+$/)
        .first()
        .textContent())!.replace(/,/g, ''),
    );
  const facetCount = await countOf();
  expect(facetCount).toBeGreaterThan(0);

  const onServer = await d.openProfile(name, facet);
  expect(onServer.count).toBe(facetCount);
  expect(onServer.seen).toMatch(/^First seen .+2014, last seen .+2014$/);
  expect(onServer.coActors.length).toBeGreaterThan(0);

  // Another filter: the open profile is asked again and follows the facet's new count.
  const places = page.getByRole('region', { name: 'Places' });
  await places.getByRole('checkbox').first().check();
  await expect.poll(() => new URL(page.url()).searchParams.get('place')).not.toBeNull();
  await expect.poll(countOf).toBeLessThan(facetCount);
  const narrowed = await countOf();
  await expect(
    row.getByRole('img', {
      name: `${name}: ${narrowed} matching events over the dataset's time span`,
    }),
  ).toBeVisible();
  await facet.getByRole('button', { name: `About ${name}`, exact: true }).click();
  await expect(row.getByText(/^First seen/)).toBeHidden();

  // The same entity under the same filters in the file workspace (the bundled copy, the in-browser engine).
  const link = new URL(page.url());
  const server = link.toString();
  link.searchParams.set('data', BUNDLED);
  await page.goto(link.toString());
  await d.entityFinder.fill(name);
  const inBrowser = await d.openProfile(name);
  expect(inBrowser.count).toBe(narrowed);
  await page.goto(server);
  expect(await d.openProfile(name, facet)).toEqual(inBrowser);
});
