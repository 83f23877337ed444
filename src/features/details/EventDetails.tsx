import { useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import { entityById } from '../../domain/buildIndex';
import { describePrecision, formatEventDate } from '../../domain/formatDate';
import { LIMITS } from '../../domain/limits';
import { updateView } from '../../url/useViewState';
import { toggleIncludedActor } from '../../url/viewState';
import { Highlight } from '../../ui/Highlight';
import { OtherFields } from './OtherFields';
import { SourceList } from './SourceList';
import { AnalystNotes } from './AnalystNotes';
import './details.css';
import { formatCount } from '../../domain/formatCount';

interface Props {
  onCopyEventLink(id: string): void;
}

/** Everything known about the selected event, as plain text; actors are links that apply the actor filter. */
export function EventDetails({ onCopyEventLink }: Props) {
  const { loaded, view, result } = useViewData();
  const { index } = loaded;
  const pos = view.event !== undefined ? index.byId.get(view.event) : undefined;
  if (view.event !== undefined && pos === undefined) {
    return (
      <div className="cs-details">
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
      <div className="cs-details-actions">
        <button type="button" onClick={() => onCopyEventLink(e.id)}>
          Copy link to this event
        </button>
        <button
          type="button"
          onClick={() => updateView({ event: undefined })}
          aria-label="Close event details"
        >
          ×
        </button>
      </div>
      <h2 id="cs-details-heading" tabIndex={-1}>
        <Highlight text={e.title} terms={terms} />
      </h2>
      {hidden && <p className="cs-note">This event is hidden by the current filters.</p>}
      <dl className="cs-facts">
        <dt>Date</dt>
        <dd>
          {formatEventDate(e, view.tz)}{' '}
          <span className="cs-muted">
            (known {describePrecision(e.precision)}
            {e.approximate ? ', approximate' : ''}; written “{e.startText}”
            {e.endText ? ` to “${e.endText}”` : ''})
          </span>
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
              <ul className="cs-inline-list">
                {e.actors.map((id) => {
                  const ent = entityById(index, id);
                  const on = view.actors.includes(id);
                  return (
                    <li key={id}>
                      <button
                        type="button"
                        className="cs-link-button"
                        aria-pressed={on}
                        title={on ? 'Remove this actor filter' : 'Show only events with this actor'}
                        onClick={() => updateView((s) => toggleIncludedActor(s, id))}
                      >
                        {ent?.name ?? id}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </dd>
          </>
        )}
        {e.location && (
          <>
            <dt>Place</dt>
            <dd>
              {e.location.name ?? ''}
              {e.location.lat !== undefined && (
                <span className="cs-muted">
                  {' '}
                  ({e.location.lat.toFixed(4)}, {e.location.lon!.toFixed(4)})
                </span>
              )}
            </dd>
          </>
        )}
        {e.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{e.tags.join(' · ')}</dd>
          </>
        )}
      </dl>
      <AnalystNotes eventId={e.id} />
      {e.description && <LongText text={e.description} terms={terms} />}
      <SourceList sources={e.sources} terms={terms} />
      <OtherFields other={e.other} />
    </article>
  );
}

function LongText({ text, terms }: { text: string; terms: string[] }) {
  const [all, setAll] = useState(false);
  const long = text.length > LIMITS.displayFieldChars;
  const shown = long && !all ? text.slice(0, LIMITS.displayFieldChars) : text;
  return (
    <div className="cs-description">
      <p>
        <Highlight text={shown} terms={long ? [] : terms} />
        {long && !all && '…'}
      </p>
      {long && (
        <button type="button" className="cs-link-button" onClick={() => setAll((a) => !a)}>
          {all ? 'Show less' : `Show all ${formatCount(text.length)} characters`}
        </button>
      )}
    </div>
  );
}
