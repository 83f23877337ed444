import { ActorTypes } from '../../../domain/actorTypes';
import { clipText } from '../../../domain/clipText';
import { fromGdeltGeoType } from '../../../domain/placePrecision';
import type { RawDocument } from '../../../domain/normalise';
import type { EntityType, ValidationIssue } from '../../../domain/types';
import { textLines } from './chronoscopeJsonl';
import { csvRecords, FIRST_CSV_ROW } from './csvRecords';

/** The 61 columns of a GDELT 2.0 event record, in file order (GDELT 2.0 Event Database codebook). */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...(['Actor1', 'Actor2'] as const).flatMap((a) => [
    `${a}Code`,
    `${a}Name`,
    `${a}CountryCode`,
    `${a}KnownGroupCode`,
    `${a}EthnicCode`,
    `${a}Religion1Code`,
    `${a}Religion2Code`,
    `${a}Type1Code`,
    `${a}Type2Code`,
    `${a}Type3Code`,
  ]),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...(['Actor1Geo', 'Actor2Geo', 'ActionGeo'] as const).flatMap((g) => [
    `${g}_Type`,
    `${g}_FullName`,
    `${g}_CountryCode`,
    `${g}_ADM1Code`,
    `${g}_ADM2Code`,
    `${g}_Lat`,
    `${g}_Long`,
    `${g}_FeatureID`,
  ]),
  'DATEADDED',
  'SOURCEURL',
] as const;

/** Columns whose values are measures (kept as numbers); codes such as EventCode "0141" stay text. */
const NUMERIC = new Set<string>([
  'MonthYear',
  'Year',
  'FractionDate',
  'IsRootEvent',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  'Actor1Geo_Type',
  'Actor1Geo_Lat',
  'Actor1Geo_Long',
  'Actor2Geo_Type',
  'Actor2Geo_Lat',
  'Actor2Geo_Long',
  'ActionGeo_Type',
  'ActionGeo_Lat',
  'ActionGeo_Long',
]);

/** Columns that become the event's own fields rather than other fields. */
const READ = new Set<string>(['GLOBALEVENTID', 'SQLDATE', 'EventCode', 'SOURCEURL']);

/** CAMEO root codes (CAMEO codebook, chapter 2). */
export const CAMEO_ROOTS: Readonly<Record<string, string>> = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

const QUAD_CLASSES = [
  '',
  'Verbal cooperation',
  'Material cooperation',
  'Verbal conflict',
  'Material conflict',
];

/** CAMEO actor role codes (Type1Code) that name an organization, and those that name a group of people. */
const ORGANIZATION_ROLES = new Set([
  'GOV',
  'MIL',
  'COP',
  'JUD',
  'SPY',
  'LEG',
  'BUS',
  'MNC',
  'IGO',
  'NGO',
  'NGM',
  'PTY',
  'MED',
  'EDU',
  'HLH',
  'LAB',
]);
const GROUP_ROLES = new Set([
  'REB',
  'OPP',
  'INS',
  'SEP',
  'CVL',
  'REF',
  'CRM',
  'UAF',
  'RAD',
  'AGR',
  'MOD',
  'ELI',
  'SET',
  'REL',
]);

/**
 * An actor's entity type from its CAMEO codes: a role code of an institution (GOV, MIL, IGO…) is an organization,
 * one of people (REB, CVL, REF…) a group, an international or non-governmental code (IGO…, NGO…, MNC…) an
 * organization, and a bare country code (the country as a whole) a place; anything else stays unknown.
 */
export function gdeltActorType(
  code: string,
  country: string,
  role: string,
): EntityType | undefined {
  if (ORGANIZATION_ROLES.has(role)) return 'organization';
  if (GROUP_ROLES.has(role)) return 'group';
  if (/^(IGO|NGO|NGM|MNC)/.test(code)) return 'organization';
  if (code !== '' && code === country) return 'place';
  return undefined;
}

const TAB_COLUMNS = GDELT_COLUMNS.length;

/** One headerless GDELT line: 61 tab-separated cells, a numeric id and an 8-digit SQLDATE. */
const isGdeltLine = (cells: string[]) =>
  cells.length === TAB_COLUMNS && /^\d+$/.test(cells[0]!) && /^\d{8}$/.test(cells[1]!);

/** A header row of a GDELT export with one (BigQuery's): it names GLOBALEVENTID and SQLDATE. */
const isGdeltHeader = (line: string) =>
  /\bGLOBALEVENTID\b/i.test(line) && /\bSQLDATE\b/i.test(line);

/** Whether a text is a GDELT 2.0 event export: a header naming its columns, or one of its first lines a record. */
export function looksLikeGdelt(text: string): boolean {
  let seen = 0;
  for (const { line } of textLines(text.slice(0, 256 * 1024))) {
    if (line.trim() === '') continue;
    if (seen === 0 && isGdeltHeader(line)) return true;
    if (isGdeltLine(line.split('\t'))) return true;
    if (++seen >= 5) break;
  }
  return false;
}

type Get = (column: string) => string;

const numberOr = (s: string): number | string =>
  /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s) ? Number(s) : s;

