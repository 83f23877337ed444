import { servedByServer } from '../../data/page/serverApi';
import { useServerDatasets } from '../../data/page/useEngineQueries';
import { formatCount } from '../../domain/formatCount';
import { openDataset } from './openDataset';

/**
 * The datasets of the server that served the page (GET /api/datasets), listed in the Datasets menu once it is
 * opened; nothing on a static host, which has no API.
 */
export function ServerDatasetList({
  open,
  current,
  onPick,
}: {
  open: boolean;
  current: string | undefined;
  onPick(): void;
}) {
  const served = servedByServer();
  const q = useServerDatasets(served && open);
  if (!served) return null;
  return (
    <section aria-label="Datasets on this server">
      <h3 className="cs-menu-heading">On this server</h3>
      {q.isPending && <p className="cs-muted">Asking the server…</p>}
      {q.isError && <p className="cs-muted">The server&apos;s list could not be read.</p>}
      {q.data?.length === 0 && (
        <p className="cs-muted">No datasets you may read; a private one asks for its token.</p>
      )}
      {q.data && q.data.length > 0 && (
        <ul aria-label="Server datasets">
          {q.data.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                aria-current={current === `server:${d.id}` ? 'true' : undefined}
                onClick={() => {
                  onPick();
                  openDataset(`server:${d.id}`);
                }}
              >
                {d.title}{' '}
                <span className="cs-muted">
                  ({formatCount(d.eventCount)} events{d.public ? '' : ', private'}) ·{' '}
                  <code>{d.id}</code>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
