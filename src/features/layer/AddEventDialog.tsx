import { useId, useMemo, useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import {
  checkDraft,
  draftOf,
  EMPTY_DRAFT,
  MAX_TEXT,
  MAX_TITLE,
  newAddedId,
  readDraftDate,
  type AddedEventDraft,
  type DraftField,
} from '../../domain/addedEvents';
import { describePrecision } from '../../domain/formatDate';
import { useUi } from '../../state/uiStore';
import { Dialog } from '../../ui/Dialog';
import { updateView } from '../../url/useViewState';
import { ActorsField } from './ActorsField';
import { SourcesFieldset } from './SourcesFieldset';
import { FieldError } from './FieldError';
import './layer.css';

interface Props {
  open: boolean;
  onClose(): void;
}

/** The form to add an event found elsewhere, or edit one added before (`editing` in the UI store). */
export function AddEventDialog({ open, onClose }: Props) {
  const editing = useUi((s) => s.editing);
  return (
    <Dialog open={open} title={editing ? 'Edit your event' : 'Add an event'} onClose={onClose} wide>
      <EventForm key={editing ?? 'new'} editing={editing} onDone={onClose} />
    </Dialog>
  );
}

/** How a typed date reads, in words, as the form is filled in. */
function DatePreview({ text, id }: { text: string; id: string }) {
  if (text.trim() === '') return <p id={id} className="cs-muted" aria-live="polite" />;
  const r = readDraftDate(text);
  return (
    <p id={id} className="cs-muted" aria-live="polite">
      {r.ok ? `Reads as ${r.words} (known ${describePrecision(r.precision)})` : 'Not read yet'}
    </p>
  );
}

function EventForm({ editing, onDone }: { editing: string | undefined; onDone(): void }) {
  const { loaded, layer } = useViewData();
  const { index } = loaded;
  const kept = editing !== undefined ? layer.state.layer.added[editing] : undefined;
  const [draft, setDraft] = useState<AddedEventDraft>(() =>
    kept ? draftOf(kept) : { ...EMPTY_DRAFT, sources: [{ url: '', title: '', quote: '' }] },
  );
  const [tried, setTried] = useState(false);
  const ids = useId();
  const set = (patch: Partial<AddedEventDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const check = useMemo(() => checkDraft(draft, editing ?? newAddedId('draft')), [draft, editing]);
  const errors: Partial<Record<DraftField, string>> = tried && !check.ok ? check.errors : {};
  const types = index.types.values;

  const submit = (ev: React.FormEvent) => {
    ev.preventDefault();
    setTried(true);
    const id = editing ?? newAddedId(crypto.randomUUID());
    const r = checkDraft(draft, id);
    if (!r.ok) {
      // Focus the first field that needs attention.
      const first = Object.keys(r.errors)[0];
      if (first) document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    layer.session.putAdded(r.event);
    useUi.getState().say(editing ? 'Your event was saved.' : 'Your event was added.');
    onDone();
    updateView({ event: id });
  };

  const field = (name: DraftField) => ({
    id: `${ids}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${ids}-${name}-error` : undefined,
  });

  return (
    <form className="cs-event-form" onSubmit={submit} noValidate>
      <p className="cs-muted">
        Kept with your notes and stars for this dataset, never in the dataset itself. Everything
        typed here is kept as plain text.
      </p>
      <label htmlFor={`${ids}-title`}>Title</label>
      <input
        {...field('title')}
        value={draft.title}
        maxLength={MAX_TITLE}
        onChange={(e) => set({ title: e.target.value })}
      />
      <FieldError id={`${ids}-title-error`} text={errors.title} />

      <div className="cs-form-row">
        <div>
          <label htmlFor={`${ids}-date`}>Date</label>
          <input
            {...field('date')}
            value={draft.date}
            placeholder="2023-03, March 2023, 21/03/2023, 2023-03-21T14:05Z"
            onChange={(e) => set({ date: e.target.value })}
            aria-describedby={[`${ids}-date-words`, errors.date && `${ids}-date-error`]
              .filter(Boolean)
              .join(' ')}
          />
          <DatePreview text={draft.date} id={`${ids}-date-words`} />
          <FieldError id={`${ids}-date-error`} text={errors.date} />
        </div>
        <div>
          <label htmlFor={`${ids}-end`}>End (optional)</label>
          <input
            {...field('end')}
            value={draft.end}
            onChange={(e) => set({ end: e.target.value })}
            aria-describedby={[`${ids}-end-words`, errors.end && `${ids}-end-error`]
              .filter(Boolean)
              .join(' ')}
          />
          <DatePreview text={draft.end} id={`${ids}-end-words`} />
          <FieldError id={`${ids}-end-error`} text={errors.end} />
        </div>
      </div>

      <label htmlFor={`${ids}-type`}>Type</label>
      <input
        id={`${ids}-type`}
        list={`${ids}-types`}
        value={draft.type}
        maxLength={MAX_TITLE}
        onChange={(e) => set({ type: e.target.value })}
      />
      <datalist id={`${ids}-types`}>
        {types.slice(0, 2000).map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>

      <ActorsField
        entities={index.entities}
        actors={draft.actors}
        onChange={(actors) => set({ actors })}
      />

      <div className="cs-form-row">
        <div>
          <label htmlFor={`${ids}-place`}>Place</label>
          <input
            id={`${ids}-place`}
            value={draft.place}
            maxLength={MAX_TITLE}
            onChange={(e) => set({ place: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={`${ids}-coordinates`}>Latitude</label>
          <input
            {...field('coordinates')}
            inputMode="decimal"
            value={draft.lat}
            onChange={(e) => set({ lat: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={`${ids}-lon`}>Longitude</label>
          <input
            id={`${ids}-lon`}
            inputMode="decimal"
            value={draft.lon}
            aria-invalid={errors.coordinates ? true : undefined}
            aria-describedby={errors.coordinates ? `${ids}-coordinates-error` : undefined}
            onChange={(e) => set({ lon: e.target.value })}
          />
        </div>
      </div>
      <FieldError id={`${ids}-coordinates-error`} text={errors.coordinates} />

      <label htmlFor={`${ids}-description`}>Description</label>
      <textarea
        id={`${ids}-description`}
        rows={3}
        maxLength={MAX_TEXT}
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
      />

      <SourcesFieldset
        idBase={ids}
        sources={draft.sources}
        errors={errors}
        onChange={(sources) => set({ sources })}
      />

      <div className="cs-form-actions">
        <button type="submit" className="cs-primary">
          {editing ? 'Save event' : 'Add event'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
