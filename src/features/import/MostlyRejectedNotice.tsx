import { memo } from 'react';
import type { LoadedDataset } from '../../data/page/loadSource';
import { FORMATS } from '../../data/read/detectFormat';
import { formatCount } from '../../domain/formatCount';
import { loadSummary } from '../../domain/loadSummary';
import { updateView } from '../../url/useViewState';

/** Tabular formats whose files the column mapping can read instead. */
const TABLES = new Set(['acled', 'ucdp', 'timesketch-csv', 'chronoscope-csv']);

/**
 * A detected format that rejects most of a file's rows has probably met a file it does not fit (dates written
 * another way, columns moved): say so at once and offer the column mapping, which starts from the same columns.
 * Memoised: its props do not change with the filters, so a filter change does not render it.
 */
export const MostlyRejectedNotice = memo(function MostlyRejectedNotice({
  loaded,
}: {
  loaded: LoadedDataset;
}) {
  const ds = loaded.index.dataset;
  const s = loadSummary(ds);
  if (!s.mostlyRejected || !TABLES.has(loaded.format)) return null;
  return (
    <div className="cs-notices" role="alert">
      <p>
        Only {formatCount(s.loaded)} of {formatCount(s.total)} rows could be read as{' '}
        {FORMATS[loaded.format]}. The column mapping can read the file another way: choose how its
        dates and columns read, starting from the same columns.
      </p>
      <button
        type="button"
        className="cs-primary"
        onClick={() => updateView(({ map: _map, ...rest }) => ({ ...rest, fmt: 'csv' }))}
      >
        Read it through the column mapping
      </button>
    </div>
  );
});
