import { useEffect } from 'react';

const DISCLOSURES = 'details.cs-menu[open], details.cs-popover[open], details.cs-facet[open]';

/**
 * Menus and popovers (<details> dropdowns) close when the analyst presses or clicks outside them, or presses Escape
 * inside them (the focus goes back to the menu's button), as menus do; without this an open "More filters" would
 * stay over the timeline until its own button was pressed again.
 */
export function useDismissDisclosures(): void {
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const target = e.target instanceof Node ? e.target : null;
      for (const open of document.querySelectorAll<HTMLDetailsElement>(DISCLOSURES))
        if (!target || !open.contains(target)) open.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const focus = document.activeElement;
      // The innermost open one around the focus (Export inside Share closes first).
      const open = [...document.querySelectorAll<HTMLDetailsElement>(DISCLOSURES)]
        .filter((d) => focus && d.contains(focus))
        .pop();
      if (!open) return;
      e.preventDefault();
      open.open = false;
      open.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}
