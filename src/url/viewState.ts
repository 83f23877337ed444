import { isDrawable, parseIsoDate } from '../domain/dates';
import { canonicalZone, formatLinkInstant } from '../domain/time';
import { EMPTY_FILTERS, filtersKey, type Filters, type MatchMode } from '../domain/filters';
import { GROUP_BYS, type GroupBy } from '../domain/lanes';
import { ENTITY_TYPES, PRECISIONS } from '../domain/types';
import { clipText } from '../domain/clipText';
import { mappingFromParam, mappingToParam, type CsvMapping } from '../domain/csvMapping';
import { READABLE_FORMATS, type FormatId } from '../domain/formats';
import { formatBbox, parseBbox } from '../domain/geo';
import { formatMeasureRange, parseMeasureRange } from '../domain/measures';
import { LIST_SORT_KEYS, type ListSortKey } from '../domain/eventOrder';

/** The current version of the URL format; links without `v` read as version 1. */
export const VIEW_VERSION = 1;

/** Everything that defines a shareable view. The URL is its only copy. */
export interface ViewState extends Filters {
  /** Bundled dataset id, relative path or http(s) URL; undefined means the default sample. */
  data?: string;
  /** The format the analyst chose to read the dataset as; undefined means detected from the content. */
  fmt?: FormatId;
  /** The column mapping of a generic CSV/TSV dataset. */
  map?: CsvMapping;
  /** The visible window, epoch ms; undefined means "fit the data". */
  from?: number;
  to?: number;
  group: GroupBy;
  /** Selected event id. */
  event?: string;
  /** 'utc', 'local' or an IANA zone. */
  tz: string;
  /** The map is open beside the timeline. */
  geo: boolean;
  /** The map shows only the events that overlap the timeline's window. */
  geowin: boolean;
  /** What the event list holds: every match, or the matches in the timeline's window. */
  list: ListScope;
  /**
   * The event list's page (from 1; undefined means the first) on a server dataset, whose list is read a page at a
   * time; a file's list scrolls through every match. It belongs to the filters, scope and order it was turned under:
   * a change of any of them starts at the first page again (keepsListPage).
   */
  page?: number;
  /** The measure whose sum the histogram and buckets show instead of event counts (a measure's name). */
  sum?: string;
  /** The event list's order. */
  sort: ListSort;
}

/** The event list's order: a column, ascending or descending. */
export interface ListSort {
  key: ListSortKey;
  desc: boolean;
}

/** The highest list page a link can name (seven digits: a billion rows at a hundred a page). */
export const MAX_LIST_PAGE = 9_999_999;

/**
 * Whether a change of view keeps the list's page: it belongs to the filters, the list's scope and its order, so
 * a change of any of them (a new filter, In view, another column) starts at the first page again.
 */
export function keepsListPage(cur: ViewState, next: ViewState): boolean {
  return (
    filtersKey(cur) === filtersKey(next) &&
    cur.list === next.list &&
    cur.sort.key === next.sort.key &&
    cur.sort.desc === next.sort.desc
  );
}

/** The event list's scopes: `all` matches (the default), or those in `view` on the timeline. */
export const LIST_SCOPES = ['all', 'view'] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

export const DEFAULT_VIEW: ViewState = {
  ...EMPTY_FILTERS,
  group: 'none',
  tz: 'utc',
  geo: false,
  geowin: false,
  list: 'all',
  sort: { key: 'date', desc: false },
};

/** Includes an actor (and stops excluding it), or stops including it. */
export function toggleIncludedActor(s: ViewState, id: string): ViewState {
  return {
    ...s,
    actors: s.actors.includes(id) ? s.actors.filter((a) => a !== id) : [...s.actors, id],
    xactors: s.xactors.filter((a) => a !== id),
  };
}

/** Excludes an actor (and stops including it), or stops excluding it. */
export function toggleExcludedActor(s: ViewState, id: string): ViewState {
  return {
    ...s,
    xactors: s.xactors.includes(id) ? s.xactors.filter((a) => a !== id) : [...s.xactors, id],
    actors: s.actors.filter((a) => a !== id),
  };
}

