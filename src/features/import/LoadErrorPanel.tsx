import { DatasetLoadError } from '../../data/page/loadSource';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  error: unknown;
  onRetry(): void;
  onDefault(): void;
  /** Back to the view the analyst came from, when there is one in this app. */
  onBack?: () => void;
  children?: ReactNode;
}

/** A fatal load error: what went wrong, in words, with ways to go on. The page is never blank. */
export function LoadErrorPanel({ label, error, onRetry, onDefault, onBack, children }: Props) {
  const failure = error instanceof DatasetLoadError ? error.failure : undefined;
  const message = failure?.message ?? (error instanceof Error ? error.message : String(error));
  const retryable =
    !failure || ['network', 'timeout', 'worker', 'cancelled'].includes(failure.kind);
  return (
    <div className="cs-load-error" role="alert" aria-labelledby="cs-load-error-title">
      <h2 id="cs-load-error-title">Could not load {label}</h2>
      <p>{message}</p>
      {failure?.detail && (
        <details>
          <summary>Technical detail</summary>
          <code>{failure.detail.slice(0, 1000)}</code>
        </details>
      )}
      <div className="cs-row">
        {onBack && (
          <button type="button" onClick={onBack}>
            Back to the previous view
          </button>
        )}
        {retryable && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}
        <button type="button" onClick={onDefault}>
          Open the sample dataset
        </button>
        {children}
      </div>
    </div>
  );
}
