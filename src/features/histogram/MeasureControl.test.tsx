import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ViewDataContext, type ViewData } from '../../data/page/viewData';
import { buildIndex, type DatasetIndex } from '../../domain/buildIndex';
import { normaliseDocument } from '../../domain/normalise';
import { runQuery } from '../../domain/query';
import { useViewState } from '../../url/useViewState';
import { MeasureControl } from './MeasureControl';

const withDeaths = buildIndex(
  normaliseDocument({
    events: [
      { id: 'a', title: 'a', start: '2020-01-01', deaths: 3 },
      { id: 'b', title: 'b', start: '2020-01-02', deaths: 40 },
      { id: 'c', title: 'c', start: '2020-01-03' },
    ],
  }),
);
const without = buildIndex(
  normaliseDocument({ events: [{ id: 'a', title: 'a', start: '2020-01-01' }] }),
);

/** The control over an index, with the view read from the address as the app does. */
function Harness({ index }: { index: DatasetIndex }) {
  const view = useViewState();
  const result = useMemo(() => runQuery(index, undefined, view), [index, view]);
  const data = { loaded: { index }, view, result } as unknown as ViewData;
  return (
    <ViewDataContext.Provider value={data}>
      <MeasureControl />
    </ViewDataContext.Provider>
  );
}

const params = () => new URLSearchParams(window.location.search);

describe('MeasureControl', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('is not there for a dataset without numeric fields', () => {
    const { container } = render(<Harness index={without} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('says so when the link names a measure the dataset lacks', () => {
    window.history.replaceState(null, '', '/?sum=fatalities');
    render(<Harness index={without} />);
    expect(screen.getByRole('note')).toHaveTextContent('no numeric field “fatalities”');
  });

  it('chooses the measure into the link, and a range on it', async () => {
    render(<Harness index={withDeaths} />);
    const select = screen.getByRole('combobox', { name: 'Measure' });
    expect(Array.from((select as HTMLSelectElement).options, (o) => o.textContent)).toEqual([
      'Count events',
      'Sum of deaths',
    ]);
    expect(screen.queryByLabelText('Minimum deaths')).toBeNull();
    await userEvent.selectOptions(select, 'Sum of deaths');
    expect(params().get('sum')).toBe('deaths');

    await userEvent.type(screen.getByLabelText('Minimum deaths'), '10');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect(params().get('measure')).toBe('deaths:10:');
    // The event without a value is left out by the range, and counted apart.
    expect(screen.getByText(/1 matching event has no deaths value/)).toBeInTheDocument();

    // Emptied fields remove the range.
    await userEvent.clear(screen.getByLabelText('Minimum deaths'));
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect(params().get('measure')).toBeNull();
  });

  it('refuses a minimum above the maximum, saying why, and leaves the link alone', async () => {
    window.history.replaceState(null, '', '/?sum=deaths');
    render(<Harness index={withDeaths} />);
    await userEvent.type(screen.getByLabelText('Minimum deaths'), '50');
    await userEvent.type(screen.getByLabelText('Maximum deaths'), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect(screen.getByRole('alert')).toHaveTextContent('the minimum is above the maximum');
    expect(params().get('measure')).toBeNull();
  });

  it('shows the range of the link in its fields, and follows the link when it changes', () => {
    window.history.replaceState(null, '', '/?sum=deaths&measure=deaths:1:9');
    render(<Harness index={withDeaths} />);
    expect(screen.getByLabelText('Minimum deaths')).toHaveValue(1);
    expect(screen.getByLabelText('Maximum deaths')).toHaveValue(9);
    act(() => {
      window.history.pushState(null, '', '/?sum=deaths');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByLabelText('Minimum deaths')).toHaveValue(null);
  });
});
