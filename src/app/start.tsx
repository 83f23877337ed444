import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';

/** Renders the app (imported by src/main.tsx once the dataset and vis-timeline are on their way). */
export function start(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
