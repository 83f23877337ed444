import { useLayout } from '../state/layoutStore';
import { useUi } from '../state/uiStore';
import { afterPaint } from '../ui/afterPaint';

/** Where the entities panel is a drawer (phones) rather than a column. */
export function panelsAreDrawers(): boolean {
  return window.matchMedia('(max-width: 700px)').matches;
}

/** Brings the entities panel out (column or drawer) and puts the cursor in its finder. */
export function focusEntityFinder(): void {
  if (panelsAreDrawers()) useUi.getState().setDrawer('entities');
  else useLayout.getState().toggle('entities', true);
  const focus = () => document.getElementById('cs-entity-finder')?.focus();
  focus();
  // A panel that was folded is shown on the next render.
  afterPaint(focus);
}
