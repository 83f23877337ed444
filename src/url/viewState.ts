import { isDrawable, parseIsoDate, toIsoInstant } from '../domain/dates';
import { EMPTY_FILTERS, type Filters, type MatchMode } from '../domain/filters';
import { isValidTimeZone } from '../domain/formatDate';
import { GROUP_BYS, type GroupBy } from '../domain/lanes';
import { ENTITY_TYPES, PRECISIONS, type EntityType, type Precision } from '../domain/types';
import { clipText } from '../domain/clipText';
import { mappingFromParam, mappingToParam, type CsvMapping } from '../domain/csvMapping';
import { READABLE_FORMATS, type FormatId } from '../domain/formats';

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
}

export const DEFAULT_VIEW: ViewState = { ...EMPTY_FILTERS, group: 'none', tz: 'utc' };

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
  return { ...s, ...EMPTY_FILTERS, since: undefined, until: undefined };
}

export interface ParsedView {
  state: ViewState;
  /** What was ignored, in words for the analyst. */
  notices: string[];
}

const MAX_VALUES = 200;
const MAX_VALUE_LENGTH = 500;
/** A column mapping names up to ~30 columns; its JSON gets more room than other values. */
const MAX_MAP_LENGTH = 4000;
const KNOWN = new Set([
  'v',
  'data',
  'fmt',
  'map',
  'from',
  'to',
  'q',
  'actor',
  'xactor',
  'match',
  'etype',
  'type',
  'tag',
  'place',
  'prec',
  'since',
  'until',
  'group',
  'event',
  'tz',
]);

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
  };

  const unknown = new Set<string>();
  for (const key of params.keys()) if (!KNOWN.has(key)) unknown.add(key);
  if (unknown.size > 0)
    notices.push(
      `Ignored unknown link parameter${unknown.size > 1 ? 's' : ''}: ${[...unknown].map((k) => clipText(k, 20)).join(', ')}.`,
    );

  const v = params.get('v');
  if (v !== null) {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      notices.push(`Ignored link version "${clipText(v, 40)}"; read as version ${VIEW_VERSION}.`);
    else if (n > VIEW_VERSION)
      notices.push(`This link was made by a newer Chronoscope (v${n}); parts of it may not apply.`);
  }

  const single = (key: string): string | undefined => {
    const all = params.getAll(key);
    const value = all[all.length - 1]?.trim();
    if (value === undefined || value === '') return undefined;
    if (value.length > MAX_VALUE_LENGTH) {
      notices.push(`Ignored "${key}": longer than ${MAX_VALUE_LENGTH} characters.`);
      return undefined;
    }
    return value;
  };
  const list = (key: string): string[] => {
    const out: string[] = [];
    for (const raw of params.getAll(key)) {
      const value = raw.trim();
      if (value === '' || out.includes(value)) continue;
      if (value.length > MAX_VALUE_LENGTH) {
        notices.push(`Ignored a "${key}" value longer than ${MAX_VALUE_LENGTH} characters.`);
        continue;
      }
      if (out.length >= MAX_VALUES) {
        notices.push(`Ignored "${key}" values past the first ${MAX_VALUES}.`);
        break;
      }
      out.push(value);
    }
    return out;
  };
  const enumList = <T extends string>(key: string, allowed: readonly T[], what: string): T[] =>
    list(key).filter((value): value is T => {
      if ((allowed as readonly string[]).includes(value)) return true;
      notices.push(
        `Ignored ${what} "${clipText(value, 40)}" (expected one of ${allowed.join(', ')}).`,
      );
      return false;
    });

  const data = single('data');
  if (data !== undefined) state.data = data;
  const fmt = single('fmt');
  if (fmt !== undefined) {
    if ((READABLE_FORMATS as string[]).includes(fmt)) state.fmt = fmt as FormatId;
    else
      notices.push(
        `Ignored format "${clipText(fmt, 40)}" (expected one of ${READABLE_FORMATS.join(', ')}); the format is detected from the file.`,
      );
  }
  const mapAll = params.getAll('map');
  const map = mapAll[mapAll.length - 1]?.trim();
  if (map) {
    const mapping = map.length <= MAX_MAP_LENGTH ? mappingFromParam(map) : undefined;
    if (mapping) state.map = mapping;
    else notices.push('Ignored the column mapping in the link: it could not be read.');
  }

  const from = single('from');
  const to = single('to');
  if (from !== undefined || to !== undefined) {
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
      notices.push(`Ignored the time window (${bad}); the view fits the data.`);
    } else if (
      !(f.value.start < t.value.start) ||
      !isDrawable(f.value.start) ||
      !isDrawable(t.value.start)
    ) {
      notices.push(
        'Ignored the time window: "from" must be before "to" and within ±270,000 years.',
      );
    } else {
      state.from = f.value.start;
      state.to = t.value.start;
    }
  }

  const q = single('q');
  if (q !== undefined) state.q = q;
  state.actors = list('actor');
  state.xactors = list('xactor');
  const match = single('match');
  if (match !== undefined) {
    if (match === 'any' || match === 'all') state.match = match as MatchMode;
    else notices.push(`Ignored match "${clipText(match, 40)}" (expected any or all).`);
  }
  state.etypes = enumList<EntityType>('etype', ENTITY_TYPES, 'entity type');
  state.types = list('type');
  state.tags = list('tag');
  state.places = list('place');
  state.prec = enumList<Precision>('prec', PRECISIONS, 'precision');
  for (const key of ['since', 'until'] as const) {
    const value = single(key);
    if (value === undefined) continue;
    if (parseIsoDate(value).ok) state[key] = value;
    else
      notices.push(
        `Ignored the date filter ${key}="${clipText(value, 40)}": not an ISO 8601 date.`,
      );
  }
  const group = single('group');
  if (group !== undefined) {
    if ((GROUP_BYS as readonly string[]).includes(group)) state.group = group as GroupBy;
    else
      notices.push(`Ignored grouping "${clipText(group, 40)}" (expected ${GROUP_BYS.join(', ')}).`);
  }
  const event = single('event');
  if (event !== undefined) state.event = event;
  const tz = single('tz');
  if (tz !== undefined) {
    if (isValidTimeZone(tz)) state.tz = tz;
    else notices.push(`Ignored unknown time zone "${clipText(tz, 40)}"; dates read in UTC.`);
  }
  return { state, notices };
}

