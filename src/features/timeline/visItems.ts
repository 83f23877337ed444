import type { PlannedItem } from '../../domain/levelOfDetail';
import type { VisItem } from './useVisTimeline';

/** A planned item as vis-timeline's DataSet item (content comes from the DOM templates). */
export function toVisItem(it: PlannedItem, tz: string, selected: number | undefined): VisItem {
  if (it.kind === 'bucket') {
    return {
      id: it.id,
      start: it.start,
      // A hair short of the next bucket, so neighbours read as separate blocks on one row.
      end: it.end - (it.end - it.start) * 0.03,
      type: 'range',
      className: `cs-bucket cs-density-${it.density}`,
      content: '',
      ...(it.lane ? { group: it.lane } : {}),
      sig: `b|${it.count}|${it.density}`,
    };
  }
  const isSel = it.position === selected;
  const className = `cs-event cs-shape-${it.shape}${isSel ? ' is-selected' : ''}`;
  const point = it.shape === 'point';
  return {
    id: it.id,
    start: it.start,
    ...(point ? {} : { end: it.end }),
    type: point ? 'point' : 'range',
    className,
    content: '',
    ...(it.lane ? { group: it.lane } : {}),
    sig: `${className}|${tz}`,
  };
}
