import { useLayoutEffect, useRef } from 'react';
import { toggleStar } from '../domain/annotations';
import type { ViewData } from '../data/page/viewData';
import { formatEventDate } from '../domain/formatDate';
import { GROUP_BYS } from '../domain/lanes';
import { stepFromWindow } from '../domain/windowNavigation';
import { serverCommands } from '../state/serverCommands';
import { timelineCommands, windowOnScreen } from '../state/timelineCommands';
import { useUi } from '../state/uiStore';
import { useLayout, type PanelName } from '../state/layoutStore';
import { focusEntityFinder } from './panels';
import { currentView } from '../url/currentView';
import { updateView } from '../url/useViewState';
import { toggleIncludedActor } from '../url/viewState';
import { copyViewLink } from './Header';
import { availableOn, commandFor, type Engine } from './keymap';
import { effectiveTheme } from './useTheme';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(type);
  }
  return false;
}

const PANEL_OF: Record<'toggle-entities' | 'toggle-details' | 'toggle-list', PanelName> = {
  'toggle-entities': 'entities',
  'toggle-details': 'details',
  'toggle-list': 'list',
};

/**
 * What the shortcuts act on: a dataset in the page (its index, results and layer), or one the server answers,
 * where the shortcuts that need the index do nothing (keymap.ts's fileOnly; the help dialog lists them apart).
 * The view they act on is the address's (currentView), read at each key.
 */
export type ShortcutTarget =
  { engine: 'file'; data: ViewData } | { engine: Exclude<Engine, 'file'> };

/** Keyboard-first work: every shortcut of KEYMAP that the dataset's engine allows, never while typing in a field. */
export function useShortcuts(target: ShortcutTarget | null): void {
  const ref = useRef(target);
  // Before paint: a key pressed as soon as the dataset is on screen acts on it (a passive effect can run after
  // that first paint, and the key would find no target).
  useLayoutEffect(() => {
    ref.current = target;
  });
  // Listening from the commit too: the app's first render is often the dataset's first draw (it loads while React
  // does), and a passive effect would leave that draw on screen, deaf to keys, until React next yields.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const command = commandFor(e.key);
      if (command === undefined) return;
      const ui = useUi.getState();
      if (command === 'escape') {
        if (ui.dialog) return; // the dialog closes itself
        if (isTyping(e.target)) {
          (e.target as HTMLElement).blur();
          return;
        }
        if (currentView().state.event !== undefined) updateView({ event: undefined });
        return;
      }
      const target = ref.current;
      if (isTyping(e.target) || ui.dialog || !target || !availableOn(command, target.engine))
        return;
      // The view as the address holds it now: a key pressed again before React has drawn the last one's change
      // (j j, g g in quick succession) acts on that change, not on the view last drawn.
      const view = currentView().state;
      const file = target.engine === 'file' ? target.data : undefined;
      const tl = timelineCommands();
      const inList =
        e.target instanceof HTMLElement &&
        e.target.closest('[role="table"], details, .cs-entity-list, select');
      const selected =
        view.event !== undefined ? file?.loaded.index.byId.get(view.event) : undefined;
      switch (command) {
        case 'search':
          e.preventDefault();
          document.getElementById('cs-search')?.focus();
          break;
        case 'next':
        case 'previous': {
          if (!file) {
            serverCommands()?.step(command === 'next' ? 1 : -1);
            break;
          }
          const { loaded, result } = file;
          // From what is on screen: the timeline's own window, else the link's.
          const win = windowOnScreen(view);
          const next = stepFromWindow(
            loaded.index,
            result.matches,
            selected,
            win,
            command === 'next' ? 1 : -1,
          );
          if (next !== undefined) {
            const ev = loaded.index.events.at(next)!;
            updateView({ event: ev.id });
            // Screen readers hear what j/k selected (the status region is polite).
            ui.say(`Selected: ${ev.title.slice(0, 160)}, ${formatEventDate(ev, view.tz)}`);
          }
          break;
        }
        case 'open-details':
          // Where Enter already means something (a button, link, disclosure, table row), it keeps that meaning.
          // (On a server dataset the details are read by id: a selection is all there is to know.)
          if (
            (file ? selected !== undefined : view.event !== undefined) &&
            !(
              e.target instanceof HTMLElement &&
              e.target.closest('button, a, summary, [role="row"]')
            )
          ) {
            e.preventDefault();
            ui.setDrawer('details');
            document.getElementById('cs-details-heading')?.focus();
          }
          break;
        case 'zoom-in':
          tl?.zoom(0.5);
          break;
        case 'zoom-out':
          tl?.zoom(1.5);
          break;
        case 'pan-left':
        case 'pan-right':
          if (inList) return;
          e.preventDefault();
          tl?.pan(command === 'pan-left' ? -0.2 : 0.2);
          break;
        case 'fit':
          tl?.fit();
          break;
        case 'cycle-lanes':
          updateView({ group: GROUP_BYS[(GROUP_BYS.indexOf(view.group) + 1) % GROUP_BYS.length]! });
          break;
        case 'star':
          if (file && selected !== undefined)
            file.layer.session.change(file.loaded.index.events.at(selected)!.id, toggleStar);
          break;
        case 'add-event':
          e.preventDefault();
          ui.openEventForm();
          break;
        case 'toggle-map':
          updateView({ geo: !view.geo });
          break;
        case 'copy-link':
          void copyViewLink();
          break;
        case 'toggle-actor': {
          const actor = file
            ? selected !== undefined
              ? file.loaded.index.events.at(selected)!.actors[0]
              : undefined
            : serverCommands()?.selectedActors()[0];
          if (actor !== undefined) updateView((s) => toggleIncludedActor(s, actor));
          break;
        }
        case 'theme':
          ui.setTheme(effectiveTheme(ui.theme) === 'dark' ? 'light' : 'dark');
          break;
        case 'toggle-entities':
        case 'toggle-details':
        case 'toggle-list':
          useLayout.getState().toggle(PANEL_OF[command]);
          break;
        case 'find-entity':
          e.preventDefault();
          // On a file, its panel opens first; a server dataset's finder is in its facets, always shown.
          if (file) focusEntityFinder();
          else ui.setFocusFinder(true);
          break;
        case 'help':
          ui.openDialog('help');
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
