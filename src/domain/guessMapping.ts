import type { CsvMapping } from './csvMapping';
import { EXCEL_SERIAL_RANGE, readLooseDate, type DateOrder } from './looseDate';

/** A header cell reduced for matching: lower case, accents dropped, every run of other characters one "_". */
export function columnKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** Header names per role, in English, Spanish, French, German, Portuguese and Russian; matched on columnKey. */
const NAMES = {
  date: /^(date|dates|day|start|start_?date|date_?start|start_?time|begin|begin_?date|event_?date|date_?of_?event|datetime|date_?time|timestamp|time_?stamp|when|occurred(_at|_on)?|date_?occurred|published(_at)?|date_?published|fecha|fecha_?inicio|fecha_?evento|data|data_?evento|datum|date_?debut|дата|дата_?события|дата_?начала|日期|tarih)$/,
  year: /^(year|yr|ano|annee|jahr|год)$/,
  time: /^(time|hour|time_?of_?day|hora|heure|uhrzeit|zeit|время)$/,
  end: /^(end|end_?date|date_?end|end_?time|until|to|finish|stop|fecha_?fin|date_?fin|enddatum|data_?fim|дата_?окончания)$/,
  precision: /^(time_?precision|date_?prec|date_?precision|precision|precision_?date)$/,
  title:
    /^(title|headline|name|event|event_?name|summary|subject|what|message|titulo|titre|titel|nombre|заголовок|название|标题)$/,
  type: [
    /^(type|event_?type|category|kind|class|tipo|tipo_?evento|categoria|typ|kategorie|тип|категория)$/,
    /^(type_of_[a-z]+|[a-z]+_type)$/,
  ],
  location: [
    /^(location|location_?name|place|place_?name|where|where_?description|site|lugar|lieu|ort|local|место)$/,
    /^(city|town|village|address|ciudad|ville|stadt|город|населенный_?пункт)$/,
    /^(country|region|pais|land|страна)$/,
  ],
  lat: /^(lat|latitude|lat_?dd|y_?coord|latitud|breitengrad|breite|широта)$/,
  lon: /^(lon|lng|long|longitude|lon_?dd|x_?coord|longitud|langengrad|laenge|lange|долгота)$/,
  latlon:
    /^(lat_?lon|lat_?lng|lat_?long|latlon|latlng|latlong|coordinates|coords|coordinate|geo|geolocation|point|where_?coordinates|coordenadas|koordinaten|координаты)$/,
  description:
    /^(description|notes?|text|details?|body|content|comments?|descripcion|notas|beschreibung|beschrijving|описание|примечание|текст)$/,
  url: /^(url|urls|link|links|source_?url|source_?urls|source_?link|href|sources?|fuente|fuentes|quelle|источник|ссылка)$/,
  tags: /^(tags?|keywords?|labels?|topics?|themes?|etiquetas|mots_?cles|schlagworte|теги|метки)$/,
  id: /^(id|uid|uuid|guid|identifier|event_?id|record_?id|key|ref|reference|nr|no|identificador|идентификатор)$/,
  /** Weaker id names, taken only when no column is named plainly: event_id_cnty, event_id_1pd, incident_no. */
  idLike: /^(.*_id|id_.*|.*_id_.*|.*_(no|nr|number|ref))$/,
  actors:
    /^(actors?|actor_?\d|actor_?[ab]|assoc_?actor_?\d|party|parties|who|participants?|people|persons?|organi[sz]ations?|side_?[ab12]?|perpetrators?|targets?|victims?|attackers?|actores|acteurs|akteure|участники|стороны)$/,
} as const;

const filled = (values: readonly string[]) => values.map((v) => v.trim()).filter((v) => v !== '');
const BARE_INTEGER = /^-?\d{1,7}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const URL_START = /^https?:\/\//i;
const LAT_LON = /^\(?\s*(-?\d{1,3}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)\s*\)?$/;

