import type { ReactNode } from 'react';
import { updateView } from '../../url/useViewState';

/** The details' top row, on files and server datasets alike: copy the event's link, the panel's fold, close. */
export function DetailsActions({
  eventId,
  onCopyEventLink,
  fold,
}: {
  eventId: string;
  onCopyEventLink(id: string): void;
  fold?: ReactNode;
}) {
  return (
    <div className="cs-details-actions">
      <button type="button" onClick={() => onCopyEventLink(eventId)}>
        Copy link to this event
      </button>
      <span className="cs-details-actions-end">
        {fold}
        <button
          type="button"
          onClick={() => updateView({ event: undefined })}
          aria-label="Close event details"
        >
          ×
        </button>
      </span>
    </div>
  );
}
