import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ServerMetadata } from '../../data/page/serverApi';
import { ViewEngineContext, type ViewEngine } from '../../data/page/viewEngine';
import type { ViewAnswer } from '../../domain/viewAnswer';
import { DEFAULT_VIEW } from '../../url/viewState';
import { ServerFacets } from './ServerFacets';

const META: ServerMetadata = {
  id: 'x',
  title: 'X',
  eventCount: 10,
  periods: [],
  entities: [
    { id: 'a', name: 'Alpha', type: 'group', aliases: [] },
    { id: 'b', name: 'Beta', type: 'person', aliases: [] },
  ],
  public: true,
};

const ANSWER = {
  count: 4,
  facets: { actors: { a: 3, b: 1 }, etypes: {}, types: {}, tags: {}, places: {}, prec: {} },
} as unknown as ViewAnswer;

describe('ServerFacets', () => {
  it('shows chosen values checked, first, and a chosen actor in bold as the file workspace does', () => {
    const answer = {
      ...ANSWER,
      facets: { ...ANSWER.facets, types: { strike: 3, battle: 1 } },
    } as ViewAnswer;
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ServerFacets
          meta={META}
          view={{ ...DEFAULT_VIEW, actors: ['b'], xactors: ['a'], types: ['battle'] }}
          answer={answer}
          filtersView=""
        />
      </QueryClientProvider>,
    );
    const actors = screen.getAllByRole('checkbox', { name: /, (group|person), / });
    expect(
      actors.map((c) => [c.getAttribute('aria-label'), (c as HTMLInputElement).checked]),
    ).toEqual([
      ['Beta, person, 1 event', true],
      ['Alpha, group, 3 events, excluded', false],
    ]);
    expect(actors[0]!.closest('li')).toHaveClass('is-included');
    expect(actors[1]!.closest('li')).toHaveClass('is-excluded');
    expect(screen.getByRole('button', { name: 'Exclude Alpha' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const types = screen.getAllByRole('checkbox', { name: /^(strike|battle)/ });
    expect(
      types.map((c) => [c.closest('label')!.textContent, (c as HTMLInputElement).checked]),
    ).toEqual([
      ['battle1', true],
      ['strike3', false],
    ]);
  });

  it("opens an actor's profile, asked of the engine under the view's filters", async () => {
    const profile = vi.fn<ViewEngine['profile']>().mockResolvedValue({
      entityId: 'a',
      count: 3,
      firstSeen: Date.UTC(2022, 2, 1),
      lastSeen: Date.UTC(2022, 5, 30),
      bins: new Array<number>(24).fill(0),
      coActors: [{ id: 'b', name: 'Beta', count: 1 }],
    });
    const engine = { key: 'server:x', profile } as unknown as ViewEngine;
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ViewEngineContext.Provider value={engine}>
          <ServerFacets meta={META} view={DEFAULT_VIEW} answer={ANSWER} filtersView="type=t&v=1" />
        </ViewEngineContext.Provider>
      </QueryClientProvider>,
    );
    const about = screen.getByRole('button', { name: 'About Alpha' });
    expect(about).toHaveAttribute('aria-expanded', 'false');
    expect(profile).not.toHaveBeenCalled();
    await userEvent.click(about);
    expect(about).toHaveAttribute('aria-expanded', 'true');
    expect(
      await screen.findByRole('img', {
        name: "Alpha: 3 matching events over the dataset's time span",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('First seen 1 Mar 2022, last seen 30 Jun 2022')).toBeInTheDocument();
    expect(profile).toHaveBeenCalledWith('type=t&v=1', 'a', expect.anything());
    await userEvent.click(about);
    expect(screen.queryByText(/First seen/)).toBeNull();
  });

  it('lists the 40 busiest actors, says how many more, and finds any actor of the dataset by name or alias', async () => {
    const entities = Array.from({ length: 60 }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      type: 'person' as const,
      aliases: i === 55 ? ['Mr Fifty-Five'] : [],
    }));
    const meta = {
      ...META,
      entities: [...entities, { id: 'q', name: 'Quiet', type: 'group' as const, aliases: [] }],
    };
    // Person 0 is the busiest; the quiet one has no matching events.
    const actors = Object.fromEntries(entities.map((e, i) => [e.id, 100 - i]));
    const answer = { ...ANSWER, facets: { ...ANSWER.facets, actors } } as ViewAnswer;
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ServerFacets meta={meta} view={DEFAULT_VIEW} answer={answer} filtersView="" />
      </QueryClientProvider>,
    );
    const listed = () =>
      screen
        .getAllByRole('checkbox', { name: /, (group|person), / })
        .map((c) => c.getAttribute('aria-label'));
    expect(listed()).toHaveLength(40);
    expect(listed()[0]).toBe('Person 0, person, 100 events');
    expect(
      screen.getByText('20 more with matching events: find them by name.'),
    ).toBeInTheDocument();
    const finder = screen.getByRole('searchbox', { name: 'Find an actor by name or alias' });
    await userEvent.type(finder, 'fifty-five');
    expect(listed()).toEqual(['Person 55, person, 45 events']);
    await userEvent.clear(finder);
    await userEvent.type(finder, 'quiet');
    expect(listed()).toEqual(['Quiet, group, 0 events']);
    await userEvent.type(finder, 'x');
    expect(screen.getByText('No actor of this dataset is called “quietx”.')).toBeInTheDocument();
  });

  it('e focuses the finder (the shortcut asks through the UI store)', async () => {
    const { useUi } = await import('../../state/uiStore');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ServerFacets meta={META} view={DEFAULT_VIEW} answer={ANSWER} filtersView="" />
      </QueryClientProvider>,
    );
    act(() => useUi.getState().setFocusFinder(true));
    expect(screen.getByRole('searchbox', { name: 'Find an actor by name or alias' })).toHaveFocus();
    expect(useUi.getState().focusFinder).toBe(false);
  });
});
