import { formatBbox } from '../../domain/geo';
import type { ViewState } from '../../url/viewState';
import { updateView } from '../../url/useViewState';
import './server.css';

/** What a server dataset cannot do yet, said where it would otherwise show wrong numbers. */
export function unsupportedOnServer(view: ViewState): string[] {
  const out: string[] = [];
  if (view.starred || view.atags.length > 0) out.push('starred events and analyst tags');
  return out;
}

/**
 * The analyst's layer (stars, notes, tags) lives in the browser; on a server dataset it is not applied, and this
 * says so instead of showing counts that ignore it silently.
 */
export function ServerLimitsNote({ view }: { view: ViewState }) {
  const missing = unsupportedOnServer(view);
  return (
    <div className="cs-note cs-server-limits" role="note">
      {missing.length > 0 ? (
        <>
          <p>
            This link asks for {missing.join(' and ')}, which server datasets do not have yet: the
            counts below do not apply them.
          </p>
          <button type="button" onClick={() => updateView({ starred: false, atags: [] })}>
            Remove them from the view
          </button>
        </>
      ) : (
        <p className="cs-muted">
          A server dataset: stars, notes and analyst tags are not available on it yet.
        </p>
      )}
    </div>
  );
}

/** The link's area filter, said beside the facets (the map outlines it too). */
export function AreaFilterNote({ view }: { view: ViewState }) {
  if (!view.bbox) return null;
  return (
    <div className="cs-note" role="note">
      <p>Only events placed in the area {formatBbox(view.bbox)} (west, south, east, north).</p>
      <button type="button" onClick={() => updateView({ bbox: undefined })}>
        Remove the area filter
      </button>
    </div>
  );
}

/**
 * A quiet sign that the next answer is on its way while the last one stays on screen; or why it is not coming
 * (the database away, a limit), with a way to ask again at once rather than wait for the next retry.
 */
export function UpdatingIndicator({
  busy,
  problem,
  onRetry,
}: {
  busy: boolean;
  problem?: string;
  onRetry?: () => void;
}) {
  return (
    <span className="cs-server-updating" data-busy={busy || problem ? 'true' : 'false'}>
      <span aria-live="polite" title={problem}>
        {problem ?? (busy ? 'Updating…' : '')}
      </span>
      {problem && onRetry && (
        <button type="button" onClick={onRetry}>
          Try again now
        </button>
      )}
    </span>
  );
}
