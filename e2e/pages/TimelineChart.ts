import type { Locator, Page } from '@playwright/test';

/**
 * The timeline as drawn by vis-timeline: the one place the e2e suite names vis-timeline's and the app's item
 * classes, so that a change of the drawing library or its markup is one edit here.
 */
export class TimelineChart {
  constructor(
    private readonly page: Page,
    /** The region named "Timeline" (toolbar, histogram and chart). */
    readonly region: Locator,
  ) {}

  /** vis-timeline's root element. */
  get root(): Locator {
    return this.region.locator('.vis-timeline');
  }

  /** The centre panel, where items are drawn (the area that pans and zooms). */
  get canvas(): Locator {
    return this.region.locator('.vis-panel.vis-center');
  }

  /** Every drawn item's content (a point item has three nodes but one content). */
  itemContents(): Locator {
    return this.region.locator('.vis-item-content');
  }

  /** The items whose text holds `title`. */
  item(title: string): Locator {
    return this.region.locator('.vis-item', { hasText: title });
  }

  /** The clickable content of the items whose text holds `title`. */
  itemContent(title: string): Locator {
    return this.contentOf(this.item(title));
  }

  /** The item marked as the event another view (the map, the list) has under the pointer. */
  hovered(): Locator {
    return this.region.locator('.vis-item.is-hovered');
  }

  /** The clickable content of one item. */
  contentOf(item: Locator): Locator {
    return item.locator('.vis-item-content');
  }

  /** Contents holding `text` (titles are drawn as text, never as markup). */
  contentsWithText(text: string): Locator {
    return this.region.locator('.vis-item-content', { hasText: text });
  }

  /** The "added" marks of events the analyst added (their items' contents). */
  addedMarks(): Locator {
    return this.region.locator('.vis-item-content .cs-item-added');
  }

  /** Exact events drawn as points. */
  points(): Locator {
    return this.region.locator('.vis-item.vis-point.cs-shape-point');
  }

  /** Events of uncertain date drawn as hatched spans. */
  uncertainSpans(): Locator {
    return this.region.locator('.vis-item.vis-range.cs-shape-uncertain');
  }

  /** Labelled background periods (TimelineJS eras). */
  period(label: string): Locator {
    return this.region.locator('.vis-item.vis-background.cs-period', { hasText: label });
  }

  /** Count buckets drawn where events are dense. */
  buckets(): Locator {
    return this.region.locator('.vis-item.cs-bucket');
  }

  /** Lane labels, or those holding `name`. */
  laneLabels(name?: string): Locator {
    return this.region.locator('.vis-label', name === undefined ? {} : { hasText: name });
  }

  /** The event count a lane label shows. */
  laneCount(name: string): Locator {
    return this.laneLabels(name).locator('.cs-lane-count');
  }

  /** The items drawn in the first lane. */
  firstLaneItems(): Locator {
    return this.region.locator('.vis-foreground .vis-group').first().locator('.vis-item');
  }

  /** The hover card (vis-timeline draws it at the page's top level). */
  get tooltip(): Locator {
    return this.page.locator('.vis-tooltip');
  }
}
