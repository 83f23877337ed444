import { LIMITS } from './limits';
import { isPrecision, parseIsoDate } from './dates';
import { isPlacePrecision, PLACE_PRECISIONS, type PlacePrecision } from './placePrecision';
import { ENTITY_TYPES } from './types';
import type {
  Dataset,
  Entity,
  EntityType,
  EventLocation,
  Period,
  Source,
  TimelineEvent,
  ValidationIssue,
} from './types';
import { clipText } from './clipText';
import { formatCount } from './formatCount';

/** The event fields of chronoscope/1; anything else is kept as an "other field". */
export const KNOWN_EVENT_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'title',
  'start',
  'end',
  'precision',
  'approximate',
  'type',
  'actors',
  'location',
  'description',
  'tags',
  'sources',
]);

/** Key used to resolve actors to entities: case-, width- and whitespace-insensitive. */
export function entityKey(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `"${clipText(v, 40)}"`;
  return `${typeof v} ${String(v)}`;
}

/** Nesting depth past which an unknown field is kept as its JSON text (structured clone and React recurse). */
const MAX_KEPT_DEPTH = 16;

function depthExceeds(v: unknown, limit: number): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (limit <= 0) return true;
  for (const child of Object.values(v)) if (depthExceeds(child, limit - 1)) return true;
  return false;
}

function keepable(v: unknown): unknown {
  if (!depthExceeds(v, MAX_KEPT_DEPTH)) return v;
  try {
    return JSON.stringify(v);
  } catch {
    return '(a value nested too deeply to keep)';
  }
}

/**
 * The fields of a record that chronoscope/1 does not name, copied into a prototype-less object so keys like
 * __proto__ stay plain data.
 */
function otherFields(raw: Record<string, unknown>): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(raw)) {
    if (KNOWN_EVENT_FIELDS.has(k)) continue;
    Object.defineProperty(out, k, { value: keepable(raw[k]), enumerable: true, writable: true });
  }
  return out;
}

/** The list without repeats, first occurrences in order (lists here are short: a scan beats building a Set). */
function distinct(list: string[]): string[] {
  if (list.length < 2) return list;
  if (list.length > 16) return [...new Set(list)];
  const out: string[] = [];
  for (const v of list) if (!out.includes(v)) out.push(v);
  return out;
}

class EntityResolver {
  readonly entities: Entity[] = [];
  private byId = new Map<string, Entity>();
  private byKey = new Map<string, Entity>();

  add(entity: Entity): boolean {
    if (this.byId.has(entity.id)) return false;
    this.entities.push(entity);
    this.byId.set(entity.id, entity);
    return true;
  }

  /** Builds the lookup after all declared entities are in: ids beat names, names beat aliases. */
  seal(): void {
    for (const e of this.entities) for (const a of e.aliases) this.setKey(a, e);
    for (const e of this.entities) this.setKey(e.name, e);
    for (const e of this.entities) this.setKey(e.id, e);
  }

  private setKey(s: string, e: Entity): void {
    this.byKey.set(entityKey(s), e);
  }

  /** The entity id for an actor reference, creating an `unknown` entity for a name that matches nothing. */
  resolve(ref: string): string {
    const exact = this.byId.get(ref);
    if (exact) return exact.id;
    const key = entityKey(ref);
    const found = this.byKey.get(key);
    if (found) return found.id;
    const name = ref.trim().replace(/\s+/g, ' ');
    let id = name;
    for (let n = 2; this.byId.has(id); n++) id = `${name} (${n})`;
    const created: Entity = { id, name, type: 'unknown', aliases: [] };
    this.add(created);
    this.setKey(name, created);
    return id;
  }
}

function normaliseEntities(raw: unknown, issues: ValidationIssue[]): EntityResolver {
  const resolver = new EntityResolver();
  if (raw === undefined) return resolver;
  if (!Array.isArray(raw)) {
    issues.push({
      severity: 'warning',
      position: 0,
      field: 'entities',
      message: 'entities is not a list; ignored',
    });
    return resolver;
  }
  raw.forEach((item, i) => {
    const position = i + 1;
    if (!isRecord(item)) {
      issues.push({
        severity: 'error',
        position,
        field: 'entities',
        message: `entity ${position} is ${describeValue(item)}, not an object`,
      });
      return;
    }
    const id = typeof item.id === 'number' ? String(item.id) : item.id;
    if (typeof id !== 'string' || id.trim() === '') {
      issues.push({
        severity: 'error',
        position,
        field: 'entities',
        message: `entity ${position} has no id`,
      });
      return;
    }
    const name =
      typeof item.name === 'string' && item.name.trim() !== '' ? item.name.trim() : undefined;
    if (!name) {
      issues.push({
        severity: 'error',
        position,
        id,
        field: 'entities',
        message: `entity "${id}" has no name`,
      });
      return;
    }
    // A plain check, not the zod schema: the page reads added events through this normaliser (joinLayer), and zod
    // would come into the page's bundle with it.
    const rawType: unknown = item.type ?? 'unknown';
    const knownType = (ENTITY_TYPES as readonly unknown[]).includes(rawType);
    if (!knownType) {
      issues.push({
        severity: 'warning',
        position,
        id,
        field: 'entities',
        message: `entity "${id}" has unknown type ${describeValue(item.type)}; shown as unknown`,
      });
    }
    const aliases = Array.isArray(item.aliases)
      ? item.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '')
      : [];
    const entity: Entity = {
      id,
      name,
      type: knownType ? (rawType as EntityType) : 'unknown',
      aliases,
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
    };
    if (!resolver.add(entity)) {
      issues.push({
        severity: 'error',
        position,
        id,
        field: 'entities',
        message: `duplicate entity id "${id}"; the first one is kept`,
      });
    }
  });
  resolver.seal();
  return resolver;
}

