import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useDeferredViewData } from '../../data/page/viewData';
import { entityName } from '../../domain/buildIndex';
import { sortedByMeasure, sortedMatches, type ListSortKey } from '../../domain/eventOrder';
import { formatMeasure, measureByName } from '../../domain/measures';
import { formatEventDate } from '../../domain/formatDate';
import { updateView } from '../../url/useViewState';
import { Highlight } from '../../ui/Highlight';
import { useFixedRows } from '../../ui/useFixedRows';
import './events.css';
import { formatCount } from '../../domain/formatCount';
import { matchesInWindow, summariseWindow } from '../../domain/windowNavigation';
import { timelineCommands } from '../../state/timelineCommands';
import { EmptyWindowNote } from '../../ui/EmptyWindowNote';
import { ListScopeBar } from './ListScopeBar';
import { clipText } from '../../domain/clipText';
import { useHover, useHoveredFrom } from '../../state/hoverStore';
import { isAddedId } from '../../domain/addedEvents';
import { useUi } from '../../state/uiStore';

const ROW = 30;
/** Characters of a text laid out in one cell (more never fits), of the tooltip of a title, and actors named. */
const CELL_CHARS = 300;
const TOOLTIP_CHARS = 1000;
const SHOWN_ACTORS = 10;
const COLUMNS: { key: ListSortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'title', label: 'Title' },
  { key: 'type', label: 'Type' },
  { key: 'actors', label: 'Actors' },
  { key: 'place', label: 'Place' },
];

