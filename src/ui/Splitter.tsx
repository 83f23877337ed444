import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** What it resizes, for its accessible name ("Resize the event list"). */
  label: string;
  /** The id of the panel whose share it sets. */
  controls: string;
  /** The controlled panel's share of the split height, in percent. */
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(percent: number): void;
  /** Enter folds or unfolds the controlled panel. */
  onToggle(): void;
  /** The element whose height is split: its bottom is 0 %, the top of `from` 100 %. */
  area(): { top: number; bottom: number } | undefined;
}

/**
 * A horizontal splitter between two stacked panels (WAI-ARIA window splitter): drag it, or focus it and use
 * ↑/↓ (a step), Home/End (the limits), Enter (fold the lower panel).
 */
export function Splitter({
  label,
  controls,
  value,
  min,
  max,
  step,
  onChange,
  onToggle,
  area,
}: Props) {
  const dragging = useRef(false);
  const onKeyDown = (e: KeyboardEvent) => {
    const next =
      e.key === 'ArrowUp'
        ? value + step
        : e.key === 'ArrowDown'
          ? value - step
          : e.key === 'Home'
            ? min
            : e.key === 'End'
              ? max
              : undefined;
    if (next !== undefined) {
      e.preventDefault();
      e.stopPropagation();
      onChange(Math.min(max, Math.max(min, next)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      onToggle();
    }
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!dragging.current) return;
    const a = area();
    if (!a || a.bottom <= a.top) return;
    onChange(((a.bottom - e.clientY) / (a.bottom - a.top)) * 100);
  };
  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="cs-splitter"
      title={`${label}: drag, or ↑/↓; Enter folds it`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
    />
  );
}
