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
] as const;