/** Share of non-empty cells that read as dates; bare integers count only in a column named as a year. */
function dateShare(values: readonly string[], order: DateOrder, yearColumn: boolean): number {
  const cells = filled(values);
  if (cells.length === 0) return 0;
  return (
    cells.filter((v) => (yearColumn || !BARE_INTEGER.test(v)) && readLooseDate(v, order).ok)
      .length / cells.length
  );
}

const share = (values: readonly string[], test: (v: string) => boolean) => {
  const cells = filled(values);
  return cells.length === 0 ? 0 : cells.filter(test).length / cells.length;
};

/**
 * How numeric dates in a column are ordered: a first number above 12 means day first, a second above 12 means
 * month first. `ambiguous` when no row tells (every day is 12 or less).
 */
export function guessDateOrder(values: readonly string[]): {
  order: DateOrder;
  ambiguous: boolean;
} {
  let dayFirst = 0;
  let monthFirst = 0;
  let numeric = 0;
  for (const v of values) {
    // ISO 8601 reads the same in every order: it says nothing about the others.
    if (/^\s*[+-]?\d{4,}-\d{2}(-\d{2})?([T ]|\s*$)/.test(v)) continue;
    const m = /^\s*(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})/.exec(v);
    if (!m) continue;
    if (m[1]!.length >= 3) return { order: 'ymd', ambiguous: false };
    numeric++;
    if (Number(m[1]) > 12) dayFirst++;
    if (Number(m[2]) > 12) monthFirst++;
  }
  if (dayFirst > monthFirst) return { order: 'dmy', ambiguous: false };
  if (monthFirst > dayFirst) return { order: 'mdy', ambiguous: false };
  return { order: 'dmy', ambiguous: numeric > 0 };
}

/** True when every cell is a number in the range where Excel serial days are plausible dates (1954–2119). */
export function looksLikeExcelSerials(values: readonly string[]): boolean {
  const cells = filled(values);
  return (
    cells.length > 0 &&
    cells.every(
      (v) =>
        NUMBER.test(v) &&
        Number(v) >= 20_000 &&
        Number(v) <= Math.min(80_000, EXCEL_SERIAL_RANGE[1]),
    )
  );
}

/** The separator that splits several values in these cells, among the usual ones; "" when none does. */
function guessSeparator(cells: readonly string[], candidates: readonly string[]): string {
  return candidates.find((s) => cells.some((c) => c.includes(s))) ?? '';
}

