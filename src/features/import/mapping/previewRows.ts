import type { CsvMapping } from '../../../domain/csvMapping';
import { parseIsoDate } from '../../../domain/dates';
import { formatInstant } from '../../../domain/formatDate';
import { readLooseDate, type LooseDate } from '../../../domain/looseDate';

const split = (value: string, separator: string | undefined) =>
  (separator ? value.split(separator) : [value]).map((v) => v.trim()).filter(Boolean);

export interface PreviewRow {
  ok: boolean;
  date: string;
  title: string;
  actors: string;
  type: string;
  place: string;
  sources: string;
}

/** What the first rows say about the date column: every time midnight, ids repeated. */
export interface PreviewFacts {
  /** Every time the date column writes is midnight (and at least one is). */
  allMidnight: boolean;
  /** Ids used by more than one of the first rows. */
  repeatedIds: string[];
}

/** How the first rows read under a mapping, as the importer will read them, in words. */
export function previewRows(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  m: CsvMapping,
): { rows: PreviewRow[]; facts: PreviewFacts } {
  const at = (row: readonly string[], column?: string) =>
    column === undefined ? '' : (row[headers.indexOf(column)] ?? '').trim();
  const reads = rows.map((r) =>
    readLooseDate(at(r, m.date), m.order, at(r, m.time), {
      ...(m.kind ? { kind: m.kind } : {}),
      midnightIsDay: m.midnight === 'day',
    }),
  );
  const allMidnight =
    reads.some((s) => s.ok && s.midnight) &&
    reads.every((s) => !s.ok || s.midnight || ['year', 'month', 'day'].includes(s.precision));
  const asDay = (s: LooseDate): LooseDate =>
    m.midnight === undefined && allMidnight && s.ok && s.midnight
      ? { ok: true, start: s.start.slice(0, s.start.search(/[T ]/)), precision: 'day' }
      : s;
  const ids = rows.map((r) => at(r, m.id)).filter(Boolean);
  const repeatedIds = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  return {
    facts: { allMidnight, repeatedIds },
    rows: rows.map((row, i) => {
      const read = asDay(reads[i]!);
      let date: string;
      if (read.ok) {
        const parsed = parseIsoDate(read.start);
        date = parsed.ok
          ? formatInstant(parsed.value.start, read.precision, 'utc', parsed.value.offsetMinutes)
          : read.start;
      } else date = `Not read: ${read.error}`;
      const coords =
        m.lat !== undefined && m.lon !== undefined
          ? [at(row, m.lat), at(row, m.lon)].filter(Boolean).join(', ')
          : at(row, m.latlon);
      return {
        ok: read.ok,
        date,
        title: at(row, m.title),
        actors: m.actors.flatMap((c) => split(at(row, c), m.separator)).join(' · '),
        type: at(row, m.type),
        place: [at(row, m.location), coords ? `(${coords})` : ''].filter(Boolean).join(' '),
        sources: split(at(row, m.url), m.urlSeparator).join(' · '),
      };
    }),
  };
}
