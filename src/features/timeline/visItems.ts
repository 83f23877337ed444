import type { PlannedItem } from '../../domain/levelOfDetail';
import { clampItem } from '../../domain/drawableRange';
import type { VisItem } from './useVisTimeline';

/** A planned item as vis-timeline's DataSet item (content comes from the DOM templates). */
export function toVisItem(planned: PlannedItem, tz: string, selected: number | undefined): VisItem {
  // vis-timeline fails on instants past the range it draws (drawableRange.ts).
  const it = { ...planned, ...clampItem(planned.start, planned.end) } as PlannedItem;
  if (it.kind === 'bucket') {
    return {
      id: it.id,
      start: it.start,
      // A hair short of the next bucket, so neighbours read as separate blocks on one row.
      end: it.end - (it.end - it.start) * 0.03,
      type: 'range',
      // Centred by the stylesheet, then kept in the part on screen by fitBucketLabels.
      align: 'left',
      className: `cs-bucket cs-density-${it.density}`,
      content: '',
      ...(it.lane ? { group: it.lane } : {}),
      sig: `b|${it.count}|${it.sum ?? ''}|${it.density}`,
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
