import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegionBoundary } from './RegionBoundary';

function Fragile({ q }: { q: string }) {
  if (q === 'bad') throw new Error('Invalid regular expression');
  return <p>results for {q || 'nothing'}</p>;
}

afterEach(() => vi.restoreAllMocks());

describe('RegionBoundary', () => {
  it('recovers by itself when the input the region draws from changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const ui = (q: string) => (
      <RegionBoundary name="Events" resetKeys={['dataset', q]}>
        <Fragile q={q} />
      </RegionBoundary>
    );
    const { rerender } = render(ui('bad'));
    expect(screen.getByRole('alert')).toHaveTextContent('The Events panel hit a problem');
    rerender(ui('bad'));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    rerender(ui(''));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('results for nothing')).toBeInTheDocument();
  });
});
