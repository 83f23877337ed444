import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';

/** Renders the app (imported by src/main.tsx once the dataset and vis-timeline are on their way). */
export function start(): void {
  const root = createRoot(document.getElementById('root')!);
  // A transition: React renders the first frame in slices of a few milliseconds, not one long task.
  startTransition(() =>
    root.render(
      <StrictMode>
        <Root />
      </StrictMode>,
    ),
  );
}
