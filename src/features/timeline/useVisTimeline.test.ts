import { describe, expect, it, vi } from 'vitest';
import type { Timeline } from '../../lib/vis';
import { deferFollowUpUntilItemsDrawn, withOneRedraw } from './useVisTimeline';

/**
 * The two vis-timeline internals withOneRedraw holds back, shaped as vis 8 has them: methods on prototypes, the
 * lane method defined on Group and inherited by BackgroundGroup (the first lane when lanes are on).
 */
function fakeTimeline() {
  const drawn: string[] = [];
  class Group {
    _checkIfVisible(item: string) {
      drawn.push(`lane draws ${item}`);
    }
  }
  class BackgroundGroup extends Group {}
  class ItemSet {
    groups = { __background__: new BackgroundGroup(), actor: new Group() };
    redraw() {
      drawn.push('item layer redraw');
      return false;
    }
  }
  const itemSet = new ItemSet();
  const timeline = { itemSet, redraw: vi.fn(() => drawn.push('one redraw, next frame')) };
  return { timeline, itemSet, Group, BackgroundGroup, lanes: itemSet.groups, drawn };
}

describe('withOneRedraw', () => {
  it('holds back per-item drawing in every lane and per-call drawing, then asks for one redraw', () => {
    const { timeline, itemSet, lanes, drawn, Group } = fakeTimeline();
    withOneRedraw(
      timeline as unknown as Timeline,
      () => {
        lanes.actor._checkIfVisible('a');
        lanes.__background__._checkIfVisible('bg');
        itemSet.redraw();
        lanes.actor._checkIfVisible('b');
        itemSet.redraw();
      },
      Group,
    );
    expect(drawn).toEqual(['one redraw, next frame']);
    // Afterwards vis draws as usual again (its own methods, not our stand-ins).
    lanes.actor._checkIfVisible('c');
    itemSet.redraw();
    expect(drawn).toEqual(['one redraw, next frame', 'lane draws c', 'item layer redraw']);
    expect(Object.hasOwn(itemSet, 'redraw')).toBe(false);
  });

  it('leaves nothing behind on a lane subclass', () => {
    const { timeline, Group, BackgroundGroup } = fakeTimeline();
    withOneRedraw(timeline as unknown as Timeline, () => {}, Group);
    expect(Object.hasOwn(BackgroundGroup.prototype, '_checkIfVisible')).toBe(false);
  });

  it('restores vis even when a change throws', () => {
    const { timeline, itemSet, lanes, drawn, Group } = fakeTimeline();
    expect(() =>
      withOneRedraw(
        timeline as unknown as Timeline,
        () => {
          throw new Error('bad item');
        },
        Group,
      ),
    ).toThrow('bad item');
    lanes.actor._checkIfVisible('x');
    itemSet.redraw();
    expect(drawn).toEqual(['lane draws x', 'item layer redraw']);
  });

  it.each([
    ['no item layer', { redraw: vi.fn() }, fakeTimeline().Group],
    ['no lane class', fakeTimeline().timeline, undefined],
  ])('just applies the change where the internals are missing (%s)', (_name, timeline, lane) => {
    const change = vi.fn();
    withOneRedraw(timeline as unknown as Timeline, change, lane);
    expect(change).toHaveBeenCalledOnce();
    expect(timeline.redraw).not.toHaveBeenCalled();
  });
});

/** An event emitter with component-emitter's API (vis-timeline's Timeline is one). */
class Emitter {
  private readonly fns = new Map<string, ((p?: object) => void)[]>();
  on(event: string, fn: (p?: object) => void) {
    this.fns.set(event, [...this.listeners(event), fn]);
  }
  off(event: string) {
    this.fns.delete(event);
  }
  listeners(event: string) {
    return this.fns.get(event) ?? [];
  }
  emit(event: string, props?: object) {
    for (const fn of this.listeners(event)) fn(props);
  }
}

describe('deferFollowUpUntilItemsDrawn', () => {
  it("has vis's own listeners draw follow-ups in the next frame until the first draw with items, then as before", () => {
    const timeline = new Emitter();
    const heard: unknown[] = [];
    let items = 0;
    timeline.on('_change', (p) => heard.push(p));
    timeline.on('rangechange', (p) => heard.push(p));
    deferFollowUpUntilItemsDrawn(timeline as unknown as Timeline, () => items > 0);
    timeline.emit('_change'); // a follow-up of the first draw, without items
    timeline.emit('_change', { queue: true });
    timeline.emit('rangechange', { byUser: true });
    items = 12;
    timeline.emit('_change'); // the follow-up of the first draw with items
    timeline.emit('_change'); // later follow-ups: at once, as vis does
    expect(heard).toEqual([
      { queue: true },
      { queue: true },
      { byUser: true },
      { queue: true },
      undefined,
    ]);
  });

  it('changes nothing where vis has no such listeners', () => {
    const timeline = new Emitter();
    deferFollowUpUntilItemsDrawn(timeline as unknown as Timeline, () => true);
    expect(timeline.listeners('_change')).toEqual([]);
    expect(() => deferFollowUpUntilItemsDrawn({} as unknown as Timeline, () => true)).not.toThrow();
  });
});
