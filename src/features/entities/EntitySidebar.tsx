import { measureElement, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { guessRect, observeRectAfterLayout, scrollAfterLayout } from '../../ui/virtualLayout';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useDeferredViewData } from '../../data/page/viewData';
import { ENTITY_TYPES, type EntityType } from '../../domain/types';
import { EntityRow } from './EntityRow';
import './entities.css';
import { formatCount } from '../../domain/formatCount';
import { useFinderFocus } from '../../state/uiStore';

/**
 * A closed row's height as drawn (entities.css). Closed rows are taken at this height, not measured: measuring
 * a row as it mounts reads its size on the spot, a layout of the whole page inside React's commit. A row with its profile open is taller; it is measured, and the browser reports any later
 * change of a row's size after its own layout.
 */
const ROW_PX = 28;

function rowSize(
  el: Element,
  entry: ResizeObserverEntry | undefined,
  v: Virtualizer<HTMLDivElement, Element>,
): number {
  return entry || el.hasAttribute('data-open') ? measureElement(el, entry, v) : ROW_PX;
}

/** Every entity with its live count under the current filters; include, exclude, search, sort, profile. */
/** The entity list; `fold` is the panel's fold button, drawn at the end of the header row. */
export function EntitySidebar({ fold }: { fold?: ReactNode }) {
  const { loaded, view, result } = useDeferredViewData();
  const { index } = loaded;
  const [search, setSearch] = useState('');
  // `e` asks for the finder, perhaps before this list is mounted.
  const finder = useRef<HTMLInputElement>(null);
  useFinderFocus(finder);
  const [sort, setSort] = useState<'count' | 'name'>('count');
  const [type, setType] = useState<EntityType | 'all'>('all');
  // Which rows have their profile open (kept here: a row scrolled out of view is unmounted), by entity id: a
  // merge in the analyst's layer renumbers the entities.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggleOpen = useCallback(
    (code: number) =>
      setOpen((o) => {
        const id = index.entities[code]?.id;
        const next = new Set(o);
        if (id !== undefined && !next.delete(id)) next.add(id);
        return next;
      }),
    [index],
  );

  // Each entity's place in name order, collated once per dataset: the sort below runs on every filter change
  // (counts reorder the list) and comparing names by the locale there costs more than the rest of the list.
  const nameRank = useMemo(() => {
    const collator = new Intl.Collator();
    const order = index.entities.map((_, code) => code);
    order.sort((a, b) => collator.compare(index.entities[a]!.name, index.entities[b]!.name));
    const rank = new Uint32Array(order.length);
    order.forEach((code, i) => (rank[code] = i));
    return rank;
  }, [index]);

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const chosen = new Set([...view.actors, ...view.xactors]);
    const codes: number[] = [];
    index.entities.forEach((e, code) => {
      if (type !== 'all' && e.type !== type) return;
      if (
        needle &&
        !e.name.toLowerCase().includes(needle) &&
        !e.aliases.some((a) => a.toLowerCase().includes(needle))
      )
        return;
      codes.push(code);
    });
    const counts = result.facets.actors;
    codes.sort((a, b) => {
      const pa = chosen.has(index.entities[a]!.id) ? 0 : 1;
      const pb = chosen.has(index.entities[b]!.id) ? 0 : 1;
      if (pa !== pb) return pa - pb;
      if (sort === 'count' && counts[b]! !== counts[a]!) return counts[b]! - counts[a]!;
      return nameRank[a]! - nameRank[b]!;
    });
    return codes;
  }, [index, nameRank, result.facets.actors, search, sort, type, view.actors, view.xactors]);

  // Only the rows in view (and a few around) are in the DOM: a filter change rewrites every count and reorders
  // the rows, which for all rows cost more than the rest of the page's update together.
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; TanStack Virtual is used as documented
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    measureElement: rowSize,
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollAfterLayout,
    initialRect: guessRect(),
    getItemKey: (i) => index.entities[rows[i]!]!.id,
    overscan: 8,
  });

  return (
    <div className="cs-entities">
      <div className="cs-panel-head">
        <h2 className="cs-panel-title">
          Entities <span className="cs-muted">({formatCount(index.entities.length)})</span>
        </h2>
        {fold}
      </div>
      <div className="cs-entities-controls">
        <input
          id="cs-entity-finder"
          ref={finder}
          type="search"
          aria-label="Find entity by name or alias"
          placeholder="Find entity…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label>
          <span className="cs-visually-hidden">Entity type</span>
          <select
            aria-label="Entity type shown"
            value={type}
            onChange={(e) => setType(e.target.value as EntityType | 'all')}
          >
            <option value="all">All types</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="cs-visually-hidden">Sort entities</span>
          <select
            aria-label="Sort entities"
            value={sort}
            onChange={(e) => setSort(e.target.value as 'count' | 'name')}
          >
            <option value="count">By count</option>
            <option value="name">By name</option>
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="cs-muted">
          {index.entities.length === 0
            ? 'This dataset names no actors or entities.'
            : `No entity matches “${search}”.`}
        </p>
      ) : (
        <div ref={scroller} className="cs-entity-scroll">
          <ul
            className="cs-entity-list"
            aria-label={`Entities with event counts, ${formatCount(rows.length)}`}
            style={{ height: virtual.getTotalSize() }}
          >
            {virtual.getVirtualItems().map((v) => {
              const code = rows[v.index]!;
              const e = index.entities[code]!;
              return (
                <EntityRow
                  key={v.key}
                  code={code}
                  entity={e}
                  count={result.facets.actors[code] ?? 0}
                  included={view.actors.includes(e.id)}
                  excluded={view.xactors.includes(e.id)}
                  open={open.has(e.id)}
                  onToggleOpen={toggleOpen}
                  place={v.index}
                  of={rows.length}
                  top={v.start}
                  measure={virtual.measureElement}
                />
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
