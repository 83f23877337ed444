/** Stated limits (README "Limits"): longer text is kept whole but flagged. */
export const LIMITS = {
  /** Events per document. */
  maxEvents: 2_000_000,
  /** Characters of one text field that are indexed for search and drawn without a "show all". */
  displayFieldChars: 20_000,
};
