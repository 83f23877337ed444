import { fromUcdpWherePrec } from '../../../domain/placePrecision';
import { csvRecords, FIRST_CSV_ROW } from './csvRecords';
import type { RawDocument } from '../../../domain/normalise';
import type { ValidationIssue } from '../../../domain/types';
import { formatCount } from '../../../domain/formatCount';

const VIOLENCE = ['', 'state-based conflict', 'non-state conflict', 'one-sided violence'];
/** UCDP date_prec: 1 exact day; 2 within 2–6 days; 3 week; 4 month; 5 year. */
const PRECISION: Record<string, { precision: 'day' | 'month' | 'year'; approximate: boolean }> = {
  '1': { precision: 'day', approximate: false },
  '2': { precision: 'day', approximate: true },
  '3': { precision: 'day', approximate: true },
  '4': { precision: 'month', approximate: false },
  '5': { precision: 'year', approximate: false },
};

export const UCDP_ATTRIBUTION =
  'UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program, licensed CC BY 4.0. Cite: Sundberg, Ralph and Erik Melander (2013) "Introducing the UCDP Georeferenced Event Dataset", Journal of Peace Research 50(4). Ukraine extract via the peacerep/ukraine-map repository.';

/**
 * UCDP dates come in two month-first layouts: "M/D/YYYY h:mm:ss AM" and, in rows an Excel re-save touched,
 * "MM/DD/YYYY HH:MM"; ISO dates are accepted too. Returns YYYY-MM-DD or undefined.
 */
export function ucdpDate(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?)?$/i.exec(t);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits UCDP's source_article list: `"Publisher,YYYY-MM-DD,Headline";"…"`. */
export function ucdpSources(
  article: string,
): { publisher?: string; published?: string; title?: string }[] {
  const trimmed = article.trim();
  if (!trimmed) return [];
  const items = trimmed.replace(/^"|"$/g, '').split(/"\s*;\s*"/);
  return items
    .map((item) => {
      const m = /^([^,]*),(\d{4}-\d{2}-\d{2}),(.*)$/s.exec(item.trim());
      if (!m) return { title: item.trim() };
      return { publisher: m[1]!.trim(), published: m[2]!, title: m[3]!.trim() };
    })
    .filter((s) => Object.values(s).some((v) => v));
}

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s));

/** Converts a UCDP GED CSV text into a chronoscope document; unreadable rows are reported by row number. */
export function importUcdp(text: string): { doc: RawDocument; issues: ValidationIssue[] } {
  const { rows, issues } = csvRecords<Record<string, string>>(text);
  const entities = new Map<string, { id: string; name: string; type: 'group' | 'organization' }>();
  const events = rows.map((row, i) => {
    const start = ucdpDate(row.date_start ?? '');
    const end = ucdpDate(row.date_end ?? '');
    const prec = PRECISION[row.date_prec?.trim() ?? ''] ?? { precision: 'day', approximate: true };
    const actors: string[] = [];
    for (const side of ['side_a', 'side_b'] as const) {
      const name = row[side]?.trim();
      const id = row[`${side}_new_id`]?.trim() || name;
      if (!name || !id) continue;
      const eid = `ucdp-${id}`;
      if (!entities.has(eid))
        entities.set(eid, {
          id: eid,
          name,
          type: /^Government of/.test(name) ? 'organization' : 'group',
        });
      actors.push(eid);
    }
    const best = num(row.best);
    const where = row.where_description?.trim() || row.adm_1?.trim() || 'unknown place';
    const violence = VIOLENCE[Number(row.type_of_violence)] ?? undefined;
    const lat = num(row.latitude);
    const lon = num(row.longitude);
    const other: Record<string, unknown> = {};
    for (const key of [
      'relid',
      'conflict_name',
      'dyad_name',
      'where_prec',
      'adm_1',
      'adm_2',
      'event_clarity',
      'date_prec',
      'deaths_a',
      'deaths_b',
      'deaths_civilians',
      'deaths_unknown',
      'best',
      'high',
      'low',
      'number_of_sources',
      'source_original',
      'code_status',
    ]) {
      const v = row[key];
      if (v !== undefined && v !== '')
        other[`ucdp_${key}`] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    }
    const deaths = best === undefined ? '' : ` (${best} killed)`;
    return {
      id: row.id?.trim() || `row-${i + FIRST_CSV_ROW}`,
      title: `${row.dyad_name?.trim() || 'Violence'}: ${where}${deaths}`,
      start: start ?? row.date_start ?? '',
      ...(end && end !== start ? { end } : {}),
      precision: prec.precision,
      approximate: prec.approximate,
      ...(violence ? { type: violence } : {}),
      actors,
      location: {
        name: row.adm_1?.trim() || where,
        ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
        ...(lat !== undefined && fromUcdpWherePrec(row.where_prec)
          ? { precision: fromUcdpWherePrec(row.where_prec) }
          : {}),
      },
      description: [
        `Where: ${where}${row.adm_2?.trim() ? `, ${row.adm_2.trim()}` : ''}.`,
        best !== undefined
          ? `Deaths (best estimate ${best}, low ${row.low || '?'}, high ${row.high || '?'}): side A ${row.deaths_a || 0}, side B ${row.deaths_b || 0}, civilians ${row.deaths_civilians || 0}, unknown ${row.deaths_unknown || 0}.`
          : '',
        row.source_original?.trim() ? `Original source: ${row.source_original.trim()}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      tags: [
        row.conflict_name?.trim(),
        row.code_status?.trim() ? `status: ${row.code_status.trim()}` : '',
      ].filter((t): t is string => !!t),
      sources: ucdpSources(row.source_article ?? ''),
      ...other,
    };
  });
  // UCDP sometimes gives one name to several actor ids (DPR and LPR each have two): keep them apart, say so.
  const byName = new Map<string, number>();
  for (const e of entities.values()) byName.set(e.name, (byName.get(e.name) ?? 0) + 1);
  const entityList = [...entities.values()].map((e) => {
    const ucdpId = e.id.replace(/^ucdp-/, '');
    return (byName.get(e.name) ?? 0) > 1
      ? {
          ...e,
          name: `${e.name} (UCDP actor ${ucdpId})`,
          aliases: [e.name],
          description: `UCDP lists more than one actor named "${e.name}"; this is actor id ${ucdpId}.`,
        }
      : e;
  });
  return {
    doc: {
      title: 'UCDP GED: organised violence in Ukraine, 2014–2023',
      firstRow: FIRST_CSV_ROW,
      description: `${formatCount(events.length)} georeferenced events of organised violence in Ukraine (UCDP GED 22.1 and candidate events, January 2014 – March 2023). Actors are the two sides of each dyad; precision follows UCDP date_prec (1 day; 2–3 within a few days, shown as circa; 4 month and 5 year, drawn as circa across the record's date_start–date_end, or the whole month or year when the record gives one date).`,
      attribution: UCDP_ATTRIBUTION,
      entities: entityList,
      events,
    },
    issues,
  };
}