/** The same view with every filter cleared (window, lanes, selection and time zone kept). */
export function withoutFilters(s: ViewState): ViewState {
  return { ...s, ...EMPTY_FILTERS, since: undefined, until: undefined, bbox: undefined };
}

const MAX_MEASURE_RANGES = 20;

/**
 * The measure rows (kept together): `measure=name:min:max` range filters (repeatable, one per measure), `sum=name`
 * for what the histogram and buckets add up, and `sort=[-]column` for the list's order. Which measures exist is
 * known only once the dataset is loaded: a name it lacks is said there (query notices, the measure control).
 */
const measureParams: ParamCodec[] = [
  {
    keys: ['measure'],
    read: (r, s) => {
      const byName = new Map<string, ViewState['measures'][number]>();
      for (const value of r.list('measure')) {
        const m = parseMeasureRange(value);
        if (!m.ok) {
          r.notice(`Ignored the measure range "${clipText(value, 60)}": ${m.error}.`);
          continue;
        }
        if (byName.has(m.value.name))
          r.notice(`Ignored an earlier range on "${clipText(m.value.name, 40)}": one per measure.`);
        else if (byName.size >= MAX_MEASURE_RANGES) {
          r.notice(`Ignored measure ranges past the first ${MAX_MEASURE_RANGES}.`);
          break;
        }
        byName.set(m.value.name, m.value);
      }
      s.measures = [...byName.values()];
    },
    write: (s, p) => s.measures.forEach((m) => p.append('measure', formatMeasureRange(m))),
  },
  {
    keys: ['sum'],
    read: (r, s) => {
      const v = r.single('sum');
      if (v !== undefined) s.sum = v;
    },
    write: (s, p) => void (s.sum !== undefined && s.sum !== '' && p.set('sum', s.sum)),
  },
  {
    keys: ['sort'],
    read: (r, s) => {
      const v = r.single('sort');
      if (v === undefined) return;
      const desc = v.startsWith('-');
      const key = desc ? v.slice(1) : v;
      if ((LIST_SORT_KEYS as readonly string[]).includes(key))
        s.sort = { key: key as ListSortKey, desc };
      else
        r.notice(
          `Ignored sort "${clipText(v, 40)}" (expected ${LIST_SORT_KEYS.join(', ')}, "-" before for descending); the list is in date order.`,
        );
    },
    write: (s, p) =>
      void (
        (s.sort.key !== 'date' || s.sort.desc) &&
        p.set('sort', `${s.sort.desc ? '-' : ''}${s.sort.key}`)
      ),
  },
];

export interface ParsedView {
  state: ViewState;
  /** What was ignored, in words for the analyst. */
  notices: string[];
}

const MAX_VALUES = 200;
const MAX_VALUE_LENGTH = 500;
/** Signed cloud-storage URLs carry long tokens (often 1,000-2,000 characters): a dataset address gets more room. */
export const MAX_DATA_LENGTH = 8000;
/** A column mapping names up to ~30 columns; its JSON gets more room than other values. */
const MAX_MAP_LENGTH = 4000;

/** What a codec reads from: the link's values by key, already trimmed of nothing, and where notices go. */
interface Reader {
  /** The last value of a key, trimmed; undefined when absent, empty or too long (with a notice). */
  single(key: string, max?: number): string | undefined;
  /** Every distinct non-empty value of a key, trimmed, at most MAX_VALUES (with notices). */
  list(key: string): string[];
  /** The last raw value of a key (for values with their own length limit). */
  raw(key: string): string | undefined;
  notice(text: string): void;
}

/**
 * One link parameter (or a pair that only means something together): the keys it owns, how it reads them into
 * the view state and how it writes them back. The table below is the only place a parameter's name is written.
 */
interface ParamCodec {
  keys: readonly string[];
  read(r: Reader, into: ViewState): void;
  write(s: ViewState, p: URLSearchParams): void;
}

type ListField = 'actors' | 'xactors' | 'types' | 'tags' | 'places' | 'atags';

/** A repeatable free-text parameter (`actor=a&actor=b`). */
function listParam(key: string, field: ListField): ParamCodec {
  return {
    keys: [key],
    read: (r, s) => void (s[field] = r.list(key)),
    write: (s, p) => s[field].forEach((v) => p.append(key, v)),
  };
}

