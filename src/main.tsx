import { startDatasetEarly } from './data/page/datasetQuery';
import { loadVis } from './lib/loadVis';
import { nextTask } from './lib/nextTask';
import { queryClient } from './lib/queryClient';
import { storedTheme } from './state/storedTheme';
import { currentView } from './url/currentView';

// The boot script, small and free of React: the dataset starts loading (in the loader worker) and vis-timeline
// downloads before React and the app are evaluated, so the worker reads the data while the page draws its shell.
startDatasetEarly(queryClient, currentView().state, window.location.href);
loadVis().catch(() => {}); // the timeline reports a failed download where it would have been drawn
storedTheme(); // the page's first localStorage read, here rather than in the task that starts the app
// React first, then the app, each module graph evaluated in a task of its own, so neither blocks input for long.
import('react-dom/client')
  .then(nextTask)
  .then(() => import('./app/start'))
  .then(
    ({ start }) => start(),
    (e: unknown) => {
      const root = document.getElementById('root');
      if (root)
        root.textContent = `Chronoscope could not start (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
    },
  );
