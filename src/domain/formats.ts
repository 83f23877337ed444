/** Every format Chronoscope recognises, by id, with the name the analyst sees. */
export const FORMATS = {
  chronoscope: 'Chronoscope JSON',
  'chronoscope-csv': 'Chronoscope CSV',
  ucdp: 'UCDP GED CSV',
  timelinejs: 'TimelineJS JSON',
  'timesketch-csv': 'Timesketch CSV',
  'timesketch-jsonl': 'Timesketch JSONL',
  acled: 'ACLED CSV',
  csv: 'CSV/TSV (generic)',
  unknown: 'unknown',
} as const;
export type FormatId = keyof typeof FORMATS;

/** The formats an analyst can choose to read a file as ("unknown" is only ever detected). */
export const READABLE_FORMATS = (Object.keys(FORMATS) as FormatId[]).filter((f) => f !== 'unknown');
