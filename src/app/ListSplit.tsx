import type { RefObject } from 'react';
import { formatCount } from '../domain/formatCount';
import { LIST_SHARE, useLayout } from '../state/layoutStore';
import { Splitter } from '../ui/Splitter';

/**
 * The splitter between the timeline and the event list, in both workspaces: it sets the list's share of the centre
 * (remembered for both) and folds the list away. It drags over the area from the timeline's top to the centre's
 * bottom.
 */
export function ListSplitter({
  timeline,
  center,
}: {
  timeline: RefObject<HTMLElement | null>;
  center: RefObject<HTMLElement | null>;
}) {
  const toggle = useLayout((s) => s.toggle);
  const listShare = useLayout((s) => s.listShare);
  const setListShare = useLayout((s) => s.setListShare);
  return (
    <Splitter
      label="Resize the event list"
      controls="cs-events"
      value={listShare}
      min={LIST_SHARE.min}
      max={LIST_SHARE.max}
      step={LIST_SHARE.step}
      onChange={setListShare}
      onToggle={() => toggle('list', false)}
      area={() => {
        const top = timeline.current?.getBoundingClientRect().top;
        const bottom = center.current?.getBoundingClientRect().bottom;
        return top !== undefined && bottom !== undefined ? { top, bottom } : undefined;
      }}
    />
  );
}

/** The folded list's strip, which brings it back; `shortcut` where the workspace has one. */
export function ListStrip({ count, shortcut }: { count: number | undefined; shortcut?: string }) {
  const toggle = useLayout((s) => s.toggle);
  return (
    <button
      type="button"
      className="cs-list-strip"
      aria-expanded={false}
      aria-controls="cs-events"
      title={`Show the event list${shortcut ? ` (${shortcut})` : ''}`}
      onClick={() => toggle('list', true)}
    >
      Show the event list{' '}
      {count !== undefined && <span className="cs-count">({formatCount(count)} events)</span>}
    </button>
  );
}
