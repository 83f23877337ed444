import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EntityProfileCard } from './EntityProfileCard';

const entity = { name: 'Actor 7', description: 'A <b>group</b>', aliases: ['A7'] };
const bins = new Array<number>(24).fill(0);

describe('EntityProfileCard', () => {
  it('shows the count in the sparkline, first and last seen, and picks a co-actor by id', () => {
    const onPick = vi.fn();
    render(
      <EntityProfileCard
        entity={entity}
        profile={{
          entityId: 'a7',
          count: 5,
          firstSeen: Date.UTC(2022, 1, 24),
          lastSeen: Date.UTC(2023, 0, 2),
          bins: bins.map((_, i) => (i === 3 ? 5 : 0)),
          coActors: [{ id: 'b/2', name: '<img src=x>', count: 3 }],
        }}
        tz="UTC"
        onPick={onPick}
      >
        <p>slot</p>
      </EntityProfileCard>,
    );
    expect(
      screen.getByRole('img', { name: "Actor 7: 5 matching events over the dataset's time span" }),
    ).toBeTruthy();
    expect(screen.getByText('First seen 24 Feb 2022, last seen 2 Jan 2023')).toBeTruthy();
    expect(screen.getByText('A <b>group</b>')).toBeTruthy();
    expect(screen.getByText('Also known as: A7')).toBeTruthy();
    expect(screen.getByText('slot')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '<img src=x>' }));
    expect(onPick).toHaveBeenCalledWith('b/2');
  });

  it('says when the entity has no matching events', () => {
    render(
      <EntityProfileCard
        entity={{ name: 'Nobody', aliases: [] }}
        profile={{ entityId: 'n', count: 0, bins, coActors: [] }}
        tz="UTC"
        onPick={() => {}}
      />,
    );
    expect(screen.getByText('No matching events.')).toBeTruthy();
    expect(screen.queryByText('Appears with:')).toBeNull();
  });
});