function stringList(value: unknown, field: string, ctx: Ctx): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!Array.isArray(value)) ctx.warn(field, `${field} should be a list; read as one value`);
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i];
    if (typeof v === 'string') {
      const t = v.trim();
      if (t !== '') out.push(t);
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      out.push(String(v));
      ctx.warn(field, `${field}[${i}] is a number (${v}); read as text`);
    } else {
      ctx.warn(field, `${field}[${i}] is ${describeValue(v)}, not text; ignored`);
    }
  }
  return out;
}

interface Ctx {
  warn(field: string, message: string): void;
}

function optionalText(value: unknown, field: string, ctx: Ctx): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    ctx.warn(field, `${field} is ${describeValue(value)}; read as text`);
    return String(value);
  }
  ctx.warn(field, `${field} is ${describeValue(value)}, not text; ignored`);
  return undefined;
}

const SOURCE_FIELDS = ['title', 'url', 'publisher', 'published', 'quote'] as const;

function normaliseSources(value: unknown, ctx: Ctx): Source[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    ctx.warn('sources', 'sources is not a list; ignored');
    return [];
  }
  const out: Source[] = [];
  for (let i = 0; i < value.length; i++) {
    const s: unknown = value[i];
    if (typeof s === 'string') {
      out.push(/^https?:\/\//i.test(s) ? { url: s } : { title: s });
      continue;
    }
    if (!isRecord(s)) {
      ctx.warn('sources', `sources[${i}] is ${describeValue(s)}; ignored`);
      continue;
    }
    const src: Source = {};
    for (const key of SOURCE_FIELDS) {
      const v = s[key];
      // Text, the usual case, without building the field's name for a warning that will not come.
      const t = typeof v === 'string' ? v : optionalText(v, `sources[${i}].${key}`, ctx);
      if (t !== undefined && t !== '') src[key] = t;
    }
    out.push(src);
  }
  return out;
}

type LocationResult = { ok: true; value?: EventLocation } | { ok: false; error: string };

function normaliseLocation(value: unknown, ctx: Ctx): LocationResult {
  if (value === undefined || value === null) return { ok: true };
  if (typeof value === 'string') return { ok: true, value: value === '' ? {} : { name: value } };
  if (!isRecord(value))
    return { ok: false, error: `location is ${describeValue(value)}, not an object` };
  // An empty place name says nothing (and no file format could tell it from a missing one).
  const name = optionalText(value.name, 'location.name', ctx) || undefined;
  const hasLat = value.lat !== undefined && value.lat !== null;
  const hasLon = value.lon !== undefined && value.lon !== null;
  if (hasLat !== hasLon)
    return {
      ok: false,
      error: hasLat ? 'location has lat without lon' : 'location has lon without lat',
    };
  if (!hasLat) return { ok: true, value: name !== undefined ? { name } : {} };
  let precision: PlacePrecision | undefined;
  if (value.precision !== undefined && value.precision !== null) {
    if (isPlacePrecision(value.precision)) precision = value.precision;
    else
      ctx.warn(
        'location.precision',
        `location.precision ${describeValue(value.precision)} is not one of ${PLACE_PRECISIONS.join(', ')}; the place is kept without it`,
      );
  }
  const lat = typeof value.lat === 'string' ? Number(value.lat) : value.lat;
  const lon = typeof value.lon === 'string' ? Number(value.lon) : value.lon;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90)
    return {
      ok: false,
      error: `location lat ${describeValue(value.lat)} is not a latitude (−90..90)`,
    };
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180)
    return {
      ok: false,
      error: `location lon ${describeValue(value.lon)} is not a longitude (−180..180)`,
    };
  return {
    ok: true,
    value: {
      ...(name !== undefined ? { name } : {}),
      lat,
      lon,
      ...(precision && precision !== 'exact' ? { precision } : {}),
    },
  };
}

