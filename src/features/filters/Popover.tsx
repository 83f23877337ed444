import { useState, type ReactNode } from 'react';

/**
 * A disclosure that drops a panel of controls under its button (the filter row's "Dates" and "More filters").
 * A <details>, so it opens and closes from the keyboard with no script; Escape and a press outside close it
 * (app/useDismissDisclosures.ts, as for every menu).
 */
export function Popover({
  label,
  badge,
  className,
  children,
  whenOpen,
}: {
  label: string;
  /** How many filters inside are active (shown on the button). */
  badge: number;
  className?: string;
  children: ReactNode;
  /** Content drawn only while the popover is open (what costs work to draw, such as a histogram). */
  whenOpen?: () => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className={`cs-popover${className ? ` ${className}` : ''}`}
      onToggle={whenOpen && ((e) => setOpen(e.currentTarget.open))}
    >
      <summary>
        {label}
        {badge > 0 && <span className="cs-badge">{badge}</span>}
      </summary>
      <div className="cs-popover-body">
        {open && whenOpen?.()}
        {children}
      </div>
    </details>
  );
}