/** A repeatable parameter whose values come from a fixed set; others are dropped with a notice. */
function enumListParam<F extends 'etypes' | 'prec'>(
  key: string,
  field: F,
  allowed: readonly ViewState[F][number][],
  what: string,
): ParamCodec {
  return {
    keys: [key],
    read: (r, s) => {
      s[field] = r.list(key).filter((value): value is ViewState[F][number] => {
        if ((allowed as readonly string[]).includes(value)) return true;
        r.notice(
          `Ignored ${what} "${clipText(value, 40)}" (expected one of ${allowed.join(', ')}).`,
        );
        return false;
      }) as ViewState[F];
    },
    write: (s, p) => s[field].forEach((v) => p.append(key, v)),
  };
}

/** A single free-text parameter, left out when absent. */
function textParam(key: 'data' | 'event' | 'q', max = MAX_VALUE_LENGTH): ParamCodec {
  return {
    keys: [key],
    read: (r, s) => {
      const v = r.single(key, max);
      if (v !== undefined) s[key] = v;
    },
    write: (s, p) => {
      const v = s[key];
      if (v !== undefined && v.trim() !== '') p.set(key, v);
    },
  };
}

/** An on/off switch, written `key=1` when on and left out when off. */
function flagParam(key: 'geo' | 'geowin', what: string): ParamCodec {
  return {
    keys: [key],
    read: (r, s) => {
      const v = r.single(key);
      if (v === undefined) return;
      if (v === '1' || v === '0') s[key] = v === '1';
      else r.notice(`Ignored ${key}="${clipText(v, 40)}" for ${what} (expected 1 or 0).`);
    },
    write: (s, p) => void (s[key] && p.set(key, '1')),
  };
}

/** The visible window: both ends or neither, `from` before `to`, both drawable. */
const windowParam: ParamCodec = {
  keys: ['from', 'to'],
  read: (r, s) => {
    const from = r.single('from');
    const to = r.single('to');
    if (from === undefined && to === undefined) return;
    const f = from !== undefined ? parseIsoDate(from) : undefined;
    const t = to !== undefined ? parseIsoDate(to) : undefined;
    if (!f?.ok || !t?.ok) {
      const bad = [
        f && !f.ok ? `from "${clipText(from!, 40)}"` : '',
        t && !t.ok ? `to "${clipText(to!, 40)}"` : '',
        !f || !t ? 'a window needs both from and to' : '',
      ]
        .filter(Boolean)
        .join('; ');
      r.notice(`Ignored the time window (${bad}); the view fits the data.`);
    } else if (
      !(f.value.start < t.value.start) ||
      !isDrawable(f.value.start) ||
      !isDrawable(t.value.start)
    ) {
      r.notice('Ignored the time window: "from" must be before "to" and within ±270,000 years.');
    } else {
      s.from = f.value.start;
      s.to = t.value.start;
    }
  },
  write: (s, p) => {
    if (s.from === undefined || s.to === undefined) return;
    // Always with the time: the window's ends are instants, and a date alone would read as a calendar day.
    p.set('from', formatLinkInstant(s.from));
    p.set('to', formatLinkInstant(s.to));
  },
};

/** A date-range filter bound (`since`, `until`): any ISO 8601 precision, kept as written. */
function dateFilterParam(key: 'since' | 'until'): ParamCodec {
  return {
    keys: [key],
    read: (r, s) => {
      const value = r.single(key);
      if (value === undefined) return;
      if (parseIsoDate(value).ok) s[key] = value;
      else
        r.notice(`Ignored the date filter ${key}="${clipText(value, 40)}": not an ISO 8601 date.`);
    },
    write: (s, p) => {
      const v = s[key];
      if (v) p.set(key, v);
    },
  };
}

/**
 * Every link parameter, in the order a link writes them. `v` is written last by serialiseViewState, and only when
 * the link says anything else.
 */
