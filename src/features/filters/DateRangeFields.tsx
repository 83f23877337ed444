import { useState } from 'react';
import { parseIsoDate, toIsoInstant } from '../../domain/dates';
import { updateView } from '../../url/useViewState';
import type { ViewState } from '../../url/viewState';
import './dateRange.css';

/** The view's date range (`since`, `until`) and the timeline's window (`from`, `to`), if it has one. */
type Props = { view: Pick<ViewState, 'since' | 'until' | 'from' | 'to'> };

/** Typed dates of any precision (2023, 2023-12, 2023-12-21T14:05Z), or the timeline's current window. */
export function DateRangeFields({ view }: Props) {
  const { since, until } = view;
  const window =
    view.from !== undefined && view.to !== undefined ? { from: view.from, to: view.to } : undefined;
  const [from, setFrom] = useState(since ?? '');
  const [to, setTo] = useState(until ?? '');
  const [error, setError] = useState('');
  const [url, setUrl] = useState({ since, until });
  if (url.since !== since || url.until !== until) {
    setUrl({ since, until });
    setFrom(since ?? '');
    setTo(until ?? '');
  }

  const apply = () => {
    const f = from.trim();
    const t = to.trim();
    for (const [name, v] of [
      ['From', f],
      ['To', t],
    ] as const) {
      if (v) {
        const r = parseIsoDate(v);
        if (!r.ok) return setError(`${name}: ${r.error}`);
      }
    }
    setError('');
    if ((f || undefined) !== since || (t || undefined) !== until)
      updateView({ since: f || undefined, until: t || undefined });
  };

  return (
    <div className="cs-daterange" role="group" aria-label="Date range">
      <label>
        From
        <input
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
          placeholder="e.g. 2023-12"
          size={11}
          aria-invalid={error.startsWith('From') || undefined}
        />
      </label>
      <label>
        To
        <input
          value={to}
          onChange={(e) => setTo(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
          placeholder="e.g. 2024"
          size={11}
          aria-invalid={error.startsWith('To') || undefined}
        />
      </label>
      {window && (
        <button
          type="button"
          onClick={() =>
            updateView({ since: toIsoInstant(window.from), until: toIsoInstant(window.to - 1) })
          }
          title="Use the visible timeline window as the date range"
        >
          Use window
        </button>
      )}
      {error && (
        <span className="cs-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
