import { parseIsoDate } from './dates';
import { formatInstant } from './formatDate';
import { readLooseDate, type DateOrder } from './looseDate';
import type { Precision } from './types';
import { safeHref } from './safeUrl';

/**
 * An event the analyst added (found elsewhere), as the layer keeps it: the fields of a chronoscope/1 event, dates
 * as ISO 8601 text of the precision written. Joined to the dataset when it is read (see joinLayer), read by the
 * same normaliser as a dataset's events; the dataset itself is never changed.
 */
export interface AddedEvent {
  id: string;
  title: string;
  start: string;
  end?: string;
  type?: string;
  /** Entity ids of the dataset, or names of actors it does not know. */
  actors: string[];
  description?: string;
  location?: { name?: string; lat?: number; lon?: number };
  sources: { url?: string; title?: string; quote?: string }[];
}

/**
 * Added events' ids start with this: a dataset id may be any text, so the join also refuses an added event whose
 * id a dataset event already holds (and reports it) rather than trusting the prefix alone.
 */
export const ADDED_PREFIX = 'added~';
export const MAX_ADDED_EVENTS = 100_000;
export const MAX_TITLE = 1000;
export const MAX_TEXT = 20_000;
export const MAX_SOURCES = 50;
export const MAX_ACTORS = 200;

/** True for the id of an event the analyst added. */
export function isAddedId(id: string): boolean {
  return id.startsWith(ADDED_PREFIX);
}

/** A new added event's id from random text (the caller's crypto.randomUUID: domain code takes no randomness). */
export function newAddedId(random: string): string {
  return `${ADDED_PREFIX}${random}`;
}

/** The form as typed: every field a string, so that nothing typed is lost while it is invalid. */
export interface AddedEventDraft {
  title: string;
  date: string;
  end: string;
  type: string;
  actors: string[];
  description: string;
  place: string;
  lat: string;
  lon: string;
  sources: { url: string; title: string; quote: string }[];
}

export const EMPTY_DRAFT: AddedEventDraft = {
  title: '',
  date: '',
  end: '',
  type: '',
  actors: [],
  description: '',
  place: '',
  lat: '',
  lon: '',
  sources: [],
};

/** The form filled from a kept event, to edit it. */
export function draftOf(e: AddedEvent): AddedEventDraft {
  return {
    title: e.title,
    date: e.start,
    end: e.end ?? '',
    type: e.type ?? '',
    actors: [...e.actors],
    description: e.description ?? '',
    place: e.location?.name ?? '',
    lat: e.location?.lat !== undefined ? String(e.location.lat) : '',
    lon: e.location?.lon !== undefined ? String(e.location.lon) : '',
    sources: e.sources.map((s) => ({
      url: s.url ?? '',
      title: s.title ?? '',
      quote: s.quote ?? '',
    })),
  };
}

export type DateReading =
  { ok: true; iso: string; words: string; precision: Precision } | { ok: false; error: string };

/**
 * A typed date as the importers read it (ISO 8601 of any precision, 21/12/2023, "Dec 2023", …), with how it reads
 * in words, for the form's live preview.
 */
export function readDraftDate(text: string, order: DateOrder = 'dmy'): DateReading {
  const r = readLooseDate(text, order);
  if (!r.ok) return r;
  const p = parseIsoDate(r.start);
  if (!p.ok) return { ok: false, error: p.error };
  return {
    ok: true,
    iso: r.start,
    precision: r.precision,
    words: formatInstant(p.value.start, r.precision, 'utc', p.value.offsetMinutes),
  };
}

