import { useRef, useState } from 'react';
import { SavedViewStore, SavedViewsError, type SavedView } from '../../data/page/savedViews';
import { Dialog } from '../../ui/Dialog';
import { flushWindow } from '../../url/useViewState';
import { downloadText } from '../../ui/download';

const store = () => new SavedViewStore(window.localStorage);

function read(): { views: SavedView[]; error: string } {
  try {
    return { views: store().list(), error: '' };
  } catch (e) {
    return { views: [], error: e instanceof Error ? e.message : String(e) };
  }
}

/** Name the current view and keep it in this browser; open, rename, delete, export, import. */
export function SavedViewsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [state, setState] = useState(read);
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const act = (fn: () => string | void) => {
    try {
      const m = fn();
      setState(read());
      setMessage(m ?? '');
    } catch (e) {
      setMessage(e instanceof SavedViewsError ? e.message : `Something went wrong: ${String(e)}`);
    }
  };
  return (
    <Dialog open={open} title="Saved views" onClose={onClose} wide>
      <form
        className="cs-row"
        onSubmit={(e) => {
          e.preventDefault();
          act(() => {
            flushWindow();
            const v = store().save(name, window.location.search.slice(1));
            setName('');
            return `Saved “${v.name}”.`;
          });
        }}
      >
        <label>
          Name for the current view{' '}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <button type="submit">Save current view</button>
      </form>
      {(message || state.error) && (
        <p role="alert" className="cs-note">
          {message || state.error}
        </p>
      )}
      {state.views.length === 0 ? (
        <p className="cs-muted">No saved views yet.</p>
      ) : (
        <ul className="cs-saved-list" aria-label="Saved views">
          {state.views.map((v) => (
            <li key={v.id}>
              <a href={`?${v.query}`}>{v.name}</a>{' '}
              <span className="cs-muted">{v.savedAt.slice(0, 16).replace('T', ' ')}</span>
              <button
                type="button"
                onClick={() => {
                  const n = window.prompt('New name', v.name);
                  if (n !== null) act(() => store().rename(v.id, n));
                }}
                aria-label={`Rename ${v.name}`}
              >
                Rename
              </button>
              <button
                type="button"
                onClick={() => act(() => store().remove(v.id))}
                aria-label={`Delete ${v.name}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="cs-row">
        <button
          type="button"
          onClick={() =>
            act(() =>
              downloadText(
                `chronoscope-saved-views-${new Date().toISOString().slice(0, 10)}.json`,
                store().exportJson(),
                'application/json',
              ),
            )
          }
        >
          Export all
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Import saved views file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            const text = await f.text();
            act(() => {
              const r = store().importJson(text);
              return `Imported ${r.added} view${r.added === 1 ? '' : 's'}${r.skipped ? `, skipped ${r.skipped}` : ''}.`;
            });
          }}
        />
      </div>
    </Dialog>
  );
}
