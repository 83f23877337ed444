import { useQueryClient } from '@tanstack/react-query';
import { memo, useRef, useState } from 'react';
import { BUNDLED, SERVER_PREFIX } from '../../data/page/sources';
import { FORMATS, READABLE_FORMATS, type FormatId } from '../../domain/formats';
import { updateView } from '../../url/useViewState';
import { MAX_DATA_LENGTH } from '../../url/viewState';
import { formatCount } from '../../domain/formatCount';
import { openDataset, openLocalFile } from './openDataset';
import { ServerDatasetList } from './ServerDatasetList';

/** Reads the current file as another format (or back to detection); a column mapping only outlives a switch to CSV. */
function readAs(format: FormatId | undefined): void {
  updateView(({ fmt: _fmt, map, ...rest }) => ({
    ...rest,
    ...(format ? { fmt: format } : {}),
    ...(map && (format === undefined || format === 'csv') ? { map } : {}),
  }));
}

/** Bundled datasets, a local file, or a URL; and the format the current file is read as. Memoised: a filter change does not render it. */
export const DatasetMenu = memo(function DatasetMenu({
  current,
  format,
}: {
  current?: string;
  format?: FormatId;
}) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const [url, setUrl] = useState('');
  const [refused, setRefused] = useState<string>();
  const [open, setOpen] = useState(false);
  const close = () => menu.current?.removeAttribute('open');
  return (
    <div className="cs-dataset-controls">
      <details
        ref={menu}
        className="cs-menu"
        onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>Datasets</summary>
        <div className="cs-menu-body">
          <h3 className="cs-menu-heading">Samples in the app</h3>
          <ul aria-label="Bundled datasets">
            {BUNDLED.map((b) => (
              <li key={b.id}>
                <button
                  type="button"
                  aria-current={(current ?? BUNDLED[0].id) === b.id ? 'true' : undefined}
                  onClick={() => {
                    close();
                    openDataset(b.id === BUNDLED[0].id ? undefined : b.id);
                  }}
                >
                  {b.title}
                </button>
              </li>
            ))}
          </ul>
          <ServerDatasetList open={open} current={current} onPick={close} />
          {/* A server dataset was read by the ingest: there is no file here to read another way. */}
          {!current?.startsWith(SERVER_PREFIX) && (
            <label className="cs-read-as">
              Read the current file as
              <select
                value={format ?? ''}
                onChange={(e) => {
                  close();
                  readAs((e.target.value || undefined) as FormatId | undefined);
                }}
              >
                <option value="">Detected from its content</option>
                {READABLE_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {FORMATS[f]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const address = url.trim();
              if (!address) return;
              // Said at once, here: a link that cannot hold the address would silently open something else.
              if (address.length > MAX_DATA_LENGTH)
                return setRefused(
                  `This address is ${formatCount(address.length)} characters long; Chronoscope loads dataset addresses of up to ${formatCount(MAX_DATA_LENGTH)} characters.`,
                );
              setRefused(undefined);
              close();
              openDataset(address);
            }}
          >
            <label>
              Load from URL
              {/* Text, not type="url": like ?data=, it takes a bundled id or a relative path too, and a refused
                  address gets the app's own message rather than the browser's validation bubble. */}
              <input
                type="text"
                inputMode="url"
                spellCheck={false}
                autoComplete="url"
                value={url}
                onChange={(e) => {
                  setUrl(e.target.value);
                  setRefused(undefined);
                }}
                aria-invalid={refused !== undefined}
                aria-describedby={refused ? 'cs-load-url-error' : undefined}
                placeholder="https://…/events.json or a relative path"
              />
            </label>
            <button type="submit">Load</button>
            {refused && (
              <p id="cs-load-url-error" role="alert" className="cs-field-error">
                {refused}
              </p>
            )}
          </form>
        </div>
      </details>
      <button type="button" onClick={() => input.current?.click()}>
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="Open a dataset file"
        accept=".json,.csv,.tsv,.jsonl,.txt,application/json,text/csv"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) openLocalFile(f, client);
        }}
      />
    </div>
  );
});