export const PARAMS: readonly ParamCodec[] = [
  textParam('data', MAX_DATA_LENGTH),
  {
    keys: ['fmt'],
    read: (r, s) => {
      const fmt = r.single('fmt');
      if (fmt === undefined) return;
      if ((READABLE_FORMATS as string[]).includes(fmt)) s.fmt = fmt as FormatId;
      else
        r.notice(
          `Ignored format "${clipText(fmt, 40)}" (expected one of ${READABLE_FORMATS.join(', ')}); the format is detected from the file.`,
        );
    },
    write: (s, p) => void (s.fmt !== undefined && p.set('fmt', s.fmt)),
  },
  {
    keys: ['map'],
    read: (r, s) => {
      const map = r.raw('map')?.trim();
      if (!map) return;
      const mapping = map.length <= MAX_MAP_LENGTH ? mappingFromParam(map) : undefined;
      if (mapping) s.map = mapping;
      else r.notice('Ignored the column mapping in the link: it could not be read.');
    },
    write: (s, p) => void (s.map !== undefined && p.set('map', mappingToParam(s.map))),
  },
  windowParam,
  textParam('q'),
  listParam('actor', 'actors'),
  listParam('xactor', 'xactors'),
  {
    keys: ['match'],
    read: (r, s) => {
      const match = r.single('match');
      if (match === undefined) return;
      if (match === 'any' || match === 'all') s.match = match as MatchMode;
      else r.notice(`Ignored match "${clipText(match, 40)}" (expected any or all).`);
    },
    write: (s, p) => void (s.match !== 'any' && p.set('match', s.match)),
  },
  enumListParam('etype', 'etypes', ENTITY_TYPES, 'entity type'),
  listParam('type', 'types'),
  listParam('tag', 'tags'),
  listParam('place', 'places'),
  enumListParam('prec', 'prec', PRECISIONS, 'precision'),
  dateFilterParam('since'),
  dateFilterParam('until'),
  {
    keys: ['bbox'],
    read: (r, s) => {
      const bbox = r.single('bbox');
      if (bbox === undefined) return;
      const b = parseBbox(bbox);
      if (b.ok) s.bbox = b.value;
      else r.notice(`Ignored the area filter bbox="${clipText(bbox, 60)}": ${b.error}.`);
    },
    write: (s, p) => void (s.bbox && p.set('bbox', formatBbox(s.bbox))),
  },
  ...measureParams,
  {
    keys: ['group'],
    read: (r, s) => {
      const group = r.single('group');
      if (group === undefined) return;
      if ((GROUP_BYS as readonly string[]).includes(group)) s.group = group as GroupBy;
      else
        r.notice(`Ignored grouping "${clipText(group, 40)}" (expected ${GROUP_BYS.join(', ')}).`);
    },
    write: (s, p) => void (s.group !== 'none' && p.set('group', s.group)),
  },
  {
    keys: ['starred'],
    read: (r, s) => {
      const v = r.single('starred');
      if (v === undefined) return;
      if (v === '1' || v === '0') s.starred = v === '1';
      else r.notice(`Ignored starred="${clipText(v, 40)}" (expected 1 or 0).`);
    },
    write: (s, p) => void (s.starred && p.set('starred', '1')),
  },
  listParam('atag', 'atags'),
  textParam('event'),
  flagParam('geo', 'the map'),
  flagParam('geowin', "the map's window switch"),
  {
    keys: ['list'],
    read: (r, s) => {
      const list = r.single('list');
      if (list === undefined) return;
      if ((LIST_SCOPES as readonly string[]).includes(list)) s.list = list as ListScope;
      else
        r.notice(
          `Ignored list "${clipText(list, 40)}" (expected ${LIST_SCOPES.join(' or ')}); the list holds all matches.`,
        );
    },
    write: (s, p) => void (s.list !== 'all' && p.set('list', s.list)),
  },
  {
    keys: ['page'],
    read: (r, s) => {
      const v = r.single('page');
      if (v === undefined) return;
      const n = /^[1-9][0-9]{0,6}$/.test(v) ? Number(v) : NaN;
      if (n > 1) s.page = n;
      else if (n !== 1)
        r.notice(
          `Ignored page="${clipText(v, 40)}" (expected a page number from 1 to ${MAX_LIST_PAGE.toLocaleString('en')}); the list opens at its first page.`,
        );
    },
    write: (s, p) => void (s.page !== undefined && s.page > 1 && p.set('page', String(s.page))),
  },
  {
    keys: ['tz'],
    read: (r, s) => {
      const tz = r.single('tz');
      if (tz === undefined) return;
      // Old names of renamed zones (Europe/Kiev) still read; the link is rewritten with the current name.
      const zone = canonicalZone(tz);
      if (zone !== undefined) s.tz = zone;
      else r.notice(`Ignored unknown time zone "${clipText(tz, 40)}"; dates read in UTC.`);
    },
    write: (s, p) => void (s.tz !== 'utc' && p.set('tz', s.tz)),
  },
];

