import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../domain/types';
import { EntityRow } from './EntityRow';

const actor: Entity = { id: 'a7', name: 'Actor 7', type: 'person', aliases: ['A. Seven'] };

function row(props: { count: number; excluded?: boolean; entity?: Entity }) {
  return render(
    <ul>
      <EntityRow
        code={0}
        entity={props.entity ?? actor}
        count={props.count}
        included={false}
        excluded={props.excluded ?? false}
        open={false}
        onToggleOpen={() => {}}
        place={0}
        of={1}
        top={0}
        measure={() => {}}
      />
    </ul>,
  );
}

describe('EntityRow', () => {
  it.each([
    [1027, false, 'Actor 7, person, 1,027 events'],
    [1, false, 'Actor 7, person, 1 event'],
    [0, true, 'Actor 7, person, 0 events, excluded'],
  ])('reads a checkbox for %i events as words', (count, excluded, name) => {
    row({ count, excluded });
    expect(screen.getByRole('checkbox', { name })).toBeTruthy();
  });

  it('shows the whole name and the aliases on hover, and greys an entity with no match', () => {
    const { container } = row({ count: 0 });
    expect(screen.getByTitle('Actor 7 (also: A. Seven)')).toBeTruthy();
    expect(container.querySelector('li')!.className).toContain('is-empty');
  });
});
