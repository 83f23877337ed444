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
 * Splits text into plain and matching segments for the given terms (case-insensitive; where matches overlap,
 * the one that starts first wins, then the longest), within HIGHLIGHT_LIMITS; text past `maxChars` is one plain
 * segment.
 */
export function highlightSegments(
  text: string,
  terms: readonly string[],
  limits = HIGHLIGHT_LIMITS,
): Segment[] {
  if (text === '') return [{ text, match: false }];
  const head = text.length > limits.maxChars ? text.slice(0, limits.maxChars) : text;
  const hay = foldCase(head);
  const usable = [
    ...new Set(
      terms.map((t) => foldCase(t.trim())).filter((t) => t.length > 0 && t.length <= hay.length),
    ),
  ]
    .sort((a, b) => b.length - a.length)
    .slice(0, limits.maxTerms);
  // Matches as [start, end): for each term, every non-overlapping occurrence, until enough are found.
  const found: [number, number][] = [];
  for (const t of usable) {
    for (let at = hay.indexOf(t); at >= 0 && found.length < limits.maxMarks * 4;) {
      found.push([at, at + t.length]);
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
    if (start > last) out.push({ text: head.slice(last, start), match: false });
    out.push({ text: head.slice(start, end), match: true });
    last = end;
    marks++;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}