export interface RawDocument {
  title?: unknown;
  description?: unknown;
  attribution?: unknown;
  entities?: unknown;
  events: unknown[];
  periods?: Period[];
  /** For tabular sources: the file row of the first record (2 below a header row), so reports speak in rows. */
  firstRow?: number;
  /** For tabular sources that skipped rows: the file row of each event (overrides firstRow). */
  rows?: number[];
  /** Records the source held, when the importer skipped some before they became events (every row of a file). */
  recordCount?: number;
}

/**
 * Where one record's issues go: made once per document and pointed at each record in turn, so that a valid
 * record allocates no reporting closures (a million of them were a measurable share of a load).
 */
class RecordIssues implements Ctx {
  position = 0;
  id: string | undefined;

  constructor(private readonly issues: ValidationIssue[]) {}

  /** Rejects the record: it is not loaded. Always returns undefined, for `return at.reject(...)`. */
  reject(message: string, field?: string): undefined {
    this.issues.push({
      severity: 'error',
      position: this.position,
      ...(this.id !== undefined ? { id: this.id } : {}),
      ...(field ? { field } : {}),
      message,
    });
    return undefined;
  }

  /** A problem with one field; the record is loaded. Only once the record's id is known. */
  warn(field: string, message: string): void {
    this.issues.push({
      severity: 'warning',
      position: this.position,
      id: this.id!,
      field,
      message,
    });
  }
}

/** One record as a timeline event, or undefined when it is rejected (the reason reported through `at`). */
function normaliseEvent(
  raw: unknown,
  at: RecordIssues,
  resolver: EntityResolver,
  seen: ReadonlySet<string>,
): TimelineEvent | undefined {
  if (!isRecord(raw)) return at.reject(`event is ${describeValue(raw)}, not an object`);

  const rawId = raw.id;
  const id = typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId) : rawId;
  if (typeof id !== 'string' || id.trim() === '')
    return at.reject(
      rawId === undefined ? 'missing id' : `id is ${describeValue(rawId)}, not text`,
      'id',
    );
  at.id = id;

  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (title === '')
    return at.reject(
      raw.title === undefined ? 'missing title' : `title is ${describeValue(raw.title)}, not text`,
      'title',
    );
  if (seen.has(id))
    return at.reject(`duplicate id "${id}"; the first event with this id is kept`, 'id');

  let precision = undefined;
  if (raw.precision !== undefined && raw.precision !== null) {
    if (isPrecision(raw.precision)) precision = raw.precision;
    else
      at.warn(
        'precision',
        `precision ${describeValue(raw.precision)} is not one of year…millisecond; the precision of start is used`,
      );
  }
  if (typeof raw.start !== 'string')
    return at.reject(
      raw.start === undefined
        ? 'missing start date'
        : `start is ${describeValue(raw.start)}, not an ISO 8601 text`,
      'start',
    );
  const hasEndText = raw.end !== undefined && raw.end !== null && raw.end !== '';
  let start = parseIsoDate(raw.start, precision);
  if (!start.ok) return at.reject(`unreadable start: ${start.error}`, 'start');
  // An event known only to a coarser precision whose record gives an interval (UCDP date_prec 5: "some time in
  // 2014", with date_start and date_end) is drawn across that interval, marked approximate; only without an
  // interval is it widened to its whole calendar period.
  let uncertainInterval = false;
  if (hasEndText && precision !== undefined) {
    const asWritten = parseIsoDate(raw.start);
    if (asWritten.ok && asWritten.value.precision !== start.value.precision) {
      start = asWritten;
      uncertainInterval = true;
    }
  }

  let end = start.value.end;
  let endText: string | undefined;
  if (hasEndText) {
    if (typeof raw.end !== 'string')
      return at.reject(`end is ${describeValue(raw.end)}, not an ISO 8601 text`, 'end');
    const e = parseIsoDate(raw.end);
    if (!e.ok) return at.reject(`unreadable end: ${e.error}`, 'end');
    if (e.value.end <= start.value.start || e.value.start < start.value.start)
      return at.reject(`end ${raw.end} is before start ${raw.start}`, 'end');
    end = Math.max(e.value.end, start.value.end);
    endText = raw.end;
  }

  const location = normaliseLocation(raw.location, at);
  if (!location.ok) return at.reject(location.error, 'location');

  let approximate = uncertainInterval;
  if (typeof raw.approximate === 'boolean') approximate ||= raw.approximate;
  else if (raw.approximate !== undefined && raw.approximate !== null)
    at.warn(
      'approximate',
      `approximate is ${describeValue(raw.approximate)}, not true/false; read as false`,
    );

  const actorRefs = stringList(raw.actors, 'actors', at);
  const actors = distinct(actorRefs.map((a) => resolver.resolve(a)));
  const other = otherFields(raw);
  const type = optionalText(raw.type, 'type', at)?.trim();
  const description = optionalText(raw.description, 'description', at);

  // Every event has one shape (absent fields are undefined, which JSON leaves out): objects of one shape are
  // faster to build, to read and to encode for the page.
  const located = location.value && Object.keys(location.value).length > 0;
  return {
    id,
    title,
    start: start.value.start,
    end,
    startText: raw.start,
    endText,
    precision: start.value.precision,
    approximate,
    hasEnd: endText !== undefined,
    offsetMinutes: start.value.offsetMinutes,
    type: type || undefined,
    actors,
    location: located ? location.value : undefined,
    description: description || undefined,
    tags: distinct(stringList(raw.tags, 'tags', at)),
    sources: normaliseSources(raw.sources, at),
    other,
  };
}

