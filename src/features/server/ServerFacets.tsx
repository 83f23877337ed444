import { useMemo, useRef, useState } from 'react';
import type { ServerMetadata } from '../../data/page/serverApi';
import { formatCount } from '../../domain/formatCount';
import { GROUP_BYS, type GroupBy } from '../../domain/lanes';
import { isUnfiltered, type Filters } from '../../domain/filters';
import type { ViewAnswer } from '../../domain/viewAnswer';
import { updateView } from '../../url/useViewState';
import {
  toggleExcludedActor,
  toggleIncludedActor,
  withoutFilters,
  type ViewState,
} from '../../url/viewState';
import { EntityFacetRow, entityStateClass } from '../../ui/EntityFacetRow';
import { FacetOption } from '../../ui/FacetOption';
import { useFinderFocus } from '../../state/uiStore';
import { ServerEntityProfile } from './ServerEntityProfile';
import { DateRangeFields } from '../filters/DateRangeFields';
import './server.css';

/** Most values a facet lists; the rest are reached by search. */
const SHOWN = 40;

type ListKey = 'types' | 'tags' | 'places' | 'prec';

const toggle = (list: readonly string[], v: string) =>
  list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

const GROUP_LABELS: Record<GroupBy, string> = {
  none: 'No lanes',
  actor: 'Lanes by actor',
  type: 'Lanes by type',
  place: 'Lanes by place',
};

interface Props {
  meta: ServerMetadata;
  view: ViewState;
  answer: ViewAnswer;
  /** The view's filters serialised (no window, lanes or selection): what an entity's profile is asked under. */
  filtersView: string;
}

/** The count, the text search, lanes, and every facet with its counts under the facet rule, for a server dataset. */
export function ServerFacets({ meta, view, answer, filtersView }: Props) {
  const entities = useMemo(() => new Map(meta.entities.map((e) => [e.id, e])), [meta.entities]);
  const [q, setQ] = useState(view.q);
  // The actors whose profile is open, by id.
  const [open, setOpen] = useState<readonly string[]>([]);
  // The finder: every actor of the dataset whose name or alias holds it, busiest first (`e` focuses it, as the
  // file workspace's entity finder). Without it, the busiest under the filters.
  const [find, setFind] = useState('');
  const finder = useRef<HTMLInputElement>(null);
  useFinderFocus(finder);
  const needle = find.trim().toLowerCase();
  const actors = useMemo(() => {
    const chosen = new Set([...view.actors, ...view.xactors]);
    const found = needle
      ? meta.entities
          .filter(
            (e) =>
              !chosen.has(e.id) &&
              (e.name.toLowerCase().includes(needle) ||
                e.aliases.some((a) => a.toLowerCase().includes(needle))),
          )
          .map((e) => [e.id, answer.facets.actors[e.id] ?? 0] as const)
      : Object.entries(answer.facets.actors).filter(([id]) => !chosen.has(id));
    const counted = found.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, SHOWN);
    return {
      rows: [...[...chosen].map((id) => [id, answer.facets.actors[id] ?? 0] as const), ...counted],
      more: found.length - counted.length,
      found: found.length,
    };
  }, [answer.facets.actors, view.actors, view.xactors, meta.entities, needle]);
  return (
    <div className="cs-server-facets">
      <p className="cs-server-count">
        <strong>{formatCount(answer.count)}</strong> of {formatCount(meta.eventCount)} events
      </p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          updateView({ q: q.trim() });
        }}
      >
        <label>
          Search events
          <input id="cs-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      <section aria-label="Dates" className="cs-server-dates">
        <h3>Dates</h3>
        <DateRangeFields view={view} />
      </section>
      <label>
        Lanes
        <select
          value={view.group}
          onChange={(e) => updateView({ group: e.target.value as GroupBy })}
        >
          {GROUP_BYS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABELS[g]}
            </option>
          ))}
        </select>
      </label>
      {!isUnfiltered(view as Filters) && (
        <button type="button" onClick={() => updateView(withoutFilters)}>
          Clear all filters
        </button>
      )}
      <section aria-label="Actors">
        <h3>Actors</h3>
        <input
          ref={finder}
          type="search"
          aria-label="Find an actor by name or alias"
          placeholder="Find actor…"
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
        {needle && actors.found === 0 && (
          <p className="cs-muted">No actor of this dataset is called “{find.trim()}”.</p>
        )}
        <ul>
          {actors.rows.map(([id, count]) => {
            const entity = entities.get(id);
            const name = entity?.name ?? id;
            const included = view.actors.includes(id);
            const excluded = view.xactors.includes(id);
            const profiled = open.includes(id);
            return (
              <li
                key={id}
                className={`cs-server-actor${entityStateClass(included, excluded, count)}`}
              >
                <EntityFacetRow
                  id={`server-actor-${id}`}
                  entity={entity ?? { id, name, type: 'unknown', aliases: [] }}
                  count={count}
                  included={included}
                  excluded={excluded}
                  open={profiled}
                  onInclude={() => updateView((s) => toggleIncludedActor(s, id))}
                  onExclude={() => updateView((s) => toggleExcludedActor(s, id))}
                  onToggleOpen={() =>
                    setOpen((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]))
                  }
                />
                {entity && profiled && (
                  <ServerEntityProfile entity={entity} view={filtersView} tz={view.tz} />
                )}
              </li>
            );
          })}
        </ul>
        {actors.more > 0 && (
          <p className="cs-muted">
            {formatCount(actors.more)} more {needle ? 'found' : 'with matching events'}: find them
            by name.
          </p>
        )}
      </section>
      <ValueFacet title="Event types" k="types" view={view} counts={answer.facets.types} />
      <ValueFacet title="Tags" k="tags" view={view} counts={answer.facets.tags} />
      <ValueFacet title="Places" k="places" view={view} counts={answer.facets.places} />
      <ValueFacet title="Date precision" k="prec" view={view} counts={answer.facets.prec} />
    </div>
  );
}

function ValueFacet({
  title,
  k,
  view,
  counts,
}: {
  title: string;
  k: ListKey;
  view: ViewState;
  counts: Record<string, number>;
}) {
  const chosen = view[k] as readonly string[];
  const values = [
    ...chosen,
    ...Object.entries(counts)
      .filter(([v]) => !chosen.includes(v))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, SHOWN)
      .map(([v]) => v),
  ];
  if (values.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {values.map((v) => (
        <FacetOption
          key={v}
          label={v}
          count={counts[v] ?? 0}
          checked={chosen.includes(v)}
          onToggle={() => updateView((s) => ({ ...s, [k]: toggle(s[k] as readonly string[], v) }))}
        />
      ))}
    </section>
  );
}