const VERSION_KEY = 'v';
const KNOWN: ReadonlySet<string> = new Set([VERSION_KEY, ...PARAMS.flatMap((c) => c.keys)]);

function reader(params: URLSearchParams, notices: string[]): Reader {
  const notice = (text: string) => void notices.push(text);
  return {
    notice,
    raw: (key) => params.getAll(key).at(-1),
    single: (key, max = MAX_VALUE_LENGTH) => {
      const value = params.getAll(key).at(-1)?.trim();
      if (value === undefined || value === '') return undefined;
      if (value.length > max) {
        notice(`Ignored "${key}": longer than ${max.toLocaleString('en')} characters.`);
        return undefined;
      }
      return value;
    },
    list: (key) => {
      const out: string[] = [];
      for (const raw of params.getAll(key)) {
        const value = raw.trim();
        if (value === '' || out.includes(value)) continue;
        if (value.length > MAX_VALUE_LENGTH) {
          notice(`Ignored a "${key}" value longer than ${MAX_VALUE_LENGTH} characters.`);
          continue;
        }
        if (out.length >= MAX_VALUES) {
          notice(`Ignored "${key}" values past the first ${MAX_VALUES}.`);
          break;
        }
        out.push(value);
      }
      return out;
    },
  };
}

function readVersion(r: Reader): void {
  const v = r.single(VERSION_KEY);
  if (v === undefined) return;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    r.notice(`Ignored link version "${clipText(v, 40)}"; read as version ${VIEW_VERSION}.`);
  else if (n > VIEW_VERSION)
    r.notice(`This link was made by a newer Chronoscope (v${n}); parts of it may not apply.`);
}

/** Reads a query string into a view state. Never throws: bad values are dropped with a notice. */
export function parseViewState(search: string): ParsedView {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return {
      state: { ...DEFAULT_VIEW },
      notices: ['The address could not be read; the default view is shown.'],
    };
  }
  const state: ViewState = {
    ...DEFAULT_VIEW,
    actors: [],
    xactors: [],
    etypes: [],
    types: [],
    tags: [],
    places: [],
    prec: [],
    measures: [],
  };
  const unknown = new Set<string>();
  for (const key of params.keys()) if (!KNOWN.has(key)) unknown.add(key);
  if (unknown.size > 0)
    notices.push(
      `Ignored unknown link parameter${unknown.size > 1 ? 's' : ''}: ${[...unknown].map((k) => clipText(k, 20)).join(', ')}.`,
    );
  const r = reader(params, notices);
  readVersion(r);
  for (const codec of PARAMS) codec.read(r, state);
  return { state, notices };
}

/**
 * The view's filters alone as the link writes them: no window, lanes, list scope, selection or panels. What an
 * engine's answers that depend only on the filters are asked under (the matches, j/k, an export).
 */
export function filtersLink(view: ViewState): string {
  return serialiseViewState({
    ...view,
    event: undefined,
    from: undefined,
    to: undefined,
    group: 'none',
    list: 'all',
    geo: false,
    geowin: false,
  });
}

/** Writes a view state as a short, readable query string (defaults left out, no leading "?"). */
export function serialiseViewState(s: ViewState): string {
  const p = new URLSearchParams();
  for (const codec of PARAMS) codec.write(s, p);
  if ([...p.keys()].length > 0) p.set(VERSION_KEY, String(VIEW_VERSION));
  return p.toString();
}
