import type { PlacePrecision } from './placePrecision';
/** Date precision, coarsest first. */
export const PRECISIONS = [
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'millisecond',
] as const;
export type Precision = (typeof PRECISIONS)[number];

export const ENTITY_TYPES = ['person', 'organization', 'place', 'group', 'unknown'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description?: string;
}

export interface Source {
  title?: string;
  url?: string;
  publisher?: string;
  published?: string;
  quote?: string;
}

export interface EventLocation {
  name?: string;
  lat?: number;
  lon?: number;
  /** How precisely the coordinates place the event (absent: as precise as written). */
  precision?: PlacePrecision;
}

/** A normalised event: its time is the half-open interval [start, end) in epoch milliseconds. */
export interface TimelineEvent {
  id: string;
  title: string;
  start: number;
  end: number;
  /** The dates as the dataset wrote them, for honest display. */
  startText: string;
  endText?: string;
  precision: Precision;
  approximate: boolean;
  /** True when the dataset gave an explicit `end`. */
  hasEnd: boolean;
  /** UTC offset written with the start date, in minutes; undefined when none was written (UTC). */
  offsetMinutes?: number;
  type?: string;
  /** Entity ids. */
  actors: string[];
  location?: EventLocation;
  description?: string;
  tags: string[];
  sources: Source[];
  /** Fields this format does not know, kept verbatim. */
  other: Record<string, unknown>;
}

export type IssueSeverity = 'error' | 'warning';

/** One line of a validation report: which record, and what was wrong with it. */
export interface ValidationIssue {
  severity: IssueSeverity;
  /** 1-based position of the record in its source (event index, or row number for tabular files). */
  position: number;
  id?: string;
  field?: string;
  message: string;
  /** How many records this issue stands for when more than one (the events past the limit are one issue). */
  records?: number;
}

export interface Dataset {
  title: string;
  description?: string;
  /** Attribution, licence or origin notes from the dataset. */
  attribution?: string;
  entities: Entity[];
  events: TimelineEvent[];
  /** Rejected records (severity error) and repaired fields (warning). */
  issues: ValidationIssue[];
  /** How many records the source held, valid or not. */
  recordCount: number;
  /** 'row' when issue positions are file rows (tabular sources); otherwise they count records from 1. */
  recordUnit?: 'row';
  /** Labelled background periods (e.g. TimelineJS eras). */
  periods: Period[];
  format: string;
}

export interface Period {
  id: string;
  label: string;
  start: number;
  end: number;
}
