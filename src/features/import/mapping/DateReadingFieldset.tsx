import { useMemo } from 'react';
import { guessDateOrder, looksLikeExcelSerials } from '../../../domain/guessMapping';
import type { DateKind, DateOrder } from '../../../domain/looseDate';
import type { PrecisionCodes } from '../../../domain/precisionCodes';
import { withField, type MappingPartProps } from './mappingProps';

const ORDER_LABELS: Record<DateOrder, string> = {
  dmy: 'Day first (21/12/2023)',
  mdy: 'Month first (12/21/2023)',
  ymd: 'Year first (2023/12/21)',
};

const KIND_LABELS: Record<DateKind, string> = {
  text: 'Written dates',
  excel: 'Excel serial day numbers',
  'unix-s': 'Unix time, seconds',
  'unix-ms': 'Unix time, milliseconds',
};

const MIDNIGHT_LABELS = {
  auto: 'the day alone when every time is 00:00',
  day: 'always the day alone (a placeholder)',
  time: 'a real time',
} as const;

/** How the date column reads: numeric order, what its cells hold, what a midnight time means, precision codes. */
export function DateReadingFieldset({
  m,
  setM,
  headers,
  rows,
  id,
  allMidnight,
}: MappingPartProps & { allMidnight: boolean }) {
  const dates = useMemo(
    () => rows.map((r) => r[headers.indexOf(m.date)] ?? ''),
    [rows, headers, m.date],
  );
  const ambiguous = useMemo(() => guessDateOrder(dates).ambiguous, [dates]);
  const serials = useMemo(() => looksLikeExcelSerials(dates), [dates]);
  const epochs = useMemo(
    () =>
      dates.some((d) => d.trim() !== '') &&
      dates.every((d) => d.trim() === '' || /^\d{9,13}(\.\d+)?$/.test(d.trim())),
    [dates],
  );
  const kind = m.kind ?? 'text';
  return (
    <fieldset>
      <legend>Dates</legend>
      <label>
        <span>The date cells hold</span>
        <select
          value={kind}
          onChange={(e) => {
            const next = e.target.value as DateKind;
            setM((prev) => withField(prev, 'kind', next === 'text' ? undefined : next));
          }}
        >
          {(Object.keys(KIND_LABELS) as DateKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {serials && (
        <p className="cs-note">
          Every date cell in the first rows is a number in the range of Excel serial days
          {kind === 'excel'
            ? ', so they are read as Excel serial days.'
            : ': choose Excel serial day numbers if they are dates.'}
        </p>
      )}
      {epochs && !serials && kind === 'text' && (
        <p className="cs-note">
          The date cells are long numbers: if they are Unix times, say so above.
        </p>
      )}
      {kind === 'text' &&
        (Object.keys(ORDER_LABELS) as DateOrder[]).map((order) => (
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
      {kind === 'text' && ambiguous && (
        <p className="cs-note">
          Every date in the first rows reads both ways (no day above 12): check the preview.
        </p>
      )}
      <label>
        <span>A time of 00:00 is</span>
        <select
          value={m.midnight ?? 'auto'}
          onChange={(e) => {
            const v = e.target.value as keyof typeof MIDNIGHT_LABELS;
            setM((prev) => withField(prev, 'midnight', v === 'auto' ? undefined : v));
          }}
        >
          {(Object.keys(MIDNIGHT_LABELS) as (keyof typeof MIDNIGHT_LABELS)[]).map((k) => (
            <option key={k} value={k}>
              {MIDNIGHT_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {allMidnight && m.midnight === undefined && (
        <p className="cs-note">
          Every time in the first rows is 00:00, a spreadsheet&apos;s placeholder: the dates are
          read as days.
        </p>
      )}
      <label>
        <span>Date precision column</span>
        <select
          value={m.precision ?? ''}
          onChange={(e) => {
            const column = e.target.value;
            setM((prev) => withField(prev, 'precision', column === '' ? undefined : column));
          }}
        >
          <option value="">(none)</option>
          {headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      {m.precision !== undefined && (
        <label>
          <span>Its numbers follow</span>
          <select
            value={m.precisionCodes ?? 'acled'}
            onChange={(e) =>
              setM((prev) => ({ ...prev, precisionCodes: e.target.value as PrecisionCodes }))
            }
          >
            <option value="acled">ACLED time_precision (1 day, 2 week, 3 month)</option>
            <option value="ucdp">UCDP date_prec (1 day, 2 circa, 3 week, 4 month, 5 year)</option>
          </select>
        </label>
      )}
    </fieldset>
  );
}
