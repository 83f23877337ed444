import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useEventDetail } from '../data/page/useEngineQueries';
import type { ViewEngine } from '../data/page/viewEngine';
import { formatEventDate } from '../domain/formatDate';
import type { ListRow } from '../domain/viewAnswer';
import { registerServerCommands } from '../state/serverCommands';
import { timelineCommands } from '../state/timelineCommands';
import { useUi } from '../state/uiStore';
import { currentView } from '../url/currentView';
import { updateView } from '../url/useViewState';
import { serialiseViewState } from '../url/viewState';

/**
 * Registers the server workspace's commands for the shortcuts (state/serverCommands.ts) and returns the row the
 * last j or k selected, so that the timeline can bring it into view (it may be in neither the list's page nor the
 * window's items). Steps run one after another, each from the selection the one before left: j held down walks.
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
    let alive = true;
    const step = async (dir: 1 | -1) => {
      // Read when the step runs, not when the key was pressed: the step before may have moved the selection.
      const view = currentView().state;
      const win =
        timelineCommands()?.window() ??
        (view.from !== undefined && view.to !== undefined
          ? { start: view.from, end: view.to }
          : undefined);
      const filters = serialiseViewState({
        ...view,
        event: undefined,
        from: undefined,
        to: undefined,
      });
      try {
        const row = await engine.step({
          view: filters,
          ...(view.event !== undefined ? { selected: view.event } : {}),
          ...(win ? { window: win } : {}),
          dir,
        });
        if (!alive) return;
        if (!row) return useUi.getState().say('No events match, so there is nothing to select.');
        setStepped(row);
        updateView({ event: row.event.id });
        // Screen readers hear what j/k selected (the status region is polite).
        useUi
          .getState()
          .say(
            `Selected: ${row.event.title.slice(0, 160)}, ${formatEventDate(row.event, view.tz)}`,
          );
      } catch (e) {
        if (alive)
          useUi
            .getState()
            .say(
              `The next event could not be asked: ${e instanceof Error ? e.message : String(e)}`,
            );
      }
    };
    registerServerCommands({
      step: (dir) => {
        chain = chain.then(() => step(dir));
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
