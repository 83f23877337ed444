import type { ReactNode } from 'react';
import { PLACE_PRECISION_WORDS } from '../../domain/placePrecision';
import { useState } from 'react';
import { ClippedText } from '../../ui/ClippedText';
import { useViewData } from '../../data/page/viewData';
import { entityById } from '../../domain/buildIndex';
import { dateKnowledge, formatEventDate } from '../../domain/formatDate';
import { LIMITS } from '../../domain/limits';
import { updateView } from '../../url/useViewState';
import { toggleIncludedActor } from '../../url/viewState';
import { clipText } from '../../domain/clipText';
import { OtherFields } from './OtherFields';
import { SourceList } from './SourceList';
import { AnalystNotes } from './AnalystNotes';
import { AddedEventActions } from './AddedEventActions';
import './details.css';
import { DetailsActions } from './DetailsActions';
import { formatCount } from '../../domain/formatCount';

/**
 * How much of a long title or description is laid out (ClippedText): enough for any real text at first, more on
 * request in bounded steps.
 */
const TITLE_STEPS = { step: 1000, max: 5000 };
const DESCRIPTION_STEPS = { step: 10_000, max: LIMITS.displayFieldChars };
/** Characters of a name, place or tag shown in the details. */
const NAME_CHARS = 300;
const SHOWN_TAGS = 100;

interface Props {
  onCopyEventLink(id: string): void;
  /** The panel's fold button, drawn in the header row before the close button (so Tab meets it there too). */
  fold?: ReactNode;
}

/** Everything known about the selected event, as plain text; actors are links that apply the actor filter. */
export function EventDetails({ onCopyEventLink, fold }: Props) {
  const { loaded, view, result, layer } = useViewData();
  const { index } = loaded;
  const pos = view.event !== undefined ? index.byId.get(view.event) : undefined;
  // An event the analyst has just added is in the layer before the join that draws it is ready (it runs in the
  // loader worker, a second or so at 100,000 events).
  const adding =
    view.event !== undefined && pos === undefined
      ? Object.prototype.hasOwnProperty.call(layer.state.layer.added, view.event)
        ? layer.state.layer.added[view.event]
        : undefined
      : undefined;
  if (adding) {
    return (
      <div className="cs-details">
        {fold && <div className="cs-details-actions cs-details-actions-end">{fold}</div>}
        <p className="cs-muted" aria-live="polite">
          Adding “{clipText(adding.title, NAME_CHARS)}” to the timeline…
        </p>
      </div>
    );
  }
  if (view.event !== undefined && pos === undefined) {
    return (
      <div className="cs-details">
        {fold && <div className="cs-details-actions cs-details-actions-end">{fold}</div>}
        <p className="cs-note" role="note">
          The linked event “{view.event}” is not in this dataset.
        </p>
        <button type="button" onClick={() => updateView({ event: undefined })}>
          Clear selection
        </button>
      </div>
    );
  }
  if (pos === undefined) {
    return (
      <div className="cs-details">
        <h2 className="cs-panel-title">Event details</h2>
        <p className="cs-muted">
          Select an event on the timeline or in the list (or press j) to read it here.
        </p>
      </div>
    );
  }
  const e = index.events.at(pos)!;
  const terms = result.highlightTerms;
  const hidden = !result.matches.has(pos);
  return (
    <article className="cs-details" aria-labelledby="cs-details-heading">
      <DetailsActions eventId={e.id} onCopyEventLink={onCopyEventLink} fold={fold} />
      <h2 id="cs-details-heading" tabIndex={-1}>
        <ClippedText key={e.id} text={e.title} terms={terms} what="title" {...TITLE_STEPS} />
      </h2>
      <AddedEventActions eventId={e.id} />
      {hidden && <p className="cs-note">This event is hidden by the current filters.</p>}
      <dl className="cs-facts">
        <dt>Date</dt>
        <dd>
          {formatEventDate(e, view.tz)} <span className="cs-muted">({dateKnowledge(e)})</span>
        </dd>
        {e.type && (
          <>
            <dt>Type</dt>
            <dd>{e.type}</dd>
          </>
        )}
        {e.actors.length > 0 && (
          <>
            <dt>Actors</dt>
            <dd>
              <ActorList key={e.id} actors={e.actors}>
                {(id) => {
                  const ent = entityById(index, id);
                  const on = view.actors.includes(id);
                  return (
                    <button
                      type="button"
                      className="cs-link-button"
                      aria-pressed={on}
                      title={on ? 'Remove this actor filter' : 'Show only events with this actor'}
                      onClick={() => updateView((s) => toggleIncludedActor(s, id))}
                    >
                      {clipText(ent?.name ?? id, NAME_CHARS)}
                    </button>
                  );
                }}
              </ActorList>
            </dd>
          </>
        )}
        {e.location && (
          <>
            <dt>Place</dt>
            <dd>
              {clipText(e.location.name ?? '', NAME_CHARS)}
              {e.location.lat !== undefined && (
                <span className="cs-muted">
                  {' '}
                  ({e.location.lat.toFixed(4)}, {e.location.lon!.toFixed(4)})
                </span>
              )}
              {e.location.precision && (
                <span className="cs-muted cs-place-precision">
                  {' '}
                  · {PLACE_PRECISION_WORDS[e.location.precision]}
                </span>
              )}
            </dd>
          </>
        )}
        {e.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>
              {e.tags
                .slice(0, SHOWN_TAGS)
                .map((t) => clipText(t, NAME_CHARS))
                .join(' · ')}
              {e.tags.length > SHOWN_TAGS && (
                <span className="cs-muted">
                  {' '}
                  and {formatCount(e.tags.length - SHOWN_TAGS)} more
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      <AnalystNotes eventId={e.id} />
      {e.description && (
        <div className="cs-description">
          <p>
            <ClippedText
              key={e.id}
              text={e.description}
              terms={terms}
              what="description"
              {...DESCRIPTION_STEPS}
            />
          </p>
        </div>
      )}
      <SourceList sources={e.sources} terms={terms} />
      <OtherFields other={e.other} />
    </article>
  );
}

/** Actors shown at first and added by each "show more": a selected event may name hundreds of thousands. */
const ACTOR_STEP = 50;

function ActorList({
  actors,
  children,
}: {
  actors: readonly string[];
  children: (id: string) => React.ReactNode;
}) {
  const [shown, setShown] = useState(ACTOR_STEP);
  const rest = actors.length - shown;
  return (
    <ul className="cs-inline-list">
      {actors.slice(0, shown).map((id) => (
        <li key={id}>{children(id)}</li>
      ))}
      {rest > 0 && (
        <li>
          <button
            type="button"
            className="cs-link-button"
            onClick={() => setShown((n) => n + ACTOR_STEP * 4)}
          >
            Show {formatCount(Math.min(rest, ACTOR_STEP * 4))} more of {formatCount(actors.length)}{' '}
            actors
          </button>
        </li>
      )}
    </ul>
  );
}
