import { useId, useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import {
  MAX_NOTE_LENGTH,
  toggleStar,
  withNote,
  withoutTag,
  withTag,
} from '../../domain/annotations';

/**
 * The analyst's own marks on an event: a star, a note (plain text) and analyst tags. Kept in this browser for the
 * dataset, never in the dataset itself.
 */
export function AnalystNotes({ eventId }: { eventId: string }) {
  const { layer } = useViewData();
  const { session, state } = layer;
  const a = state.layer.annotations[eventId] ?? {};
  const [draft, setDraft] = useState<{ id: string; text: string } | undefined>(undefined);
  const note = draft?.id === eventId ? draft.text : (a.note ?? '');
  const [tag, setTag] = useState('');
  const ids = useId();
  // The tags in use, from the layer's index (a list of tags, not a pass over every annotation).
  const knownTags = [...layer.indexed.tags.keys()].sort();
  const saveNote = () => {
    if (draft?.id === eventId && draft.text !== (a.note ?? ''))
      session.change(eventId, withNote(draft.text));
    setDraft(undefined);
  };
  const addTag = () => {
    if (tag.trim()) session.change(eventId, withTag(tag));
    setTag('');
  };
  return (
    <section className="cs-analyst" aria-label="Your notes">
      <h3>Your notes</h3>
      {state.problem && (
        <p className="cs-note" role="alert">
          {state.problem}
        </p>
      )}
      <button
        type="button"
        className="cs-star"
        aria-pressed={a.star === true}
        onClick={() => session.change(eventId, toggleStar)}
        title="Star this event (s)"
      >
        <span aria-hidden="true">{a.star ? '★' : '☆'}</span> Star
      </button>
      <label htmlFor={`${ids}-note`}>Note</label>
      <textarea
        id={`${ids}-note`}
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        onChange={(e) => setDraft({ id: eventId, text: e.target.value })}
        onBlur={saveNote}
        placeholder="Plain text; saved when you leave the box"
      />
      <div className="cs-analyst-tags">
        <label htmlFor={`${ids}-tag`}>Analyst tag</label>
        <input
          id={`${ids}-tag`}
          list={`${ids}-tags`}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTag();
            }
          }}
        />
        <datalist id={`${ids}-tags`}>
          {knownTags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="button" onClick={addTag}>
          Add tag
        </button>
      </div>
      {(a.tags?.length ?? 0) > 0 && (
        <ul className="cs-inline-list" aria-label="Analyst tags">
          {a.tags!.map((t) => (
            <li key={t} className="cs-chip cs-chip-plain">
              <span className="cs-chip-label">{t}</span>
              <button
                type="button"
                aria-label={`Remove analyst tag ${t}`}
                onClick={() => session.change(eventId, withoutTag(t))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
