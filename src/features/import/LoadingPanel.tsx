import { useStore } from 'zustand';
import { loadProgress } from '../../data/page/loadProgress';
import { formatCount } from '../../domain/formatCount';
import { formatMegabytes as mb } from '../../domain/limits';

/** Progress while a dataset loads: bytes downloaded, then parsing, then indexing; cancellable. */
export function LoadingPanel({ label, onCancel }: { label: string; onCancel(): void }) {
  const progress = useStore(loadProgress, (s) => s.progress);
  let text = 'Starting…';
  let value: number | undefined;
  let max: number | undefined;
  if (progress?.phase === 'download') {
    text = progress.total
      ? `Downloading ${mb(progress.loaded)} of ${mb(progress.total)}`
      : progress.compressed
        ? `Downloading ${mb(progress.loaded)} (unpacked from a ${mb(progress.compressed)} compressed download)`
        : `Downloading ${mb(progress.loaded)}`;
    value = progress.loaded;
    max = progress.total;
  } else if (progress?.phase === 'parse') {
    text = `Reading and checking ${mb(progress.loaded)}…`;
  } else if (progress?.phase === 'index') {
    text = `Indexing ${formatCount(progress.total ?? 0)} events…`;
  } else if (progress?.phase === 'receive') {
    text = `Receiving events: ${formatCount(progress.loaded)} of ${formatCount(progress.total ?? 0)}`;
    value = progress.loaded;
    max = progress.total;
  }
  return (
    <div className="cs-loading" role="group" aria-label="Loading">
      <h2>Loading {label}</h2>
      <progress
        aria-label={`Loading ${label}`}
        {...(value !== undefined && max ? { value, max } : {})}
      />
      <p aria-live="polite">{text}</p>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
