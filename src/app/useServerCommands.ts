import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useEventDetail } from '../data/page/useEngineQueries';
import type { ViewEngine } from '../data/page/viewEngine';
import { formatEventDate } from '../domain/formatDate';
import type { ListRow } from '../domain/viewAnswer';
import { registerServerCommands } from '../state/serverCommands';
import { windowOnScreen } from '../state/timelineCommands';
import { useUi } from '../state/uiStore';
import { currentView } from '../url/currentView';
import { updateView } from '../url/useViewState';
import { filtersLink } from '../url/viewState';

type Window = { start: number; end: number } | undefined;
/** Steps asked or waiting at once: keys typed quickly all count; a held key's repeats past these are dropped. */
const MAX_STEPS_AHEAD = 4;
const sameWindow = (a: Window, b: Window) => a?.start === b?.start && a?.end === b?.end;

/**
 * Registers the server workspace's commands for the shortcuts (state/serverCommands.ts) and returns the row the
 * last j or k selected, so that the timeline can bring it into view (it may be in neither the list's page nor the
 * window's items).
 *
 * Steps run one after another, each from the selection the one before left: a step that follows another before
 * the timeline has moved to show its event steps from that event, not from the window it has not left yet. At
 * most MAX_STEPS_AHEAD steps are asked or waiting (a held key does not queue a walk that goes on after it is let
 * go), and an answer that comes after the analyst has chosen another event or other filters is dropped.
 */
export function useServerCommands(
  engine: ViewEngine,
  selected: string | undefined,
  count: number | undefined,
): ListRow | undefined {
  const [stepped, setStepped] = useState<ListRow | undefined>(undefined);
  const detail = useEventDetail(engine, selected);
  const actors = useRef<readonly string[]>([]);
  const read = detail.data?.event.id === selected ? detail.data?.event.actors : undefined;
  const counted = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    actors.current = read ?? [];
    counted.current = count;
  }, [read, count]);
  useEffect(() => {
    let chain = Promise.resolve();
    let waiting = 0;
    let alive = true;
    // The event the last step selected, and the window then.
    let last: { id: string; window: Window } | undefined;
    const say = (m: string) => useUi.getState().say(m);
    const step = async (dir: 1 | -1) => {
      try {
        // Read when the step runs, not when the key was pressed: the step before may have moved the selection.
        const view = currentView().state;
        const filters = filtersLink(view);
        const win = windowOnScreen(view);
        const fromStep =
          last !== undefined && last.id === view.event && sameWindow(last.window, win);
        const row = await engine.step({
          view: filters,
          ...(view.event !== undefined ? { selected: view.event } : {}),
          ...(win && !fromStep ? { window: win } : {}),
          dir,
        });
        const now = currentView().state;
        if (!alive || now.event !== view.event || filtersLink(now) !== filters) return;
        if (!row) return say('No events match, so there is nothing to select.');
        last = { id: row.event.id, window: win };
        setStepped(row);
        updateView({ event: row.event.id });
        // Screen readers hear what j/k selected (the status region is polite).
        say(`Selected: ${row.event.title.slice(0, 160)}, ${formatEventDate(row.event, view.tz)}`);
      } catch (e) {
        if (alive)
          say(`The next event could not be asked: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    registerServerCommands({
      step: (dir) => {
        if (waiting >= MAX_STEPS_AHEAD) return;
        waiting++;
        chain = chain.then(() => step(dir)).finally(() => void waiting--);
      },
      selectedActors: () => actors.current,
      count: () => counted.current,
    });
    return () => {
      alive = false;
      registerServerCommands(null);
    };
  }, [engine]);
  return stepped;
}