/** Writes a view state as a short, readable query string (defaults left out, no leading "?"). */
export function serialiseViewState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.data !== undefined) p.set('data', s.data);
  if (s.fmt !== undefined) p.set('fmt', s.fmt);
  if (s.map !== undefined) p.set('map', mappingToParam(s.map));
  if (s.from !== undefined && s.to !== undefined) {
    p.set('from', toIsoInstant(s.from));
    p.set('to', toIsoInstant(s.to));
  }
  if (s.q.trim() !== '') p.set('q', s.q);
  for (const a of s.actors) p.append('actor', a);
  for (const a of s.xactors) p.append('xactor', a);
  if (s.match !== 'any') p.set('match', s.match);
  for (const t of s.etypes) p.append('etype', t);
  for (const t of s.types) p.append('type', t);
  for (const t of s.tags) p.append('tag', t);
  for (const t of s.places) p.append('place', t);
  for (const t of s.prec) p.append('prec', t);
  if (s.since) p.set('since', s.since);
  if (s.until) p.set('until', s.until);
  if (s.group !== 'none') p.set('group', s.group);
  if (s.event !== undefined) p.set('event', s.event);
  if (s.tz !== 'utc') p.set('tz', s.tz);
  if ([...p.keys()].length > 0) p.set('v', String(VIEW_VERSION));
  return p.toString();
}
