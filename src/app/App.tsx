import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { resolveSource, sourceKey } from '../data/sources';
import { useDataset } from '../data/useDataset';
import { useFilterResult, ViewDataContext } from '../data/viewData';
import type { LoadedDataset } from '../data/loadSource';
import { DropZone } from '../features/import/DropZone';
import { LoadErrorPanel } from '../features/import/LoadErrorPanel';
import { LoadingPanel } from '../features/import/LoadingPanel';
import { openDataset } from '../features/import/openDataset';
import { DatasetMenu } from '../features/import/DatasetMenu';
import { useUi } from '../state/uiStore';
import { canonicaliseAddress, useViewState } from '../url/useViewState';
import type { ViewState } from '../url/viewState';
import { Dialogs } from './Dialogs';
import { Header } from './Header';
import { Notices } from './Notices';
import { useShortcuts } from './useShortcuts';
import { useTheme } from './useTheme';
import { Workspace } from './Workspace';

export function App() {
  const view = useViewState();
  const client = useQueryClient();
  const setNotices = useUi((s) => s.setNotices);
  useTheme();
  useEffect(() => {
    setNotices(canonicaliseAddress());
  }, [setNotices]);
  const source = useMemo(() => resolveSource(view.data, window.location.href), [view.data]);
  const query = useDataset(source);

  let body;
  let status: string;
  if (query.isPending) {
    status = `Loading ${source.label}…`;
    body = (
      <LoadingPanel
        label={source.label}
        onCancel={() => {
          void client.cancelQueries({ queryKey: ['dataset', sourceKey(source)] });
          openDataset(undefined);
        }}
      />
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
        >
          <DatasetMenu current={view.data} />
        </LoadErrorPanel>
      </main>
    );
  } else {
    return <Loaded loaded={query.data} view={view} />;
  }
  return (
    <div className="cs-app">
      <Header view={view} />
      <Notices />
      {body}
      <StatusLine text={status} />
      <DropZone />
    </div>
  );
}

function Loaded({ loaded, view }: { loaded: LoadedDataset; view: ViewState }) {
  const result = useFilterResult(loaded, view);
  const value = useMemo(() => ({ loaded, view, result }), [loaded, view, result]);
  useShortcuts(value);
  return (
    <ViewDataContext.Provider value={value}>
      <div className="cs-app">
        <Header view={view} loaded={loaded} />
        <Notices />
        <Workspace />
        <StatusLine
          text={`Showing ${result.count.toLocaleString('en')} of ${loaded.index.size.toLocaleString('en')} events`}
        />
        <DropZone />
        <Dialogs dataset={loaded.index.dataset} />
      </div>
    </ViewDataContext.Provider>
  );
}

function StatusLine({ text }: { text: string }) {
  const toast = useUi((s) => s.toast);
  return (
    <footer className="cs-footer">
      <p role="status" aria-live="polite" className="cs-status">
        {text}
      </p>
      <p className="cs-toast" aria-live="polite">
        {toast}
      </p>
    </footer>
  );
}
