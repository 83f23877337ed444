import { memo } from 'react';
import { useUi } from '../state/uiStore';

/** What the link said that was ignored; shown once, dismissable, never blocking. Memoised: a filter change does not render it. */
export const Notices = memo(function Notices() {
  const notices = useUi((s) => s.notices);
  const setNotices = useUi((s) => s.setNotices);
  if (notices.length === 0) return null;
  return (
    <div className="cs-notices" role="note" aria-label="Link notices">
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setNotices([])}>
        Dismiss
      </button>
    </div>
  );
});
