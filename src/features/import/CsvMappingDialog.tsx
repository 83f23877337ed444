import './import.css';
import { useId, useMemo, useState } from 'react';
import { recallMapping, rememberMapping } from '../../data/page/csvMappings';
import type { CsvPreview } from '../../data/read/importers/genericCsv';
import {
  guessDateOrder,
  guessMapping,
  missingColumns,
  type ColumnRole,
  type CsvMapping,
} from '../../domain/csvMapping';
import { parseIsoDate } from '../../domain/dates';
import { formatInstant } from '../../domain/formatDate';
import { readLooseDate, type DateOrder } from '../../domain/looseDate';
import { updateView } from '../../url/useViewState';

const ROLE_LABELS: Record<ColumnRole, string> = {
  date: 'Date',
  time: 'Time of day',
  end: 'End date',
  title: 'Title',
  type: 'Type',
  location: 'Place',
  description: 'Description',
  url: 'Source URL',
  id: 'Id',
};

const ORDER_LABELS: Record<DateOrder, string> = {
  dmy: 'Day first (21/12/2023)',
  mdy: 'Month first (12/21/2023)',
  ymd: 'Year first (2023/12/21)',
};

interface Props {
  label: string;
  preview: CsvPreview;
  /** Why the dialog shows (no known layout, or a link's mapping that does not fit). */
  message: string;
  /** The mapping in the link, if any. */
  current?: CsvMapping;
  onCancel(): void;
}

/** How the first rows read under a mapping: the date as Chronoscope will show it, or why it cannot. */
function readRow(row: readonly string[], headers: readonly string[], m: CsvMapping) {
  const at = (column?: string) =>
    column === undefined ? '' : (row[headers.indexOf(column)] ?? '');
  const read = readLooseDate(at(m.date), m.order, at(m.time));
  let date: string;
  if (read.ok) {
    const parsed = parseIsoDate(read.start);
    date = parsed.ok
      ? formatInstant(parsed.value.start, read.precision, 'utc', parsed.value.offsetMinutes)
      : read.start;
  } else date = `Not read: ${read.error}`;
  const actors = m.actors.flatMap((c) =>
    (m.separator ? at(c).split(m.separator) : [at(c)]).map((a) => a.trim()).filter(Boolean),
  );
  return { ok: read.ok, date, title: at(m.title), actors: actors.join(' · '), type: at(m.type) };
}

/**
 * The column-mapping dialog for a CSV/TSV of no known layout: which columns hold the date (and in which order its
 * numbers read), title, actors, type, place, description and source URL, with a preview of the first rows.
 * The mapping goes into the link (so a colleague opens the same events) and is remembered per header signature.
 */
export function CsvMappingDialog({ label, preview, message, current, onCancel }: Props) {
  const { headers, rows } = preview;
  const id = useId();
  const remembered = useMemo(() => recallMapping(headers), [headers]);
  const initial = useMemo(() => {
    if (current && missingColumns(current, headers).length === 0) return current;
    if (remembered && missingColumns(remembered, headers).length === 0) return remembered;
    return guessMapping(headers, rows);
  }, [current, remembered, headers, rows]);
  const [m, setM] = useState<CsvMapping>(initial);
  const ambiguous = useMemo(
    () => guessDateOrder(rows.map((r) => r[headers.indexOf(m.date)] ?? '')).ambiguous,
    [rows, headers, m.date],
  );
  const readRows = rows.map((r) => readRow(r, headers, m));
  const unread = readRows.filter((r) => !r.ok).length;

  const setRole = (role: ColumnRole, column: string) =>
    setM((prev) => {
      const next: CsvMapping = { ...prev };
      if (role === 'date') next.date = column;
      else if (column === '') delete next[role];
      else next[role] = column;
      return next;
    });
  const toggleActor = (column: string) =>
    setM((prev) => ({
      ...prev,
      actors: prev.actors.includes(column)
        ? prev.actors.filter((a) => a !== column)
        : [...prev.actors, column],
    }));

  return (
    <section className="cs-mapping" role="dialog" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Map the columns of {label}</h2>
      <p>{message}</p>
      {initial === remembered && (
        <p className="cs-muted">
          Filled in from the mapping you used for a file with the same columns.
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          rememberMapping(headers, m);
          updateView((s) => ({ ...s, map: m }));
        }}
      >
        <div className="cs-mapping-grid">
          <fieldset>
            <legend>Columns</legend>
            {(Object.keys(ROLE_LABELS) as ColumnRole[]).map((role) => (
              <label key={role}>
                <span>
                  {ROLE_LABELS[role]}
                  {role === 'date' ? ' (required)' : ''}
                </span>
                <select
                  value={m[role] ?? ''}
                  required={role === 'date'}
                  onChange={(e) => setRole(role, e.target.value)}
                >
                  {role !== 'date' && <option value="">(none)</option>}
                  {headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Numeric dates read</legend>
            {(Object.keys(ORDER_LABELS) as DateOrder[]).map((order) => (
              <label key={order} className="cs-check">
                <input
                  type="radio"
                  name={`${id}-order`}
                  checked={m.order === order}
                  onChange={() => setM((prev) => ({ ...prev, order }))}
                />
                {ORDER_LABELS[order]}
              </label>
            ))}
            {ambiguous && (
              <p className="cs-note">
                Every date in the first rows reads both ways (no day above 12): check the preview.
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend>Actor columns</legend>
            {headers.map((h) => (
              <label key={h} className="cs-check">
                <input
                  type="checkbox"
                  checked={m.actors.includes(h)}
                  onChange={() => toggleActor(h)}
                />
                {h}
              </label>
            ))}
            <label>
              <span>Several actors in one cell, separated by</span>
              <input
                type="text"
                maxLength={3}
                size={4}
                value={m.separator}
                placeholder="none"
                onChange={(e) => setM((prev) => ({ ...prev, separator: e.target.value }))}
              />
            </label>
          </fieldset>
        </div>
        <table className="cs-mapping-preview">
          <caption>
            How the first {rows.length} rows will read
            {unread > 0 ? ` (${unread} without a readable date will be skipped and reported)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col">Actors</th>
              <th scope="col">Type</th>
            </tr>
          </thead>
          <tbody>
            {readRows.map((r, i) => (
              <tr key={i} className={r.ok ? undefined : 'cs-unread'}>
                <td>{r.date}</td>
                <td>{r.title}</td>
                <td>{r.actors}</td>
                <td>{r.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="cs-row">
          <button type="submit" className="cs-primary">
            Import
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
