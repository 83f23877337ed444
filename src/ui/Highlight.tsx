import { HIGHLIGHT_LIMITS, highlightSegments } from '../domain/highlight';

/**
 * Text with the search terms marked; plain text only. With `max`, only the first `max` characters are shown
 * (then "…"), and matches are looked for only there.
 */
export function Highlight({
  text,
  terms,
  max,
}: {
  text: string;
  terms: readonly string[];
  max?: number;
}) {
  const clipped = max !== undefined && text.length > max;
  if (terms.length === 0) return <>{clipped ? `${text.slice(0, max)}…` : text}</>;
  const limit = max ?? HIGHLIGHT_LIMITS.maxChars;
  const segs = highlightSegments(text, terms, { ...HIGHLIGHT_LIMITS, maxChars: limit });
  // The last segment holds whatever lies past the searched part.
  const last = segs.at(-1);
  if (clipped && last && !last.match)
    last.text = `${last.text.slice(0, Math.max(0, limit - (text.length - last.text.length)))}…`;
  return (
    <>
      {segs.map((s, i) =>
        s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}
