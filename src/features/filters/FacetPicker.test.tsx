import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FacetPicker, type FacetOption } from './FacetPicker';

const options: FacetOption[] = [
  { value: 'statement', label: 'statement', count: 12 },
  { value: 'meeting', label: 'meeting', count: 1_204 },
  { value: 'strike', label: 'strike', count: 0 },
];

async function openPicker(label = 'Type') {
  await userEvent.click(screen.getByText(label));
  return screen.getByRole('group', { name: `${label} values` });
}

describe('FacetPicker', () => {
  it('lists values by count with their live counts, and shows how many are chosen', async () => {
    render(
      <FacetPicker label="Type" options={options} selected={['strike']} onToggle={() => {}} />,
    );
    expect(screen.getByText('Type')).toHaveTextContent('Type1');
    const menu = await openPicker();
    const boxes = within(menu).getAllByRole('checkbox');
    // Chosen first (even at zero), then by count.
    expect(boxes.map((b) => b.closest('label')!.textContent)).toEqual([
      'strike0',
      'meeting1,204',
      'statement12',
    ]);
    expect(within(menu).getByRole('checkbox', { name: /strike/ })).toBeChecked();
    expect(within(menu).getByRole('checkbox', { name: /meeting/ })).not.toBeChecked();
  });

  it('hands the value of a ticked box to onToggle', async () => {
    const onToggle = vi.fn();
    render(<FacetPicker label="Type" options={options} selected={[]} onToggle={onToggle} />);
    const menu = await openPicker();
    await userEvent.click(within(menu).getByRole('checkbox', { name: /meeting/ }));
    expect(onToggle).toHaveBeenCalledExactlyOnceWith('meeting');
  });

  it('marks values with no matches but keeps them choosable', async () => {
    render(<FacetPicker label="Type" options={options} selected={[]} onToggle={() => {}} />);
    const menu = await openPicker();
    expect(within(menu).getByText('strike').closest('label')).toHaveClass('cs-facet-zero');
    expect(within(menu).getByRole('checkbox', { name: /strike/ })).toBeEnabled();
  });

  it('offers a finder for long lists and caps what it draws', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({
      value: `p${i}`,
      label: `Place ${i}`,
      count: i,
    }));
    render(<FacetPicker label="Place" options={many} selected={[]} onToggle={() => {}} />);
    const menu = await openPicker('Place');
    expect(within(menu).getAllByRole('checkbox')).toHaveLength(100);
    expect(menu).toHaveTextContent('150 more: type to find them.');
    await userEvent.type(within(menu).getByRole('searchbox', { name: 'Find place' }), 'place 12');
    expect(
      within(menu)
        .getAllByRole('checkbox')
        .map((b) => b.closest('label')!.textContent),
    ).toEqual([
      'Place 129129',
      'Place 128128',
      'Place 127127',
      'Place 126126',
      'Place 125125',
      'Place 124124',
      'Place 123123',
      'Place 122122',
      'Place 121121',
      'Place 120120',
      'Place 1212',
    ]);
  });

  it('says when the dataset has no values for the facet', async () => {
    render(<FacetPicker label="Tag" options={[]} selected={[]} onToggle={() => {}} />);
    const menu = await openPicker('Tag');
    expect(menu).toHaveTextContent('None in this dataset.');
  });
});
