import { expect, type Locator, type Page } from '@playwright/test';
import { TimelineChart } from './TimelineChart';

export const FIXTURES = `http://127.0.0.1:${process.env.E2E_FIXTURE_PORT ?? 4174}`;

/** The Chronoscope dashboard as an analyst sees it: regions, controls and the status line, by accessible name. */
export class Dashboard {
  readonly status: Locator;
  readonly filters: Locator;
  readonly timeline: Locator;
  readonly entities: Locator;
  readonly events: Locator;
  readonly details: Locator;
  readonly search: Locator;
  /** The splitter between the timeline and the event list. */
  readonly splitter: Locator;
  /** The entities panel's finder. */
  readonly entityFinder: Locator;
  /** What the timeline draws: items, lanes, buckets, its hover card. */
  readonly chart: TimelineChart;

  constructor(readonly page: Page) {
    this.status = page.getByRole('status');
    this.filters = page.getByRole('region', { name: 'Filters' });
    this.timeline = page.getByRole('region', { name: 'Timeline' });
    this.entities = page.getByRole('region', { name: 'Entities' });
    this.events = page.getByRole('region', { name: 'Events' });
    this.details = page.getByRole('region', { name: 'Event details' });
    this.search = page.getByRole('searchbox', { name: 'Search events' });
    this.splitter = page.getByRole('separator', { name: 'Resize the event list' });
    this.entityFinder = this.entities.getByRole('searchbox', {
      name: 'Find entity by name or alias',
    });
    this.chart = new TimelineChart(page, this.timeline);
  }

  /** Opens a disclosure (menu or popover) by its button's text, unless it is open already. */
  private async openDisclosure(scope: Locator, name: string): Promise<void> {
    const summary = scope.locator('summary', { hasText: new RegExp(`^${name}`) }).first();
    const details = summary.locator('..');
    if ((await details.getAttribute('open')) === null) await summary.click();
    await expect(details).toHaveAttribute('open', '');
  }

  /** The filter row's pickers, in their order (those that do not fit the row fold into "More filters"). */
  static readonly PICKERS = [
    'Event type',
    'Tag',
    'Place',
    'Actor type',
    'Precision',
    'Analyst tag',
    'Starred',
    'Chosen actors',
  ] as const;

  /** A filter picker by its name, wherever it is (in the row or in the More filters menu). */
  picker(name: (typeof Dashboard.PICKERS)[number]): Locator {
    if (name === 'Starred') return this.filters.getByRole('checkbox', { name: /^Starred/ });
    if (name === 'Chosen actors') return this.filters.getByRole('group', { name });
    return this.filters.locator('summary', { hasText: new RegExp(`^${name}`) });
  }

  /** The "More filters" button, there only while some pickers do not fit the row. */
  get moreFiltersButton(): Locator {
    return this.filters.locator('summary', { hasText: /^More filters/ });
  }

  /**
   * Opens the filter row's "More filters" popover where the row folded pickers into it, and returns the filters
   * region, where every picker then is.
   */
  async moreFilters(): Promise<Locator> {
    if (await this.moreFiltersButton.isVisible())
      await this.openDisclosure(this.filters, 'More filters');
    return this.filters;
  }

  /**
   * Does `act` to a filter-row control (by its label) wherever the row has put it: in the row, or in More filters,
   * opened if need be. The row folds again when what it shows changes (the layer's starred count arriving after a
   * reload can fold Starred away just after a look found it in the row), so this looks and acts again until `act`
   * succeeds.
   */
  async onFilterControl(
    label: string | RegExp,
    act: (control: Locator) => Promise<unknown> = (c) => expect(c).toBeVisible({ timeout: 1_000 }),
  ): Promise<void> {
    const control = this.filters.getByLabel(label);
    await expect(async () => {
      if (!(await control.isVisible())) await this.moreFilters();
      await act(control);
    }).toPass({ timeout: 10_000 });
  }

  /** Opens the filter row's "Dates" popover (From, To, Use window). */
  async dateRange(): Promise<Locator> {
    await this.openDisclosure(this.filters, 'Dates');
    return this.filters.getByRole('group', { name: 'Date range' });
  }

  /** Opens the header's Share menu (Copy link, Saved views, Export). */
  async shareMenu(): Promise<Locator> {
    const nav = this.page.getByRole('navigation', { name: 'Dataset and view' });
    await this.openDisclosure(nav, 'Share');
    return nav;
  }

