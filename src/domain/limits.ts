/** Stated limits (SECURITY.md "Limits"): longer text is kept whole but flagged. */
export const LIMITS = {
  /** Events per document. */
  maxEvents: 2_000_000,
  /** Characters of one text field that are indexed for search and drawn without a "show all". */
  displayFieldChars: 20_000,
  /** The largest file Chronoscope opens, counted as decoded bytes while a download streams. */
  maxFileBytes: 256 * 1024 * 1024,
  /** Characters of one line of a JSON Lines file; a longer line is reported as a bad row, never parsed. */
  maxJsonLineChars: 4 * 1024 * 1024,
  /** Bytes an Excel workbook's parts may unpack to, all together (a zip bomb stops here). */
  maxWorkbookBytes: 256 * 1024 * 1024,
  /** Cells one worksheet may hold; a sheet past it is read up to here and the rest reported. */
  maxSheetCells: 20_000_000,
  /** A download that sends nothing for this long is stopped. */
  downloadIdleMs: 30_000,
  /** A download that has not finished after this long is stopped, however steadily it trickles. */
  downloadTotalMs: 10 * 60_000,
};

/** Megabytes for messages: two decimals below 1 MB, one above. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 1)} MB`;
}