/** The accessible equivalent of the timeline: every matching event as a sortable, virtualised table. */
/** The event table; `fold` is the panel's fold button, drawn at the end of the bar above it. */
export function EventList({ fold }: { fold?: ReactNode }) {
  const { loaded, view, result, layer } = useDeferredViewData();
  const { index } = loaded;
  // The chosen measure gets a column; the order is the link's (a measure order without a measure is date order).
  const measure = useMemo(() => measureByName(index.measures, view.sum), [index, view.sum]);
  const sort =
    view.sort.key === 'measure' && !measure ? { key: 'date' as const, desc: false } : view.sort;
  const columns = measure
    ? [...COLUMNS, { key: 'measure' as const, label: measure.name }]
    : COLUMNS;
  // The timeline's window as the link holds it (written as the analyst pans and zooms); none means "fit the data".
  const { from, to } = view;
  const summary = useMemo(
    () =>
      from !== undefined && to !== undefined
        ? summariseWindow(index, result.matches, result.count, { start: from, end: to })
        : undefined,
    [index, result.matches, result.count, from, to],
  );
  const inViewOnly = view.list === 'view' && from !== undefined && to !== undefined;
  const rows = useMemo(() => {
    const matches = inViewOnly
      ? matchesInWindow(index, result.matches, { start: from, end: to })
      : result.matches;
    return sort.key === 'measure' && measure
      ? sortedByMeasure(matches, measure.values, sort.desc)
      : sortedMatches(index, matches, sort.key === 'measure' ? 'date' : sort.key, sort.desc);
  }, [index, result.matches, sort.key, sort.desc, measure, inViewOnly, from, to]);
  const scroller = useRef<HTMLDivElement>(null);
  const inView = useFixedRows(scroller, rows.length, ROW, 12);
  const { scrollToIndex } = inView;
  const selected = view.event !== undefined ? index.byId.get(view.event) : undefined;
  const selectedRow = useMemo(
    () => (selected === undefined ? -1 : rows.indexOf(selected)),
    [rows, selected],
  );

  // Keep the selected event's row in view when the selection comes from elsewhere (timeline, j/k).
  useEffect(() => {
    if (selectedRow >= 0) scrollToIndex(selectedRow);
  }, [selectedRow, scrollToIndex]);

  // One row is the list's tab stop: the selected one while it is drawn, else the first row drawn, so the
  // keyboard can always enter the list however far it has been scrolled.
  const tabStop =
    selectedRow >= inView.first && selectedRow < inView.end ? selectedRow : inView.first;
  const select = (pos: number) => updateView({ event: index.events.at(pos)!.id });
  const hoveredElsewhere = useHoveredFrom('list');
  const hover = useHover((s) => s.hover);
  const onKey = (e: React.KeyboardEvent, rowIndex: number) => {
    const next =
      e.key === 'ArrowDown'
        ? rowIndex + 1
        : e.key === 'ArrowUp'
          ? rowIndex - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? rows.length - 1
              : -2;
    if (next === -2) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select(rows[rowIndex]!);
        document.getElementById('cs-details-heading')?.focus();
      }
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    const clamped = Math.max(0, Math.min(rows.length - 1, next));
    select(rows[clamped]!);
    scrollToIndex(clamped);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-row="${clamped}"]`)?.focus(),
    );
  };

  // A row lays out what fits on one line, however long the data: a clipped title and the first few actors.
  const name = (id: string) => clipText(entityName(index, id), CELL_CHARS);
  const actorsText = (actors: readonly string[]) =>
    actors.length > SHOWN_ACTORS
      ? `${actors.slice(0, SHOWN_ACTORS).map(name).join(', ')} and ${formatCount(actors.length - SHOWN_ACTORS)} more`
      : actors.map(name).join(', ');
  const terms = result.highlightTerms;
  const scopeBar = (
    <div className="cs-list-bar">
      <ListScopeBar scope={view.list} total={result.count} inView={summary?.inView} />
      <span className="cs-list-bar-end">
        <button
          type="button"
          title="Add an event of your own (n)"
          onClick={() => useUi.getState().openEventForm()}
        >
          Add event
        </button>
        {fold}
      </span>
    </div>
  );
  const nearest = summary?.nearest;
  const emptyWindow =
    summary && summary.inView === 0 && result.count > 0 ? (
      <EmptyWindowNote
        before={summary.before}
        after={summary.after}
        {...(nearest !== undefined
          ? {
              nearest: {
                label: `${index.events.at(nearest)!.title}, ${formatEventDate(index.events.at(nearest)!, view.tz)}`,
                later: index.starts[nearest]! >= (to ?? 0),
              },
            }
          : {})}
        onGoToNearest={() => nearest !== undefined && timelineCommands()?.reveal(nearest)}
      />
    ) : null;
  if (rows.length === 0) {
    return (
      <div className="cs-events-empty">
        {scopeBar}
        {emptyWindow ?? (
          <p>No events match. The filters above say why; remove one or use Clear all.</p>
        )}
      </div>
    );
  }
  return (
    <div className="cs-events">
      {scopeBar}
      {emptyWindow}
      <div
        role="table"
        aria-label={`${inViewOnly ? 'Matching events in view' : 'Matching events'}, ${formatCount(rows.length)} rows`}
        aria-rowcount={rows.length + 1}
        className="cs-table"
        {...(measure ? { 'data-measure': measure.name } : {})}
      >
        <div role="rowgroup">
          <div role="row" className="cs-tr cs-thead" aria-rowindex={1}>
            {columns.map((c) => (
              <div
                role="columnheader"
                key={c.key}
                className={`cs-th cs-col-${c.key}`}
                aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  onClick={() =>
                    updateView({
                      sort: { key: c.key, desc: sort.key === c.key ? !sort.desc : false },
                    })
                  }
                >
                  {c.label}
                  {sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                </button>
              </div>
            ))}
          </div>
        </div>
        <div ref={scroller} className="cs-tbody-scroll" role="rowgroup">
          <div style={{ height: inView.total, position: 'relative' }}>
            {Array.from({ length: inView.end - inView.first }, (_, k) => {
              const row = inView.first + k;
              const pos = rows[row]!;
              const e = index.events.at(pos)!;
              const isSel = pos === selected;
              return (
                <div
                  role="row"
                  key={pos}
                  data-row={row}
                  aria-rowindex={row + 2}
                  aria-selected={isSel}
                  tabIndex={row === tabStop ? 0 : -1}
                  className={`cs-tr${isSel ? ' is-selected' : ''}${pos === hoveredElsewhere ? ' is-hovered' : ''}`}
                  style={{
                    position: 'absolute',
                    top: 0,
                    transform: `translateY(${row * ROW}px)`,
                    height: ROW,
                    width: '100%',
                  }}
                  onClick={() => select(pos)}
                  onPointerEnter={() => hover(pos, 'list')}
                  onPointerLeave={() => hover(undefined, 'list')}
                  onKeyDown={(ev) => onKey(ev, row)}
                >
                  <div role="cell" className="cs-td cs-col-date">
                    {formatEventDate(e, view.tz)}
                  </div>
                  <div
                    role="cell"
                    className="cs-td cs-col-title"
                    title={clipText(e.title, TOOLTIP_CHARS)}
                  >
                    {isAddedId(e.id) && (
                      <span className="cs-mark-added" role="img" aria-label="added by you">
                        +
                      </span>
                    )}
                    {layer.indexed.starred.has(pos) && (
                      <span className="cs-mark-star" role="img" aria-label="starred">
                        ★
                      </span>
                    )}
                    {layer.indexed.notes.has(pos) && (
                      <span className="cs-mark-note" role="img" aria-label="has a note">
                        ✎
                      </span>
                    )}
                    <Highlight text={e.title} terms={terms} max={CELL_CHARS} />
                  </div>
                  <div role="cell" className="cs-td cs-col-type">
                    {clipText(e.type ?? '', CELL_CHARS)}
                  </div>
                  <div role="cell" className="cs-td cs-col-actors">
                    <Highlight text={actorsText(e.actors)} terms={terms} max={CELL_CHARS} />
                  </div>
                  <div role="cell" className="cs-td cs-col-place">
                    {clipText(e.location?.name ?? '', CELL_CHARS)}
                  </div>
                  {measure && (
                    <div role="cell" className="cs-td cs-col-measure">
                      {Number.isNaN(measure.values[pos]!)
                        ? ''
                        : formatMeasure(measure.values[pos]!)}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
