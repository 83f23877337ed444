import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../lib/queryClient';
import { App } from './App';
import { RegionBoundary } from './RegionBoundary';
import './tokens.css';
import './app.css';

export function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <RegionBoundary name="Chronoscope">
        <App />
      </RegionBoundary>
    </QueryClientProvider>
  );
}
