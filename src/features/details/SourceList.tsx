import type { Source } from '../../domain/types';
import { safeHref } from '../../domain/safeUrl';
import { Highlight } from '../../ui/Highlight';
import { ClippedText } from '../../ui/ClippedText';
import { clipText } from '../../domain/clipText';

/** Provenance: every source with publisher, date and quote; only http(s) URLs become links. */
export function SourceList({ sources, terms }: { sources: Source[]; terms: string[] }) {
  if (sources.length === 0) return <p className="cs-muted">No sources given.</p>;
  return (
    <section aria-label="Sources" className="cs-sources">
      <h3>Sources ({sources.length})</h3>
      <ol>
        {sources.map((s, i) => {
          const href = safeHref(s.url);
          const label = clipText(s.title ?? s.url ?? `Source ${i + 1}`, 500);
          return (
            <li key={i}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  <Highlight text={label} terms={terms} />
                </a>
              ) : (
                <span>
                  <Highlight text={label} terms={terms} />
                </span>
              )}
              {(s.publisher || s.published) && (
                <span className="cs-muted">
                  {' — '}
                  {clipText([s.publisher, s.published].filter(Boolean).join(', '), 500)}
                </span>
              )}
              {s.url && !href && (
                <div className="cs-muted">
                  Address shown as text, not a link (only http and https links open):{' '}
                  <code>{s.url.slice(0, 300)}</code>
                </div>
              )}
              {s.quote && (
                <blockquote>
                  <ClippedText text={s.quote} terms={terms} what="quote" step={2000} max={10_000} />
                </blockquote>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
