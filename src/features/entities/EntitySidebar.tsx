import { useMemo, useState } from 'react';
import { useViewData } from '../../data/viewData';
import { ENTITY_TYPES, type EntityType } from '../../domain/types';
import { EntityRow } from './EntityRow';
import './entities.css';

/** Rows drawn at first; more on request (each row re-renders when its count changes). */
const MAX_ROWS = 100;

/** Every entity with its live count under the current filters; include, exclude, search, sort, profile. */
export function EntitySidebar() {
  const { loaded, view, result } = useViewData();
  const { index } = loaded;
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<'count' | 'name'>('count');
  const [type, setType] = useState<EntityType | 'all'>('all');
  const [limit, setLimit] = useState(MAX_ROWS);

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
      return index.entities[a]!.name.localeCompare(index.entities[b]!.name);
    });
    return codes;
  }, [index, result.facets.actors, search, sort, type, view.actors, view.xactors]);

  return (
    <div className="cs-entities">
      <h2 className="cs-panel-title">
        Entities <span className="cs-muted">({index.entities.length.toLocaleString('en')})</span>
      </h2>
      <div className="cs-entities-controls">
        <input
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
        <ul className="cs-entity-list" aria-label="Entities with event counts">
          {rows.slice(0, limit).map((code) => {
            const e = index.entities[code]!;
            return (
              <EntityRow
                key={e.id}
                code={code}
                entity={e}
                count={result.facets.actors[code] ?? 0}
                included={view.actors.includes(e.id)}
                excluded={view.xactors.includes(e.id)}
              />
            );
          })}
        </ul>
      )}
      {rows.length > limit && (
        <button
          type="button"
          className="cs-link-button"
          onClick={() => setLimit((l) => l + MAX_ROWS)}
        >
          Show {Math.min(MAX_ROWS, rows.length - limit)} more of{' '}
          {(rows.length - limit).toLocaleString('en')}
        </button>
      )}
    </div>
  );
}