/** One GDELT record as a chronoscope/1 event; undefined (with the reason reported) when it cannot be one. */
function toEvent(
  get: Get,
  row: number,
  issues: ValidationIssue[],
  actorTypes: ActorTypes,
): Record<string, unknown> | undefined {
  const id = get('GLOBALEVENTID');
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(get('SQLDATE'));
  if (!date) {
    issues.push({
      severity: 'error',
      position: row,
      ...(id ? { id } : {}),
      field: 'start',
      message: `Row ${row}: SQLDATE "${clipText(get('SQLDATE'), 20)}" is not YYYYMMDD; the row is skipped.`,
    });
    return undefined;
  }
  const actors: string[] = [];
  for (const a of ['Actor1', 'Actor2']) {
    const name = get(`${a}Name`);
    if (!name) continue;
    actorTypes.note(
      name,
      gdeltActorType(get(`${a}Code`), get(`${a}CountryCode`), get(`${a}Type1Code`)),
    );
    actors.push(name);
  }
  const code = get('EventCode');
  const rootCode = get('EventRootCode') || code.slice(0, 2);
  const root = Object.hasOwn(CAMEO_ROOTS, rootCode) ? CAMEO_ROOTS[rootCode] : undefined;
  const place = get('ActionGeo_FullName');
  const lat = get('ActionGeo_Lat');
  const lon = get('ActionGeo_Long');
  // GDELT writes 0 (or nothing) where it has no coordinates: that is no place, not the Gulf of Guinea.
  const located =
    lat !== '' && lon !== '' && !(Number(lat) === 0 && Number(lon) === 0)
      ? { lat: Number(lat), lon: Number(lon) }
      : undefined;
  // Keys come from the codebook list, never from the file, so a plain object is safe and fast.
  const event: Record<string, unknown> = {};
  for (const column of GDELT_COLUMNS) {
    const v = get(column);
    if (READ.has(column) || v === '') continue;
    event[column] = NUMERIC.has(column) ? numberOr(v) : v;
  }
  if (root) event.EventRootName = root;
  const quad = QUAD_CLASSES[Number(get('QuadClass'))];
  if (quad) event.QuadClassName = quad;
  const url = get('SOURCEURL');
  const who = actors.join(' → ');
  event.id = id || `row-${row}`;
  event.title = `${root ?? (code ? `CAMEO ${code}` : 'Event')}${who ? `: ${who}` : ''}${place ? ` (${place})` : ''}`;
  event.start = `${date[1]}-${date[2]}-${date[3]}`;
  event.precision = 'day';
  if (code) event.type = code;
  event.actors = actors;
  // ActionGeo_Type says how much GDELT knows of the place (a country's centre, a state's, a city): it sizes the
  // map's mark, and only a located event has one.
  const geoPrecision = located ? fromGdeltGeoType(get('ActionGeo_Type')) : undefined;
  if (place || located)
    event.location = {
      ...(place ? { name: place } : {}),
      ...located,
      ...(geoPrecision ? { precision: geoPrecision } : {}),
    };
  event.tags = [];
  event.sources = url ? [url] : [];
  return event;
}

/**
 * GDELT 2.0 event exports: the raw files (tab-separated, no header, 61 columns) or an export with a header row
 * (BigQuery's, comma- or tab-separated). Every line that is not a record (a wrong column count, no SQLDATE) is a
 * reported row.
 */
export function importGdelt(text: string): { doc: RawDocument; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const events: unknown[] = [];
  const rows: number[] = [];
  const actorTypes = new ActorTypes();
  let records = 0;
  let firstRow = 1;
  const firstLine = textLines(text).next().value?.line ?? '';
  if (isGdeltHeader(firstLine)) {
    firstRow = FIRST_CSV_ROW;
    const table = csvRecords<Record<string, string | undefined>>(text);
    issues.push(...table.issues);
    // Header cells match the codebook's names whatever their case.
    const byName = new Map(table.headers.map((h) => [h.trim().toLowerCase(), h]));
    table.rows.forEach((record, i) => {
      records++;
      const get: Get = (c) => {
        const h = byName.get(c.toLowerCase());
        return h === undefined ? '' : (record[h] ?? '').trim();
      };
      const event = toEvent(get, i + FIRST_CSV_ROW, issues, actorTypes);
      if (event) {
        events.push(event);
        rows.push(i + FIRST_CSV_ROW);
      }
    });
  } else {
    const at = new Map<string, number>(GDELT_COLUMNS.map((c, i) => [c, i]));
    for (const { line, number } of textLines(text)) {
      if (line.trim() === '') continue;
      records++;
      const cells = line.split('\t');
      if (cells.length !== TAB_COLUMNS) {
        issues.push({
          severity: 'error',
          position: number,
          message: `Row ${number}: ${cells.length} tab-separated columns; a GDELT 2.0 event has ${TAB_COLUMNS}. The row is skipped.`,
        });
        continue;
      }
      const get: Get = (c) => (cells[at.get(c)!] ?? '').trim();
      const event = toEvent(get, number, issues, actorTypes);
      if (event) {
        events.push(event);
        rows.push(number);
      }
    }
  }
  const entities = actorTypes.entities();
  return {
    doc: {
      title: 'GDELT 2.0 events',
      attribution:
        'GDELT Project (gdeltproject.org): the GDELT 2.0 Event Database, free to use with attribution.',
      ...(entities.length > 0 ? { entities } : {}),
      events,
      firstRow,
      rows,
      recordCount: records,
    },
    issues,
  };
}
