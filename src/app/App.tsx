import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { resolveSource, sourceKey } from '../data/sources';
import { useDataset } from '../data/useDataset';
import { useFilterResult, ViewDataContext } from '../data/viewData';
import { DropZone } from '../features/import/DropZone';
import { LoadErrorPanel } from '../features/import/LoadErrorPanel';
import { LoadingPanel } from '../features/import/LoadingPanel';
import { openDataset } from '../features/import/openDataset';
import { DatasetMenu } from '../features/import/DatasetMenu';
import { useUi } from '../state/uiStore';
import { canonicaliseAddress, useViewState } from '../url/useViewState';
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

  // One tree for every state (loading, error, loaded): the header and its file input never remount mid-action.
  const loaded = query.isSuccess ? query.data : undefined;
  const result = useFilterResult(loaded, view);
  const value = useMemo(
    () => (loaded && result ? { loaded, view, result } : null),
    [loaded, view, result],
  );
  useShortcuts(value);

  let body;
  let status: string;
  if (value) {
    body = <Workspace />;
    status = `Showing ${value.result.count.toLocaleString('en')} of ${value.loaded.index.size.toLocaleString('en')} events`;
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
  }
  return (
    <ViewDataContext.Provider value={value}>
      <div className="cs-app">
        <Header view={view} {...(loaded ? { loaded } : {})} />
        <Notices />
        {body}
        <StatusLine text={status} />
        <DropZone />
        {value && <Dialogs dataset={value.loaded.index.dataset} />}
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
