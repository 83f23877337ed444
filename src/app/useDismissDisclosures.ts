import { useEffect } from 'react';

const DISCLOSURES = 'details.cs-menu[open], details.cs-popover[open], details.cs-facet[open]';

/**
 * Menus and popovers (<details> dropdowns) close when the analyst presses or clicks outside them, as menus do;
 * without this an open "More filters" would stay over the timeline until its own button was pressed again.
 */
export function useDismissDisclosures(): void {
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const target = e.target instanceof Node ? e.target : null;
      for (const open of document.querySelectorAll<HTMLDetailsElement>(DISCLOSURES))
        if (!target || !open.contains(target)) open.open = false;
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, []);
}
