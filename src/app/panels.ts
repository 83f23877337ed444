import { useLayout } from '../state/layoutStore';
import { useUi } from '../state/uiStore';

/** Where the entities panel is a drawer (phones) rather than a column. */
export function panelsAreDrawers(): boolean {
  return window.matchMedia('(max-width: 700px)').matches;
}

/** Brings the entities panel out (column or drawer) and puts the cursor in its finder. */
export function focusEntityFinder(): void {
  if (panelsAreDrawers()) useUi.getState().setDrawer('entities');
  else useLayout.getState().toggle('entities', true);
  // The finder focuses itself when drawn: at once if its panel is open, else once the panel has unfolded and the
  // workspace has mounted the list (it is put on screen a few frames after the first paint).
  useUi.getState().setFocusFinder(true);
}
