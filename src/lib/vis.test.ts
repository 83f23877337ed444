// @vitest-environment jsdom
// (vis-timeline draws into a DOM)
import { afterEach, describe, expect, it } from 'vitest';
import { withOneRedraw } from '../features/timeline/useVisTimeline';
import { DataSet, laneClass, Timeline } from './vis';

/**
 * Canaries: the vis-timeline internals Chronoscope's bridge reaches for (useVisTimeline.ts), checked against the
 * real package, so that an upgrade that renames or moves one fails here instead of silently drawing item by item.
 */
describe('vis-timeline internals the bridge relies on', () => {
  let timeline: Timeline | undefined;
  afterEach(() => timeline?.destroy());

  function build(withLanes: boolean) {
    const el = document.createElement('div');
    document.body.append(el);
    const items = new DataSet([{ id: 'a', start: 0, content: 'a', group: 'g1' }]);
    timeline = withLanes
      ? new Timeline(el, items as never, new DataSet([{ id: 'g1', content: 'g1' }]) as never, {})
      : new Timeline(el, items as never, {});
    return { timeline, items };
  }

  it('exports the lane class, Group, defining _checkIfVisible itself', () => {
    expect(laneClass).toBeDefined();
    expect(Object.hasOwn(laneClass!.prototype, '_checkIfVisible')).toBe(true);
    expect(typeof laneClass!.prototype._checkIfVisible).toBe('function');
  });

  it.each([false, true])(
    'has an item layer with redraw, whose lanes are Groups (lanes on: %s)',
    (withLanes) => {
      const { timeline } = build(withLanes);
      const itemSet = (timeline as unknown as { itemSet?: { redraw?: unknown; groups?: object } })
        .itemSet;
      expect(typeof itemSet?.redraw).toBe('function');
      const lanes = Object.values(itemSet?.groups ?? {});
      expect(lanes.length).toBeGreaterThan(0);
      for (const lane of lanes) expect(lane).toBeInstanceOf(laneClass as never);
    },
  );

  it('emits _change to listeners it exposes (listeners, off)', () => {
    const { timeline } = build(false);
    const t = timeline as unknown as { listeners?: (e: string) => unknown[]; off?: unknown };
    expect(typeof t.off).toBe('function');
    expect(t.listeners?.('_change').length).toBeGreaterThan(0);
  });

  it('withOneRedraw on the real timeline with lanes restores Group and leaves BackgroundGroup untouched', () => {
    const { timeline, items } = build(true);
    const own = laneClass!.prototype._checkIfVisible;
    let heldBack: unknown;
    withOneRedraw(
      timeline,
      () => {
        heldBack = laneClass!.prototype._checkIfVisible;
        items.add({ id: 'b', start: 1000, content: 'b', group: 'g1' } as never);
      },
      laneClass,
    );
    expect(heldBack).not.toBe(own);
    expect(laneClass!.prototype._checkIfVisible).toBe(own);
    const lanes = Object.values(
      (timeline as unknown as { itemSet: { groups: Record<string, object> } }).itemSet.groups,
    );
    for (const lane of lanes)
      expect(Object.hasOwn(Object.getPrototypeOf(lane) as object, '_checkIfVisible')).toBe(
        Object.getPrototypeOf(lane) === laneClass!.prototype,
      );
  });
});