/** Why a source URL is refused, or undefined when it is fine (empty, or http(s) without credentials). */
export function sourceUrlProblem(url: string): string | undefined {
  const t = url.trim();
  if (t === '') return undefined;
  if (!/^https?:\/\//i.test(t)) return 'Only http:// and https:// links are kept.';
  if (safeHref(t) === undefined)
    return 'This link is not a valid address, or carries a user name or password.';
  return undefined;
}

export type DraftField = 'title' | 'date' | 'end' | 'coordinates' | `source-${number}`;
export type DraftCheck =
  { ok: true; event: AddedEvent } | { ok: false; errors: Partial<Record<DraftField, string>> };

const clip = (s: string, n: number) => s.trim().slice(0, n);

/** Checks the form and builds the event it describes, or says what is wrong, field by field. */
export function checkDraft(d: AddedEventDraft, id: string, order: DateOrder = 'dmy'): DraftCheck {
  const errors: Partial<Record<DraftField, string>> = {};
  const title = clip(d.title, MAX_TITLE);
  if (!title) errors.title = 'A title is needed.';
  const start = readDraftDate(d.date, order);
  if (!start.ok) errors.date = `The date could not be read: ${start.error}.`;
  let end: DateReading | undefined;
  if (d.end.trim() !== '') {
    end = readDraftDate(d.end, order);
    if (!end.ok) errors.end = `The end could not be read: ${end.error}.`;
    else if (start.ok) {
      const s = parseIsoDate(start.iso);
      const e = parseIsoDate(end.iso);
      if (s.ok && e.ok && (e.value.end <= s.value.start || e.value.start < s.value.start))
        errors.end = 'The end is before the start.';
    }
  }
  const latText = d.lat.trim();
  const lonText = d.lon.trim();
  let lat: number | undefined;
  let lon: number | undefined;
  if (latText !== '' || lonText !== '') {
    lat = Number(latText);
    lon = Number(lonText);
    if (latText === '' || lonText === '')
      errors.coordinates = 'Give both a latitude and a longitude, or neither.';
    else if (!Number.isFinite(lat) || lat < -90 || lat > 90)
      errors.coordinates = 'The latitude is a number from −90 to 90.';
    else if (!Number.isFinite(lon) || lon < -180 || lon > 180)
      errors.coordinates = 'The longitude is a number from −180 to 180.';
  }
  const sources = d.sources
    .slice(0, MAX_SOURCES)
    .map((s) => ({
      url: s.url.trim(),
      title: clip(s.title, MAX_TITLE),
      quote: clip(s.quote, MAX_TEXT),
    }))
    .filter((s) => s.url || s.title || s.quote);
  sources.forEach((s, i) => {
    const problem = sourceUrlProblem(s.url);
    if (problem) errors[`source-${i}`] = problem;
  });
  if (Object.keys(errors).length > 0 || !start.ok) return { ok: false, errors };
  const place = clip(d.place, MAX_TITLE);
  const type = clip(d.type, MAX_TITLE);
  const description = clip(d.description, MAX_TEXT);
  const actors = [
    ...new Set(d.actors.map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean)),
  ].slice(0, MAX_ACTORS);
  const location =
    place || lat !== undefined
      ? {
          ...(place ? { name: place } : {}),
          ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
        }
      : undefined;
  return {
    ok: true,
    event: {
      id,
      title,
      start: start.iso,
      ...(end?.ok ? { end: end.iso } : {}),
      ...(type ? { type } : {}),
      actors,
      ...(description ? { description } : {}),
      ...(location ? { location } : {}),
      sources: sources.map((s) => ({
        ...(s.url ? { url: s.url } : {}),
        ...(s.title ? { title: s.title } : {}),
        ...(s.quote ? { quote: s.quote } : {}),
      })),
    },
  };
}

/**
 * Reads added events from untrusted JSON (storage or a layer file): each must check as the form checks it (title,
 * readable dates, coordinates, http(s) sources) under an id of the added namespace; the rest is dropped and counted.
 */
export function readAddedEvents(value: unknown): {
  added: Record<string, AddedEvent>;
  dropped: number;
} {
  const added: Record<string, AddedEvent> = {};
  let dropped = 0;
  if (value === undefined) return { added, dropped };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { added, dropped: 1 };
  let kept = 0;
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    if (
      kept >= MAX_ADDED_EVENTS ||
      !isAddedId(id) ||
      id.length > 200 ||
      typeof raw !== 'object' ||
      raw === null ||
      Array.isArray(raw)
    ) {
      dropped++;
      continue;
    }
    const r = raw as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const loc = (typeof r.location === 'object' && r.location !== null ? r.location : {}) as Record<
      string,
      unknown
    >;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
    const checked = checkDraft(
      {
        title: text(r.title),
        // Kept dates are ISO 8601, which reads the same in every order.
        date: text(r.start),
        end: text(r.end),
        type: text(r.type),
        actors: Array.isArray(r.actors)
          ? r.actors.filter((a): a is string => typeof a === 'string')
          : [],
        description: text(r.description),
        place: text(loc.name),
        lat: num(loc.lat),
        lon: num(loc.lon),
        sources: Array.isArray(r.sources)
          ? r.sources
              .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
              .map((s) => ({ url: text(s.url), title: text(s.title), quote: text(s.quote) }))
          : [],
      },
      id,
      'ymd',
    );
    if (!checked.ok) {
      dropped++;
      continue;
    }
    Object.defineProperty(added, id, { value: checked.event, enumerable: true, writable: true });
    kept++;
  }
  return { added, dropped };
}

/** Added events alike in every field (an import of the same event is no conflict). */
export function sameAddedEvent(a: AddedEvent, b: AddedEvent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
