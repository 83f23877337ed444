import { MAX_SOURCES, type AddedEventDraft, type DraftField } from '../../domain/addedEvents';
import { FieldError } from './FieldError';

interface Props {
  idBase: string;
  sources: AddedEventDraft['sources'];
  errors: Partial<Record<DraftField, string>>;
  onChange(sources: AddedEventDraft['sources']): void;
}

/** Where the added event was found: link (http or https only), title and quote, as many as needed. */
export function SourcesFieldset({ idBase, sources, errors, onChange }: Props) {
  const put = (i: number, patch: Partial<AddedEventDraft['sources'][number]>) =>
    onChange(sources.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="cs-sources-field">
      <legend>Sources</legend>
      {sources.map((s, i) => {
        const id = `${idBase}-source-${i}`;
        const error = errors[`source-${i}`];
        return (
          <div key={i} className="cs-source-row" role="group" aria-label={`Source ${i + 1}`}>
            <label htmlFor={id}>Link</label>
            <input
              id={id}
              type="url"
              inputMode="url"
              value={s.url}
              placeholder="https://"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => put(i, { url: e.target.value })}
            />
            <FieldError id={`${id}-error`} text={error} />
            <label htmlFor={`${id}-title`}>Source title</label>
            <input
              id={`${id}-title`}
              value={s.title}
              onChange={(e) => put(i, { title: e.target.value })}
            />
            <label htmlFor={`${id}-quote`}>Quote</label>
            <textarea
              id={`${id}-quote`}
              rows={2}
              value={s.quote}
              onChange={(e) => put(i, { quote: e.target.value })}
            />
            <button
              type="button"
              className="cs-link-button"
              onClick={() => onChange(sources.filter((_, k) => k !== i))}
            >
              Remove source {i + 1}
            </button>
          </div>
        );
      })}
      {sources.length < MAX_SOURCES && (
        <button
          type="button"
          onClick={() => onChange([...sources, { url: '', title: '', quote: '' }])}
        >
          Add source
        </button>
      )}
    </fieldset>
  );
}
