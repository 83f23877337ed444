import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useEffect, useMemo } from 'react';
import { datasetKeys } from '../data/page/queryKeys';
import { datasetRequest } from '../data/page/datasetQuery';
import { manageDatasetCache } from '../data/page/datasetCache';
import { useDataset } from '../data/page/useDataset';
import { DeferredViewData, useFilterResult, ViewDataContext } from '../data/page/viewData';
import { useAnalystLayer } from '../data/page/analystLayer';
import { DatasetLoadError } from '../data/page/loadSource';
import { CsvMappingDialog } from '../features/import/CsvMappingDialog';
import { DropZone } from '../features/import/DropZone';
import { LoadErrorPanel } from '../features/import/LoadErrorPanel';
import { LoadingPanel } from '../features/import/LoadingPanel';
import { MostlyRejectedNotice } from '../features/import/MostlyRejectedNotice';
import { openDataset } from '../features/import/openDataset';
import { DatasetMenu } from '../features/import/DatasetMenu';
import { LayerReport } from '../features/layer/LayerReport';
import { useUi } from '../state/uiStore';
import { backInApp, canGoBackInApp, canonicaliseAddress, useViewState } from '../url/useViewState';
import { Dialogs } from './Dialogs';
import { Header } from './Header';
import { Notices } from './Notices';
import { useShortcuts } from './useShortcuts';
import { useDismissDisclosures } from './useDismissDisclosures';
import { useTheme } from './useTheme';
import { Workspace } from './Workspace';
import { formatCount } from '../domain/formatCount';

// Server datasets (?data=server:<id>) have a workspace of their own, loaded only when one is opened.
const ServerApp = lazy(() => import('./ServerApp').then((m) => ({ default: m.ServerApp })));

export function App() {
  const view = useViewState();
  const client = useQueryClient();
  const setNotices = useUi((s) => s.setNotices);
  useTheme();
  useEffect(() => {
    const notices = canonicaliseAddress();
    if (notices.length > 0) setNotices(notices);
  }, [setNotices]);
  useEffect(() => manageDatasetCache(client), [client]);
  const { source, options } = useMemo(
    () => datasetRequest(view, window.location.href),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the request depends on these three fields only
    [view.data, view.fmt, view.map],
  );
  const query = useDataset(source, options);

  // One tree for every state (loading, error, loaded): the header and its file input never remount mid-action.
  // A newly loaded dataset is first drawn in a background render that React slices into short tasks, so even the
  // first render of 100,000 events does not block the page (the loading panel stays until it is ready).
  const base = useDeferredValue(query.isSuccess ? query.data : undefined);
  // The dataset as the analyst's layer reads it: added events and entity curation joined (analystLayer.ts).
  const layer = useAnalystLayer(base);
  const { session, state, indexed, loaded, joined } = layer;
  const result = useFilterResult(loaded, view, indexed);
  const value = useMemo(
    () =>
      // Drawn once the layer is read, so that a link to an added event finds it.
      loaded && result && session && state && indexed && joined && state.status !== 'loading'
        ? { loaded, view, result, layer: { session, state, indexed, joined } }
        : null,
    [loaded, view, result, session, state, indexed, joined],
  );
  useShortcuts(
    source.kind === 'server'
      ? { engine: 'server' }
      : value
        ? { engine: 'file', data: value }
        : null,
  );
  useDismissDisclosures();

  // A server dataset is answered by the server, view by view: its own shell (ServerApp.tsx).
  if (source.kind === 'server')
    return (
      <Suspense fallback={null}>
        <ServerApp id={source.id} view={view} />
      </Suspense>
    );

  let body;
  let status: string;
  if (value) {
    body = <Workspace />;
    status = `Showing ${formatCount(value.result.count)} of ${formatCount(value.loaded.index.size)} events`;
  } else if (
    query.error instanceof DatasetLoadError &&
    query.error.failure.kind === 'needs-mapping' &&
    query.error.failure.csv
  ) {
    const { csv, message } = query.error.failure;
    status = `Choose the columns of ${source.label}.`;
    body = (
      <main className="cs-main-message">
        <CsvMappingDialog
          key={`${source.label}|${csv.headers.join('\u001f')}|${message}`}
          label={source.label}
          preview={csv}
          message={message}
          {...(view.map ? { current: view.map } : {})}
          onCancel={() => openDataset(undefined)}
        />
      </main>
    );
  } else if (query.isError) {
    status = `Could not load ${source.label}.`;
    body = (
      <main className="cs-main-message">
        <LoadErrorPanel
          label={source.label}
          error={query.error}
          onRetry={() => void query.refetch()}
          onDefault={() => openDataset(undefined)}
          {...(canGoBackInApp() ? { onBack: () => void backInApp() } : {})}
        >
          <DatasetMenu current={view.data} {...(view.fmt ? { format: view.fmt } : {})} />
        </LoadErrorPanel>
      </main>
    );
  } else {
    status = `Loading ${source.label}…`;
    body = (
      <LoadingPanel
        label={source.label}
        onCancel={() => {
          void client.cancelQueries({ queryKey: datasetKeys.source(source) });
          // Back to the view the analyst came from; a link opened cold has none, so the bundled sample.
          if (!backInApp()) openDataset(undefined);
        }}
      />
    );
  }
  return (
    <ViewDataContext.Provider value={value}>
      <DeferredViewData value={value}>
        <div className="cs-app">
          <Header view={view} status={status} {...(value ? { loaded: value.loaded } : {})} />
          <Notices />
          {value && <MostlyRejectedNotice loaded={value.loaded} />}
          {value && <LayerReport />}
          {body}
          <DropZone />
          {value && <Dialogs engine="file" dataset={value.loaded.index.dataset} />}
        </div>
      </DeferredViewData>
    </ViewDataContext.Provider>
  );
}