  /** Opens Share → Export, the export menu. */
  async exportMenu(): Promise<void> {
    const nav = await this.shareMenu();
    await this.openDisclosure(nav, 'Export');
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query ? `?${query}` : ''}`);
  }

  async expectShowing(x: number | string, y: number | string): Promise<void> {
    const f = (n: number | string) => (typeof n === 'number' ? n.toLocaleString('en') : n);
    await expect(this.status).toHaveText(`Showing ${f(x)} of ${f(y)} events`);
  }

  /** Item contents drawn on the timeline (see TimelineChart). */
  itemContents(): Locator {
    return this.chart.itemContents();
  }

  timelineItem(title: string): Locator {
    return this.chart.item(title);
  }

  eventRows(): Locator {
    return this.events.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  entityCheckbox(name: string): Locator {
    return this.entities.getByRole('checkbox', { name: new RegExp(`^${name}`) });
  }

  /**
   * Opens an entity's profile by its "About" button in `scope` (the entity list, or a server dataset's Actors
   * facet) and reads it: the count its sparkline names, the first/last seen line and the co-actors listed.
   */
  async openProfile(
    name: string,
    scope: Locator = this.entities,
  ): Promise<{ count: number; seen: string; coActors: string[] }> {
    const button = this.page.getByRole('button', { name: `About ${name}`, exact: true });
    const about = scope.locator(button);
    await about.click();
    await expect(about).toHaveAttribute('aria-expanded', 'true');
    // `has` is read inside each item: the page's locator, not the scope's.
    const item = scope.getByRole('listitem').filter({ has: button });
    const spark = item.getByRole('img', { name: /matching events over the dataset's time span$/ });
    const label = (await spark.getAttribute('aria-label'))!;
    const seen = (await item.getByText(/^(First seen|No matching events)/).textContent())!;
    const coActors = await item.getByRole('list').getByRole('button').allTextContents();
    return {
      count: Number(/: ([\d]+) matching events/.exec(label)![1]),
      seen,
      coActors,
    };
  }

  /** Opens a dataset from the header's Datasets menu by "Load from URL", as an analyst does in the running app. */
  async loadFromUrl(address: string): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: 'Dataset and view' });
    await nav.getByText('Datasets', { exact: true }).click();
    await nav.getByLabel('Load from URL').fill(address);
    await nav.getByRole('button', { name: 'Load', exact: true }).click();
  }

  /** The URL's query parameters right now. */
  params(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  /**
   * Selects a timeline item where the details open as an overlay (below 1440 px) and checks that they lie over
   * the timeline and that the timeline moved the item out from under them, keeping it in view and the zoom as it
   * was. `heading` is what the details' heading then holds.
   */
  async selectClearOfDetails(item: Locator, heading: string): Promise<void> {
    const [from0, to0] = await this.windowFromUrl();
    // A click while vis-timeline is still drawing the first items can land on an element it replaces before the
    // tap completes (CI, once): clicked again until the details show the event.
    await expect(async () => {
      await item.click();
      await expect(this.details.getByRole('heading', { level: 2 })).toContainText(heading, {
        timeout: 2000,
      });
    }).toPass();
    const overlay = (await this.details.boundingBox())!;
    const timeline = (await this.timeline.boundingBox())!;
    expect(overlay.x).toBeLessThan(timeline.x + timeline.width - 100);
    await expect
      .poll(async () => {
        const box = (await item.boundingBox())!;
        return box.x + box.width <= overlay.x && box.x >= timeline.x;
      })
      .toBe(true);
    const [from, to] = await this.windowFromUrl();
    expect(to - from).toBe(to0 - from0);
  }

  /** Drags across the density histogram from one fraction of its width to another (the brush). */
  async brushHistogram(from: number, to: number): Promise<void> {
    const box = (await this.timeline.getByTestId('histogram').boundingBox())!;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * from, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * to, y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Waits for the throttled window write and returns [from, to] in ms. */
  async windowFromUrl(): Promise<[number, number]> {
    await expect.poll(() => this.params().get('from')).not.toBeNull();
    return [Date.parse(this.params().get('from')!), Date.parse(this.params().get('to')!)];
  }

  async dropFile(
    name: string,
    content: string | Uint8Array,
    type = 'application/json',
  ): Promise<void> {
    // The page takes drops once the app has rendered (its scripts load after the load event).
    await expect(this.status).toBeVisible();
    // Text (as UTF-8) and bytes (a workbook) alike cross into the page as base64.
    const base64 = Buffer.from(content).toString('base64');
    const dt = await this.page.evaluateHandle(
      ([n, b, t]) => {
        const d = new DataTransfer();
        d.items.add(new File([Uint8Array.from(atob(b), (ch) => ch.charCodeAt(0))], n, { type: t }));
        return d;
      },
      [name, base64, type] as const,
    );
    await this.page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  }

  /** The axis labels vis-timeline drew ('minor': ticks' units, 'major': the larger unit), with their tick's page x. */
  async axisLabels(kind: 'minor' | 'major'): Promise<{ text: string; x: number }[]> {
    return this.timeline
      .locator(`.vis-time-axis .vis-text.vis-${kind}:not(.vis-measure)`)
      .evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent ?? '', x: el.getBoundingClientRect().left })),
      );
  }

  /** The page x at which the timeline draws an instant, from the window it reports and its canvas. */
  async xOf(instant: number): Promise<number> {
    const canvas = this.timeline.locator('.cs-timeline');
    await expect(canvas).toHaveAttribute('data-window-start', /\d/);
    return canvas.evaluate((el, t) => {
      const start = Number((el as HTMLElement).dataset.windowStart);
      const end = Number((el as HTMLElement).dataset.windowEnd);
      const panel = el.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
      return panel.left + ((t - start) / (end - start)) * panel.width;
    }, instant);
  }
}
