import type { Bitset } from './bitset';
import type { TimelineEvent } from './types';

/**
 * A numeric field of the dataset that can be summed (UCDP `best`, ACLED `fatalities`, a numeric CSV column): one
 * typed column by index position, NaN where an event has no value.
 */
export interface Measure {
  /** The name links use (`sum=best`, `measure=best:100:`): the field's name without an importer's prefix. */
  name: string;
  /** The event field it reads (`ucdp_best`, as kept in the event's other fields and written by exports). */
  field: string;
  /** What its sum counts, in words ("deaths", "fatalities"); the name itself for other fields. */
  unit: string;
  values: Float64Array;
  /** How many events have a value. */
  present: number;
}

/** A range filter on a measure: events whose value lies in [min, max] (either open) pass; those without one fail. */
export interface MeasureRange {
  name: string;
  min?: number;
  max?: number;
}

/** The measures importers name, by field name without the importer's prefix, with what their sum counts. */
const NAMED_UNITS: Readonly<Record<string, string>> = {
  best: 'deaths',
  high: 'deaths (high estimate)',
  low: 'deaths (low estimate)',
  deaths_a: 'deaths on side A',
  deaths_b: 'deaths on side B',
  deaths_civilians: 'civilian deaths',
  deaths_unknown: 'deaths (side unknown)',
  fatalities: 'fatalities',
  NumMentions: 'mentions',
  NumSources: 'sources',
  NumArticles: 'articles',
  GoldsteinScale: 'Goldstein scale',
};

/** Importers keep a source's fields under their own prefix; only the named ones of those are measures. */
const IMPORTER_PREFIX = /^(ucdp|acled)_/;

/** Numbers that are codes, not amounts: identifiers, years, precision codes, coordinates, timestamps. */
const NOT_AN_AMOUNT =
  /(^|[_\s-])(id|ids|code|codes|year|years|prec|precision|lat|lon|lng|latitude|longitude|timestamp|iso|zip|relid)($|[_\s-])|^(id|year)$/i;

/** At most this many fields are examined, and this many measures kept (each costs 8 bytes per event). */
const MAX_FIELDS = 200;
export const MAX_MEASURES = 16;
/** A field is a measure when at least this share of the events that have it hold a finite number. */
const NUMERIC_SHARE = 0.98;

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A field value as a number, or NaN when it is not one (numbers written as text count). */
export function measureValue(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!NUMBER_TEXT.test(t)) return Number.NaN;
    const n = Number(t);
    return Number.isFinite(n) ? n : Number.NaN;
  }
  return Number.NaN;
}

/** The name and unit of a field when it may be a measure, or undefined when it never is. */
function candidate(field: string): { name: string; unit: string; named: boolean } | undefined {
  const bare = field.replace(IMPORTER_PREFIX, '');
  const unit = NAMED_UNITS[bare];
  if (unit !== undefined) return { name: bare, unit, named: true };
  if (bare !== field || NOT_AN_AMOUNT.test(field) || field.trim() === '') return undefined;
  return { name: field, unit: field, named: false };
}

/**
 * The measures of a dataset, from its events in index order: the fields importers name (UCDP deaths, ACLED
 * fatalities, GDELT-style counts) and any other field whose values are (almost) all finite numbers. Named ones
 * first, then in the order fields first appear; at most MAX_MEASURES.
 */
export function detectMeasures(events: readonly TimelineEvent[]): Measure[] {
  const stats = new Map<
    string,
    { name: string; unit: string; named: boolean; present: number; numeric: number; order: number }
  >();
  const skipped = new Set<string>();
  for (const e of events) {
    const other = e.other;
    // Other fields are null-prototype objects (normalise.ts): their keys are all their own.
    const fields = Object.keys(other);
    for (let k = 0; k < fields.length; k++) {
      const field = fields[k]!;
      let s = stats.get(field);
      if (!s) {
        if (skipped.has(field)) continue;
        const c = stats.size < MAX_FIELDS ? candidate(field) : undefined;
        if (!c) {
          if (skipped.size < 10_000) skipped.add(field);
          continue;
        }
        s = { ...c, present: 0, numeric: 0, order: stats.size };
        stats.set(field, s);
      }
      const v = other[field];
      if (v === undefined || v === null || v === '') continue;
      s.present++;
      if (!Number.isNaN(measureValue(v))) s.numeric++;
    }
  }
  const names = new Set<string>();
  const chosen = [...stats.entries()]
    .filter(([, s]) => s.numeric > 0 && s.numeric >= s.present * NUMERIC_SHARE)
    .sort(([, a], [, b]) => Number(b.named) - Number(a.named) || a.order - b.order)
    .filter(([, s]) => !names.has(s.name) && names.add(s.name))
    .slice(0, MAX_MEASURES);
  return chosen.map(([field, s]) => {
    const values = new Float64Array(events.length);
    let present = 0;
    for (let i = 0; i < events.length; i++) {
      const v = measureValue(events[i]!.other[field]);
      values[i] = v;
      if (!Number.isNaN(v)) present++;
    }
    return { name: s.name, field, unit: s.unit, values, present };
  });
}

