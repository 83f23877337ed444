import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
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
});
