import { ActorTypes, entityTypeOf } from '../../../domain/actorTypes';
import { MONTH_NAMES, readLooseDate } from '../../../domain/looseDate';
import { readPrecisionCode, weekAround } from '../../../domain/precisionCodes';
import { fromAcledGeoPrecision } from '../../../domain/placePrecision';
import { csvRecords, FIRST_CSV_ROW } from './csvRecords';
import type { RawDocument } from '../../../domain/normalise';
import type { ValidationIssue } from '../../../domain/types';

type Row = Record<string, string | undefined>;

/**
 * ACLED event_date: ISO (2023-12-21), day first (21/12/2023, 21-12-2023, 21.12.2023), compact (20231221), or
 * "21 December 2023", as ACLED and spreadsheets write it; a midnight time after it (`14/08/2020 00:00:00`, a
 * spreadsheet's round trip) is a placeholder, since ACLED dates are days. Converted by shape first, so that an
 * impossible day reaches the validator and is reported with its reason.
 */
export function acledDate(text: string): string | undefined {
  const t = text
    .trim()
    .replace(/[T ]00:00(?::00(?:\.0+)?)?$/, '')
    .trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) return t;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(t);
  if (long) {
    const m = MONTH_NAMES.indexOf(long[2]!.toLowerCase());
    if (m >= 0) return `${long[3]}-${String(m + 1).padStart(2, '0')}-${long[1]!.padStart(2, '0')}`;
  }
  const loose = readLooseDate(t, 'dmy');
  return loose.ok && loose.precision === 'day' ? loose.start : undefined;
}

const split = (s: string | undefined) =>
  (s ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Converts an ACLED CSV export; actor1, actor2 (typed by inter1, inter2) and the "; "-separated associated actors
 * become actors; time_precision follows the codebook (2: the week around the date, 3: the month).
 */
export function importAcled(text: string): { doc: RawDocument; issues: ValidationIssue[] } {
  const { rows, issues } = csvRecords<Row>(text);
  const used = new Set([
    'event_id_cnty',
    'event_date',
    'time_precision',
    'actor1',
    'actor2',
    'inter1',
    'inter2',
    'assoc_actor_1',
    'assoc_actor_2',
    'event_type',
    'sub_event_type',
    'location',
    'latitude',
    'longitude',
    'notes',
    'source',
    'tags',
  ]);
  const types = new ActorTypes();
  const events = rows.map((row, i) => {
    const date = acledDate(row.event_date ?? '');
    // An unknown or missing code: the day, circa.
    const prec = readPrecisionCode(row.time_precision ?? '', 'acled') ?? {
      precision: 'day',
      approximate: true,
    };
    const week = prec.week && date ? weekAround(date) : undefined;
    types.note(row.actor1 ?? '', entityTypeOf(row.inter1 ?? ''));
    types.note(row.actor2 ?? '', entityTypeOf(row.inter2 ?? ''));
    const lat = row.latitude?.trim() ? Number(row.latitude) : undefined;
    const lon = row.longitude?.trim() ? Number(row.longitude) : undefined;
    const place = [row.location, row.admin3, row.admin2, row.admin1, row.country]
      .map((s) => s?.trim())
      .filter(Boolean);
    const other: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row))
      if (!used.has(k) && v !== undefined && v.trim() !== '')
        other[`acled_${k}`] = /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v;
    const type = row.event_type?.trim();
    const sub = row.sub_event_type?.trim();
    return {
      id: row.event_id_cnty?.trim() || `row-${i + FIRST_CSV_ROW}`,
      title: [
        sub || type || 'Event',
        place[0] ? `in ${place[0]}` : '',
        row.fatalities?.trim() && row.fatalities.trim() !== '0'
          ? `(${row.fatalities.trim()} fatalities)`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
      start: week?.start ?? date ?? (row.event_date ?? '').trim(),
      ...(week ? { end: week.end, acled_event_date: (row.event_date ?? '').trim() } : {}),
      precision: prec.precision,
      approximate: prec.approximate === true || (prec.week === true && !week),
      ...(type ? { type } : {}),
      actors: [row.actor1, row.actor2, ...split(row.assoc_actor_1), ...split(row.assoc_actor_2)]
        .map((a) => a?.trim())
        .filter((a): a is string => !!a),
      location: {
        ...(place.length ? { name: place.join(', ') } : {}),
        ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
        ...(lat !== undefined && fromAcledGeoPrecision(row.geo_precision)
          ? { precision: fromAcledGeoPrecision(row.geo_precision) }
          : {}),
      },
      ...(row.notes?.trim() ? { description: row.notes.trim() } : {}),
      tags: [...(sub ? [sub] : []), ...split(row.tags)],
      sources: split(row.source).map((publisher) => ({ publisher })),
      ...other,
    };
  });
  return {
    doc: {
      title: 'ACLED events',
      firstRow: FIRST_CSV_ROW,
      entities: types.entities(),
      attribution:
        'Armed Conflict Location & Event Data (ACLED), acleddata.com. Use follows ACLED’s terms of use and attribution policy.',
      events,
    },
    issues,
  };
}