/** The measure of this name, if the dataset has it. */
export function measureByName(
  measures: readonly Measure[],
  name: string | undefined,
): Measure | undefined {
  return name === undefined ? undefined : measures.find((m) => m.name === name);
}

const prefixCache = new WeakMap<Float64Array, Float64Array>();

/**
 * Running sums of a column in index order (missing values add nothing): the sum over positions [a, b) is
 * `p[b] - p[a]`. Computed once per column.
 */
export function prefixSums(values: Float64Array): Float64Array {
  let p = prefixCache.get(values);
  if (!p) {
    p = new Float64Array(values.length + 1);
    let s = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v === v) s += v;
      p[i + 1] = s;
    }
    prefixCache.set(values, p);
  }
  return p;
}

/** The sum of a column over the matches (missing values add nothing). */
export function sumOver(values: Float64Array, matches: Bitset): number {
  let s = 0;
  matches.forEach((i) => {
    const v = values[i]!;
    if (v === v) s += v;
  });
  return s;
}

/** A range as links write it: `name:min:max`, either bound left empty when open. */
export function formatMeasureRange(r: MeasureRange): string {
  return `${r.name}:${r.min ?? ''}:${r.max ?? ''}`;
}

/** Reads `name:min:max` (the name may itself hold colons); an error in words when it is not one. */
export function parseMeasureRange(
  text: string,
): { ok: true; value: MeasureRange } | { ok: false; error: string } {
  const m = /^(.*):([^:]*):([^:]*)$/s.exec(text);
  if (!m) return { ok: false, error: 'expected name:min:max, either bound empty' };
  const name = m[1]!.trim();
  if (name === '') return { ok: false, error: 'no measure named' };
  const bound = (s: string): number | undefined | null => {
    const t = s.trim();
    if (t === '') return undefined;
    const n = NUMBER_TEXT.test(t) ? Number(t) : Number.NaN;
    // -0 reads as 0: the same range, written the same way.
    return Number.isFinite(n) ? n || 0 : null;
  };
  const min = bound(m[2]!);
  const max = bound(m[3]!);
  if (min === null || max === null) return { ok: false, error: 'a bound is not a number' };
  if (min === undefined && max === undefined) return { ok: false, error: 'no bound given' };
  if (min !== undefined && max !== undefined && min > max)
    return { ok: false, error: 'the minimum is above the maximum' };
  return {
    ok: true,
    value: { name, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) },
  };
}

/** A number of a measure for people: whole numbers grouped, others to at most two decimals. */
export function formatMeasure(v: number): string {
  return v.toLocaleString('en', { maximumFractionDigits: Number.isInteger(v) ? 0 : 2 });
}

/** A sum of a measure in words: "1,234 deaths", "12.5 Casualties". */
export function measureAmount(m: Pick<Measure, 'unit'>, v: number): string {
  return `${formatMeasure(v)} ${m.unit}`;
}

/** A range in words: "fatalities ≥ 10", "best 5–20", "low ≤ 3". */
export function describeMeasureRange(r: MeasureRange): string {
  if (r.min !== undefined && r.max !== undefined)
    return `${r.name} ${formatMeasure(r.min)}–${formatMeasure(r.max)}`;
  if (r.min !== undefined) return `${r.name} ≥ ${formatMeasure(r.min)}`;
  return `${r.name} ≤ ${formatMeasure(r.max!)}`;
}
