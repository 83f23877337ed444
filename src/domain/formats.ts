/** Every format Chronoscope recognises, by id, with the name the analyst sees. */
export const FORMATS = {
  chronoscope: 'Chronoscope JSON',
  'chronoscope-jsonl': 'Chronoscope JSON Lines',
  'chronoscope-csv': 'Chronoscope CSV',
  ucdp: 'UCDP GED CSV',
  timelinejs: 'TimelineJS JSON',
  'timesketch-csv': 'Timesketch CSV',
  'timesketch-jsonl': 'Timesketch JSONL',
  acled: 'ACLED CSV',
  gdelt: 'GDELT 2.0 events',
  csv: 'CSV/TSV (generic)',
  xlsx: 'Excel workbook (.xlsx)',
  unknown: 'unknown',
} as const;
export type FormatId = keyof typeof FORMATS;

/**
 * The formats an analyst can choose to read a text file as ("unknown" is only ever detected; a workbook is a zip,
 * never text, so it is read by its content alone).
 */
export const READABLE_FORMATS = (Object.keys(FORMATS) as FormatId[]).filter(
  (f) => f !== 'unknown' && f !== 'xlsx',
);