/** The position a record is reported at: its file row when the source says, else its number from firstRow (or 1). */
export function recordPosition(doc: Omit<RawDocument, 'events'>, i: number): number {
  return doc.rows?.[i] ?? i + (doc.firstRow ?? 1);
}

/** A document's fields other than its events: what a streamed reader knows before (or after) the events. */
export type DocumentHeader = Omit<RawDocument, 'events' | 'rows' | 'recordCount'>;

/**
 * Normalises a chronoscope/1 document one record at a time: the entities first (from the header), then each event
 * as it arrives, then the dataset. normaliseDocument is this over a whole document; a streamed reader (the
 * server's ingest) feeds the same records without ever holding the whole document.
 */
export class DocumentNormaliser {
  readonly issues: ValidationIssue[] = [];
  readonly events: TimelineEvent[] = [];
  /** Records offered so far, loaded or not. */
  records = 0;
  private readonly resolver: EntityResolver;
  private readonly seen = new Set<string>();
  private readonly at: RecordIssues;
  private overLimit = 0;
  /** How many issues the entities made: the event limit's issue goes after them, before the events' own. */
  private readonly entityIssues: number;

  constructor(
    private readonly header: DocumentHeader,
    private readonly format = 'chronoscope/1',
    private readonly maxEvents: number = LIMITS.maxEvents,
  ) {
    this.resolver = normaliseEntities(header.entities, this.issues);
    this.entityIssues = this.issues.length;
    this.at = new RecordIssues(this.issues);
  }

  /** Records past the event limit, counted without being read. */
  skip(count: number): void {
    this.records += count;
    this.overLimit += count;
  }

  /**
   * One record at its position (the report's record number or file row). Returns the event when it is loaded.
   * Records past the event limit are counted, not read.
   */
  add(raw: unknown, position: number): TimelineEvent | undefined {
    if (this.records >= this.maxEvents) {
      this.skip(1);
      return undefined;
    }
    this.records++;
    const at = this.at;
    at.position = position;
    at.id = undefined;
    const event = normaliseEvent(raw, at, this.resolver, this.seen);
    if (event) {
      this.seen.add(event.id);
      this.events.push(event);
    }
    return event;
  }

  /** The dataset; `recordCount` when the source held records that never became events (every row of a file). */
  finish(recordCount = 0): Dataset {
    const doc = this.header;
    const issues = this.issues;
    if (this.overLimit > 0) {
      issues.splice(this.entityIssues, 0, {
        severity: 'error',
        position: this.maxEvents + 1,
        records: this.overLimit,
        message: `only the first ${formatCount(this.maxEvents)} events are loaded; ${formatCount(this.overLimit)} more were not`,
      });
    }
    const title =
      typeof doc.title === 'string' && doc.title.trim() !== ''
        ? doc.title.trim()
        : 'Untitled dataset';
    return {
      title,
      ...(typeof doc.description === 'string' ? { description: doc.description } : {}),
      ...(typeof doc.attribution === 'string' ? { attribution: doc.attribution } : {}),
      entities: this.resolver.entities,
      events: this.events,
      issues,
      recordCount: Math.max(recordCount, this.records),
      ...(doc.firstRow !== undefined ? { recordUnit: 'row' as const } : {}),
      periods: doc.periods ?? [],
      format: this.format,
    };
  }
}

/**
 * Normalises a parsed chronoscope/1 document: every valid event is kept, every rejected one is reported with its
 * position, id and reason, and duplicate ids keep the first. Never throws on any input shape.
 */
export function normaliseDocument(doc: RawDocument, format = 'chronoscope/1'): Dataset {
  const normaliser = new DocumentNormaliser(doc, format);
  const raw = doc.events;
  const n = Math.min(raw.length, LIMITS.maxEvents);
  for (let i = 0; i < n; i++) normaliser.add(raw[i], recordPosition(doc, i));
  normaliser.skip(raw.length - n);
  return normaliser.finish(doc.recordCount ?? 0);
}
