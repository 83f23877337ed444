import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { startDatasetEarly } from './data/useDataset';
import { loadVis } from './features/timeline/useVisTimeline';
import { queryClient } from './lib/queryClient';
import { currentView } from './url/useViewState';

// Both start now and arrive while React draws the first frame: the dataset (read in the loader worker) and
// vis-timeline (a chunk of its own, evaluated while the worker reads).
startDatasetEarly(queryClient, currentView().state, window.location.href);
void loadVis();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
