import { useViewData } from '../../data/page/viewData';
import { isAddedId } from '../../domain/addedEvents';
import { clipText } from '../../domain/clipText';
import { useUi } from '../../state/uiStore';
import { updateView } from '../../url/useViewState';

/** For an event the analyst added: says so, and offers to edit it or delete it (with Undo). */
export function AddedEventActions({ eventId }: { eventId: string }) {
  const { layer } = useViewData();
  if (!isAddedId(eventId)) return null;
  const kept = layer.state.layer.added[eventId];
  if (!kept) return null;
  const remove = () => {
    const gone = layer.session.removeAdded(eventId);
    if (!gone) return;
    updateView({ event: undefined });
    useUi.getState().offerUndo(`Deleted “${clipText(gone.title, 80)}”.`, () => {
      layer.session.putAdded(gone);
      updateView({ event: gone.id });
    });
  };
  return (
    <div className="cs-added-actions" role="group" aria-label="Your event">
      <span className="cs-mark-added">Added by you</span>
      <button type="button" onClick={() => useUi.getState().openEventForm(eventId)}>
        Edit event
      </button>
      <button type="button" onClick={remove}>
        Delete event
      </button>
    </div>
  );
}