/** ACLED's inter1/inter2 type actor1/actor2; elsewhere a column named "<actor column> type" types its actors. */
function guessActorTypes(
  actors: readonly string[],
  headers: readonly string[],
  keys: readonly string[],
): CsvMapping['actorTypes'] {
  const out: NonNullable<CsvMapping['actorTypes']> = {};
  for (const actor of actors) {
    const key = columnKey(actor);
    const n = /^actor_?(\d)$/.exec(key)?.[1];
    const wanted = [
      ...(n ? [`inter${n}`, `inter_${n}`] : []),
      `${key}_type`,
      `type_${key}`,
      `${key}_kind`,
    ];
    const i = keys.findIndex((k) => wanted.includes(k));
    if (i >= 0)
      Object.defineProperty(out, actor, { value: { column: headers[i]! }, enumerable: true });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A first guess from header names and the first rows' content; the analyst checks it in the dialog. */
export function guessMapping(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): CsvMapping {
  const keys = headers.map(columnKey);
  const column = (h: string) => rows.map((r) => r[headers.indexOf(h)] ?? '');
  const taken = new Set<string>();
  // The first untaken column a name matches; with several patterns, the earlier pattern wins.
  const named = (re: RegExp | readonly RegExp[], fits: (h: string) => boolean = () => true) => {
    for (const r of Array.isArray(re) ? re : [re]) {
      const h = headers.find((h, i) => !taken.has(h) && r.test(keys[i]!) && fits(h));
      if (h !== undefined) return h;
    }
    return undefined;
  };
  const take = <T extends string | undefined>(h: T): T => {
    if (h !== undefined) taken.add(h);
    return h;
  };

  // The date: a column named like a date whose cells read; else a column whose cells read, never an id column.
  const readsAsDate = (h: string, min: number, yearColumn = false) =>
    Math.max(dateShare(column(h), 'dmy', yearColumn), dateShare(column(h), 'mdy', yearColumn)) >=
      min || looksLikeExcelSerials(column(h));
  const isIdName = (i: number) => NAMES.id.test(keys[i]!) || NAMES.idLike.test(keys[i]!);
  const date = take(
    named(NAMES.date, (h) => readsAsDate(h, 0.5)) ??
      headers.find((h, i) => !isIdName(i) && readsAsDate(h, 0.8)) ??
      named(NAMES.year, (h) => readsAsDate(h, 0.8, true)) ??
      named(NAMES.date) ??
      headers[0] ??
      '',
  );
  const dates = column(date);
  const m: CsvMapping = { date, order: guessDateOrder(dates).order, actors: [], separator: '' };
  if (looksLikeExcelSerials(dates)) m.kind = 'excel';

  const time = take(named(NAMES.time));
  if (time) m.time = time;
  const end = take(named(NAMES.end));
  if (end) m.end = end;
  const precision = take(named(NAMES.precision));
  if (precision) {
    m.precision = precision;
    if (/date_?prec$/.test(columnKey(precision))) m.precisionCodes = 'ucdp';
  }
  // A column merely named like an id must also look like one: its first values differ.
  const distinct = (h: string) => {
    const cells = filled(column(h));
    return cells.length > 0 && new Set(cells).size >= 0.9 * cells.length;
  };
  const id = take(named(NAMES.id) ?? named(NAMES.idLike, distinct));
  if (id) m.id = id;

  const numbersIn = (lo: number, hi: number) => (h: string) =>
    share(column(h), (v) => NUMBER.test(v) && Math.abs(Number(v)) <= hi && Number(v) >= lo) >= 0.8;
  const lat = named(NAMES.lat, numbersIn(-90, 90));
  const lon = named(NAMES.lon, numbersIn(-180, 180));
  if (lat && lon) {
    m.lat = take(lat);
    m.lon = take(lon);
  } else {
    const latlon = take(
      named(NAMES.latlon, (h) => share(column(h), (v) => LAT_LON.test(v)) >= 0.5) ??
        headers.find(
          (h) =>
            !taken.has(h) &&
            share(column(h), (v) => LAT_LON.test(v)) >= 0.8 &&
            filled(column(h)).length > 0,
        ),
    );
    if (latlon) m.latlon = latlon;
  }

  const links = (h: string) => share(column(h), (v) => URL_START.test(v)) >= 0.5;
  const url = take(
    named(NAMES.url, links) ?? headers.find((h) => !taken.has(h) && links(h)) ?? named(NAMES.url),
  );
  if (url) {
    m.url = url;
    const cells = filled(column(url));
    const several = cells.filter((c) => (c.match(/https?:\/\//gi)?.length ?? 0) > 1);
    const sep =
      several.length > 0
        ? guessSeparator(several, ['|', ';', ',', ' '])
        : guessSeparator(
            cells.filter((c) => !URL_START.test(c)),
            [';', '|'],
          );
    if (sep) m.urlSeparator = sep;
  }

  for (const role of ['title', 'type', 'location', 'description', 'tags'] as const) {
    const h = take(named(NAMES[role]));
    if (h !== undefined) m[role] = h;
  }
  if (m.tags) {
    const sep = guessSeparator(filled(column(m.tags)), [';', '|', ',']);
    if (sep) m.tagSeparator = sep;
  }

  m.actors = headers.filter((h, i) => !taken.has(h) && NAMES.actors.test(keys[i]!));
  m.separator = guessSeparator(
    m.actors.flatMap((a) => filled(column(a))),
    [';', '|'],
  );
  const actorTypes = guessActorTypes(m.actors, headers, keys);
  if (actorTypes) m.actorTypes = actorTypes;
  return m;
}
