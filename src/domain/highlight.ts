export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Bounds on highlighting one piece of text, so that no dataset can make it slow: search terms come partly from
 * the data (prefix and typo expansion name indexed words, of any length), so no regular expression is built
 * from them, at most `maxTerms` terms are looked for (the longest first), at most `maxChars` characters are
 * searched, and at most `maxMarks` matches are marked.
 */
export const HIGHLIGHT_LIMITS = { maxTerms: 64, maxChars: 20_000, maxMarks: 200 };

/**
 * Lower-cases code point by code point, keeping a code point as it is where lower-casing would change its length
 * (such as "İ"), so that offsets in the result are offsets in the text.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/**
 * Splits the first `maxChars` characters of a text into plain and matching segments for the given terms
 * (case-insensitive; where matches overlap, the one that starts first wins, then the longest), within
 * HIGHLIGHT_LIMITS. A match that runs past `maxChars` is marked up to there (a term longer than that is compared
 * by its first `maxChars` characters), and the text past `maxChars` follows as one plain segment.
 */
export function highlightSegments(
  text: string,
  terms: readonly string[],
  limits = HIGHLIGHT_LIMITS,
): Segment[] {
  if (text === '') return [{ text, match: false }];
  const window = Math.min(text.length, limits.maxChars);
  const usable = [
    ...new Set(
      terms
        .map((t) => foldCase(t.trim()))
        // Past the window only a term's beginning can show; a text that is not clipped needs the whole term.
        .map((t) => (text.length > window ? t.slice(0, window) : t))
        .filter((t) => t.length > 0 && t.length <= text.length),
    ),
  ]
    .sort((a, b) => b.length - a.length)
    .slice(0, limits.maxTerms);
  const longest = usable[0]?.length ?? 0;
  const hay = foldCase(text.slice(0, window + Math.max(0, longest - 1)));
  // Matches as [start, end) starting inside the window: for each term, its non-overlapping occurrences, until
  // enough are found.
  const found: [number, number][] = [];
  for (const t of usable) {
    for (let at = hay.indexOf(t); at >= 0 && at < window && found.length < limits.maxMarks * 4;) {
      found.push([at, Math.min(window, at + t.length)]);
      at = hay.indexOf(t, at + t.length);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Segment[] = [];
  let last = 0;
  let marks = 0;
  for (const [start, end] of found) {
    if (start < last) continue;
    if (marks === limits.maxMarks) break;
    if (start > last) out.push({ text: text.slice(last, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    last = end;
    marks++;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}
