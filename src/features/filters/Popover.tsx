import { useRef, type ReactNode } from 'react';

/**
 * A disclosure that drops a panel of controls under its button (the filter row's "Dates" and "More filters").
 * A <details>, so it opens and closes from the keyboard with no script; Escape inside closes it and gives the
 * focus back to its button.
 */
export function Popover({
  label,
  badge,
  className,
  children,
}: {
  label: string;
  /** How many filters inside are active (shown on the button). */
  badge: number;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={ref}
      className={`cs-popover${className ? ` ${className}` : ''}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !ref.current?.open) return;
        // A field inside may use Escape itself (the date fields do not): close, and keep the focus in view.
        e.preventDefault();
        ref.current.open = false;
        ref.current.querySelector('summary')?.focus();
      }}
    >
      <summary>
        {label}
        {badge > 0 && <span className="cs-badge">{badge}</span>}
      </summary>
      <div className="cs-popover-body">{children}</div>
    </details>
  );
}
