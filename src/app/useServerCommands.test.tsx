import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepRequest } from '../data/page/serverApi';
import type { ViewEngine } from '../data/page/viewEngine';
import type { ListRow } from '../domain/viewAnswer';
import { serverCommands } from '../state/serverCommands';
import { currentView } from '../url/currentView';
import { updateView } from '../url/useViewState';
import { useServerCommands } from './useServerCommands';

/** A server whose step answers wait until the test gives them. */
function slowServer() {
  const asked: { req: StepRequest; answer(row: ListRow | undefined): void }[] = [];
  const engine = {
    key: 'server:t',
    step: (req: StepRequest) =>
      new Promise<ListRow | undefined>((resolve) => asked.push({ req, answer: resolve })),
    event: () => new Promise(() => {}),
  } as unknown as ViewEngine;
  return { engine, asked };
}

const row = (id: string, start: number): ListRow =>
  ({
    position: start,
    event: { id, title: id, start, end: start, actors: [] },
  }) as unknown as ListRow;

function Probe({ engine }: { engine: ViewEngine }) {
  useServerCommands(engine, currentView().state.event, 10);
  return null;
}

function mount(engine: ViewEngine) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Probe engine={engine} />
    </QueryClientProvider>,
  );
}

const settle = () => new Promise((r) => setTimeout(r, 0));

const FROM = Date.UTC(2014, 0, 1);
const TO = Date.UTC(2015, 0, 1);
beforeEach(() =>
  window.history.replaceState(null, '', '/?data=server:t&from=2014-01-01&to=2015-01-01'),
);
afterEach(() => window.history.replaceState(null, '', '/'));

describe('useServerCommands: j and k on a server dataset', () => {
  it('a step asked before the timeline has moved steps from the event the one before chose', async () => {
    const { engine, asked } = slowServer();
    mount(engine);
    serverCommands()!.step(1);
    serverCommands()!.step(1);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]!.req).toMatchObject({ dir: 1, window: { start: FROM, end: TO } });
    expect(asked[0]!.req.selected).toBeUndefined();
    // Its event lies past the window; the window has not moved yet when the next step is asked.
    asked[0]!.answer(row('far', TO + 1e10));
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(currentView().state.event).toBe('far');
    expect(asked[1]!.req.selected).toBe('far');
    expect(asked[1]!.req.window).toBeUndefined();
    asked[1]!.answer(row('farther', TO + 2e10));
    await vi.waitFor(() => expect(currentView().state.event).toBe('farther'));
  });

  it('drops an answer that comes after the analyst chose another event', async () => {
    const { engine, asked } = slowServer();
    mount(engine);
    serverCommands()!.step(1);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    updateView({ event: 'clicked' });
    asked[0]!.answer(row('late', FROM + 1));
    await settle();
    expect(currentView().state.event).toBe('clicked');
  });

  it('asks at most four steps ahead: a held key does not walk on after it is let go', async () => {
    const { engine, asked } = slowServer();
    mount(engine);
    for (let k = 0; k < 10; k++) serverCommands()!.step(1);
    for (let k = 0; k < 6; k++) {
      await settle();
      asked.at(-1)?.answer(row(`e${asked.length}`, FROM + asked.length));
    }
    await settle();
    expect(asked).toHaveLength(4);
  });
});
