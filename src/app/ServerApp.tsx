import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { viewKeys } from '../data/page/queryKeys';
import { isPassing } from '../data/page/serverApi';
import { setServerToken } from '../data/page/serverToken';
import { useEngineActivity, useEngineMetadata } from '../data/page/useEngineQueries';
import { serverEngine, ViewEngineContext } from '../data/page/viewEngine';
import { formatCount } from '../domain/formatCount';
import { DatasetMenu } from '../features/import/DatasetMenu';
import { openDataset } from '../features/import/openDataset';
import { UpdatingIndicator } from '../features/server/ServerNotes';
import { problemStatus, ServerProblemPanel } from '../features/server/ServerPanels';
import type { ViewState } from '../url/viewState';
import { Dialogs } from './Dialogs';
import { Header } from './Header';
import { ServerExportMenu } from '../features/share/ServerExportMenu';
import { Notices } from './Notices';
import { ServerWorkspace } from './ServerWorkspace';

/**
 * The app on a dataset of the server that served the page (`?data=server:<id>`): the server answers every view
 * (viewEngine.ts); until it has, a panel says why not (not found, sign in, a wrong token, the database away).
 */
export function ServerApp({ id, view }: { id: string; view: ViewState }) {
  const client = useQueryClient();
  const engine = useMemo(() => serverEngine(id), [id]);
  const meta = useEngineMetadata(engine);
  // In the header, where it stays in sight whatever the panels' scroll: the previous answers stay on screen
  // while the next load, and while the database is away this says so and asks again on demand.
  const activity = useEngineActivity(engine);
  // The count of the dataset's latest answer (a count of another dataset is not this one's).
  const [counted, setCounted] = useState<{ id: string; count: number } | undefined>(undefined);
  const onCount = useCallback((count: number) => setCounted({ id, count }), [id]);
  const shown = counted?.id === id ? counted.count : undefined;
  let body;
  let status: string;
  if (meta.data) {
    body = <ServerWorkspace meta={meta.data} view={view} onCount={onCount} />;
    // As the file's status line says it (and a screen reader hears it): how many of the dataset's events the
    // filters leave, once the server has answered.
    const total = formatCount(meta.data.eventCount);
    status =
      shown === undefined
        ? `${meta.data.title}: ${total} events on the server`
        : `${meta.data.title}: showing ${formatCount(shown)} of ${total} events`;
  } else if (meta.isError || (meta.failureReason && isPassing(meta.failureReason))) {
    const error = meta.error ?? meta.failureReason;
    status = problemStatus(id, error);
    body = (
      <main className="cs-main-message">
        <ServerProblemPanel
          id={id}
          error={error}
          onToken={(token) => {
            setServerToken(token);
            // Every answer asked without (or with another) token is dropped, and asked again.
            void client.resetQueries({ queryKey: viewKeys.all });
          }}
          onRetry={activity.retry}
          onDefault={() => openDataset(undefined)}
        >
          {/* "Pick one of the server's datasets": the panel offers them, as the file's load errors do. */}
          <DatasetMenu current={view.data} />
        </ServerProblemPanel>
      </main>
    );
  } else {
    status = `Opening ${id} on the server…`;
    body = (
      <main className="cs-main-message">
        <p>Opening {id} on the server…</p>
      </main>
    );
  }
  return (
    <ViewEngineContext.Provider value={engine}>
      <div className="cs-app">
        <Header
          view={view}
          status={status}
          {...(meta.data
            ? {
                exportMenu: <ServerExportMenu meta={meta.data} view={view} />,
                activity: (
                  <UpdatingIndicator
                    busy={activity.busy}
                    {...problemOf(activity.failure)}
                    onRetry={activity.retry}
                  />
                ),
              }
            : {})}
        />
        <Notices />
        {body}
        <Dialogs engine="server" />
      </div>
    </ViewEngineContext.Provider>
  );
}

/** What a failed answer says in the status line: a passing failure is retried by itself, and says so. */
function problemOf(failure: unknown): { problem?: string } {
  if (failure === undefined || failure === null) return {};
  const message = failure instanceof Error ? failure.message : String(failure);
  return { problem: isPassing(failure) ? `${message} Retrying…` : message };
}
