import type { ItemPlan } from '../../domain/levelOfDetail';
import type { VisHandle } from './useVisTimeline';
import { formatCount } from '../../domain/formatCount';

interface Props {
  /**
   * What the timeline draws (the file's plan or the server's answer); not yet planned while the workspace is
   * being put on screen.
   */
  plan: Pick<ItemPlan, 'mode' | 'visibleCount' | 'unit'> | null | undefined;
  /** What the buckets sum instead of counting events ("deaths"), when a measure is chosen. */
  unit?: string;
  handle: VisHandle | null;
  onFit(): void;
  onZoom(factor: number): void;
  historical: boolean;
  /** Whether the map is open beside the timeline, and how to open or close it. */
  map: boolean;
  onToggleMap(): void;
}

/** Zoom and fit controls, and a plain statement of what is drawn. */
export function TimelineToolbar({
  plan,
  unit,
  handle,
  onFit,
  onZoom,
  historical,
  map,
  onToggleMap,
}: Props) {
  const tl = handle?.timeline;
  const what = !plan
    ? ''
    : plan.mode === 'events'
      ? `${formatCount(plan.visibleCount)} event${plan.visibleCount === 1 ? '' : 's'} in view`
      : unit
        ? `${formatCount(plan.visibleCount)} events in view, ${unit} summed per ${plan.unit?.label ?? 'period'}; click a sum to zoom in`
        : `${formatCount(plan.visibleCount)} events in view, counted per ${plan.unit?.label ?? 'period'}; click a count to zoom in`;
  return (
    <div className="cs-toolbar" role="toolbar" aria-label="Timeline controls">
      <button type="button" onClick={() => onZoom(0.5)} aria-label="Zoom in" title="Zoom in (+)">
        +
      </button>
      <button type="button" onClick={() => onZoom(1.5)} aria-label="Zoom out" title="Zoom out (−)">
        −
      </button>
      <button type="button" onClick={onFit} title="Fit all matching events (f)">
        Fit
      </button>
      {!historical && (
        <button type="button" onClick={() => tl?.moveTo(Date.now(), { animation: false })}>
          Today
        </button>
      )}
      <button
        type="button"
        aria-pressed={map}
        onClick={onToggleMap}
        title="Show or hide the map (m)"
      >
        Map
      </button>
      <span className="cs-toolbar-info" data-testid="timeline-mode" data-mode={plan?.mode}>
        {what}
      </span>
    </div>
  );
}
