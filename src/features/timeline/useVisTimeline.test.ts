import { describe, expect, it, vi } from 'vitest';
import type { Timeline } from '../../lib/vis';
import { deferFollowUpUntilItemsDrawn, withOneRedraw } from './useVisTimeline';

/** The two vis-timeline internals withOneRedraw holds back, shaped as vis 8 has them (methods on prototypes). */
function fakeTimeline() {
  const drawn: string[] = [];
  class Lane {
    _checkIfVisible(item: string) {
      drawn.push(`lane draws ${item}`);
    }
  }
  class ItemSet {
    groups = { default: new Lane() };
    redraw() {
      drawn.push('item layer redraw');
      return false;
    }
  }
  const itemSet = new ItemSet();
  const timeline = { itemSet, redraw: vi.fn(() => drawn.push('one redraw, next frame')) };
  return { timeline, itemSet, lane: itemSet.groups.default, drawn };
}

describe('withOneRedraw', () => {
  it('holds back per-item and per-call drawing, then asks for one redraw', () => {
    const { timeline, itemSet, lane, drawn } = fakeTimeline();
    withOneRedraw(timeline as unknown as Timeline, () => {
      lane._checkIfVisible('a');
      itemSet.redraw();
      lane._checkIfVisible('b');
      itemSet.redraw();
    });
    expect(drawn).toEqual(['one redraw, next frame']);
    // Afterwards vis draws as usual again (its own methods, not our stand-ins).
    lane._checkIfVisible('c');
    itemSet.redraw();
    expect(drawn).toEqual(['one redraw, next frame', 'lane draws c', 'item layer redraw']);
    expect(Object.hasOwn(itemSet, 'redraw')).toBe(false);
  });

  it('restores vis even when a change throws', () => {
    const { timeline, itemSet, lane, drawn } = fakeTimeline();
    expect(() =>
      withOneRedraw(timeline as unknown as Timeline, () => {
        throw new Error('bad item');
      }),
    ).toThrow('bad item');
    lane._checkIfVisible('x');
    itemSet.redraw();
    expect(drawn).toEqual(['lane draws x', 'item layer redraw']);
  });

  it('just applies the change where the internals are missing', () => {
    const timeline = { redraw: vi.fn() };
    const change = vi.fn();
    withOneRedraw(timeline as unknown as Timeline, change);
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
