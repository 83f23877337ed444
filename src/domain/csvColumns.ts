/** The columns of the CSV export, in order; the importer recognises a file by this header. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'start',
  'end',
  'precision',
  'approximate',
  'type',
  'actors',
  'location',
  'lat',
  'lon',
  'tags',
  'description',
  'source_urls',
  'source_titles',
  'place_precision',
] as const;

/**
 * The columns a file must start with to be read as an export: the first export's fifteen. Columns added since
 * (`place_precision`) are read when present, so an older export still reads.
 */
export const CSV_SIGNATURE: readonly string[] = CSV_COLUMNS.slice(0, 15);
