import type { ReactNode } from 'react';
import { useEventDetail } from '../../data/page/useEngineQueries';
import { useViewEngine } from '../../data/page/viewEngine';
import { ServerError } from '../../data/page/serverApi';
import { clipText } from '../../domain/clipText';
import { dateKnowledge, formatEventDate } from '../../domain/formatDate';
import { updateView } from '../../url/useViewState';
import { toggleIncludedActor } from '../../url/viewState';
import { SourceList } from './SourceList';
import './details.css';
import { DetailsActions } from './DetailsActions';

/** The selected event of a server dataset, asked of its engine by id; actors apply the actor filter. */
export function ServerEventDetails({
  eventId,
  tz,
  terms,
  onCopyEventLink,
  fold,
}: {
  eventId: string | undefined;
  tz: string;
  terms: string[];
  /** Copies the link to the view with this event selected (as the file workspace's details do). */
  onCopyEventLink(id: string): void;
  /** The panel's fold button, drawn in the actions row. */
  fold?: ReactNode;
}) {
  const engine = useViewEngine();
  const q = useEventDetail(engine, eventId);
  if (eventId === undefined)
    return (
      <div className="cs-details">
        <h2 className="cs-panel-title">Event details</h2>
        <p className="cs-muted">Select an event on the timeline or in the list to read it here.</p>
      </div>
    );
  const missing =
    (q.isSuccess && q.data === undefined) ||
    (q.error instanceof ServerError && q.error.kind === 'not-found');
  if (missing)
    return (
      <div className="cs-details">
        <p className="cs-note" role="note">
          The linked event “{clipText(eventId, 100)}” is not in this dataset.
        </p>
        <button type="button" onClick={() => updateView({ event: undefined })}>
          Clear selection
        </button>
      </div>
    );
  if (q.isError)
    return (
      <div className="cs-details">
        <p role="alert">
          {q.error instanceof Error ? q.error.message : 'The event could not be read.'}
        </p>
      </div>
    );
  if (!q.data)
    return (
      <div className="cs-details">
        <p className="cs-muted">Loading the event…</p>
      </div>
    );
  const { event: e, entities } = q.data;
  const names = new Map(entities.map((x) => [x.id, x.name]));
  return (
    <article className="cs-details" aria-label="Selected event">
      <DetailsActions eventId={e.id} onCopyEventLink={onCopyEventLink} fold={fold} />
      <h2 id="cs-details-heading" tabIndex={-1}>
        {clipText(e.title, 1000)}
      </h2>
      <p>
        {formatEventDate(e, tz)} <span className="cs-muted">({dateKnowledge(e)})</span>
      </p>
      {e.type && <p>Type: {clipText(e.type, 300)}</p>}
      {e.location?.name && <p>Place: {clipText(e.location.name, 300)}</p>}
      {e.actors.length > 0 && (
        <section aria-label="Actors">
          <h3>Actors</h3>
          <ul>
            {e.actors.map((a) => (
              <li key={a}>
                <button type="button" onClick={() => updateView((s) => toggleIncludedActor(s, a))}>
                  {clipText(names.get(a) ?? a, 300)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {e.description && <p className="cs-description">{clipText(e.description, 20_000)}</p>}
      <SourceList sources={e.sources} terms={terms} />
      <button type="button" onClick={() => updateView({ event: undefined })}>
        Clear selection
      </button>
    </article>
  );
}
