import { useId, useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import { formatCount } from '../../domain/formatCount';
import { measureByName, parseMeasureRange, type MeasureRange } from '../../domain/measures';
import { updateView } from '../../url/useViewState';
import './measures.css';

/** The range of a measure as the two fields show it. */
const fieldText = (r: MeasureRange | undefined) => ({
  min: r?.min !== undefined ? String(r.min) : '',
  max: r?.max !== undefined ? String(r.max) : '',
});

/**
 * What the histogram and the timeline's buckets add up (event counts, or the sum of a numeric field the dataset
 * carries), and a range filter on that field. Shows nothing for a dataset without numeric fields.
 */
export function MeasureControl() {
  const { loaded, view, result } = useViewData();
  const { measures } = loaded.index;
  const id = useId();
  const chosen = measureByName(measures, view.sum);
  const range = chosen ? view.measures.find((r) => r.name === chosen.name) : undefined;
  // The fields' text while typed; the link's range again whenever it changes (a chip removed, Back).
  const [draft, setDraft] = useState({ of: range, ...fieldText(range) });
  if (draft.of !== range) setDraft({ of: range, ...fieldText(range) });
  const [error, setError] = useState<string | undefined>(undefined);

  if (measures.length === 0 && view.sum === undefined) return null;

  const applyRange = (e: React.FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const others = view.measures.filter((r) => r.name !== chosen.name);
    if (draft.min.trim() === '' && draft.max.trim() === '') {
      setError(undefined);
      updateView({ measures: others });
      return;
    }
    const parsed = parseMeasureRange(`${chosen.name}:${draft.min}:${draft.max}`);
    if (!parsed.ok) {
      setError(`Not applied: ${parsed.error}.`);
      return;
    }
    setError(undefined);
    updateView({ measures: [...others, parsed.value] });
  };
  const missing = result.measureMissing.filter((m) => m.count > 0);
  return (
    <div className="cs-measure" role="group" aria-label="Measure">
      <label htmlFor={`${id}-sum`}>Measure</label>
      <select
        id={`${id}-sum`}
        value={chosen?.name ?? ''}
        onChange={(e) => updateView({ sum: e.target.value === '' ? undefined : e.target.value })}
      >
        <option value="">Count events</option>
        {measures.map((m) => (
          <option key={m.name} value={m.name}>
            Sum of {m.name}
          </option>
        ))}
      </select>
      {view.sum !== undefined && !chosen && (
        <span className="cs-note" role="note">
          This dataset has no numeric field “{view.sum}”; events are counted.
        </span>
      )}
      {chosen && (
        <form className="cs-measure-range" onSubmit={applyRange}>
          <label htmlFor={`${id}-min`}>Minimum {chosen.name}</label>
          <input
            id={`${id}-min`}
            type="number"
            step="any"
            inputMode="decimal"
            value={draft.min}
            onChange={(e) => setDraft({ ...draft, min: e.target.value })}
          />
          <label htmlFor={`${id}-max`}>Maximum {chosen.name}</label>
          <input
            id={`${id}-max`}
            type="number"
            step="any"
            inputMode="decimal"
            value={draft.max}
            onChange={(e) => setDraft({ ...draft, max: e.target.value })}
          />
          <button type="submit">Filter</button>
          {error && (
            <span className="cs-measure-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
      {missing.map((m) => (
        <span key={m.name} className="cs-note" role="note">
          {formatCount(m.count)} matching event{m.count === 1 ? ' has' : 's have'} no {m.name} value
          and {m.count === 1 ? 'is' : 'are'} left out by the range.
        </span>
      ))}
    </div>
  );
}
