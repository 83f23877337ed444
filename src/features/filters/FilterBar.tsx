import { formatCount } from '../../domain/formatCount';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { filtersKey } from '../../domain/filters';
import { useFoldToFit } from '../../ui/useFoldToFit';
import { useDeferredViewData, useTextStatus } from '../../data/page/viewData';
import { describePrecision } from '../../domain/formatDate';
import { GROUP_BYS, type GroupBy } from '../../domain/lanes';
import { ENTITY_TYPES, PRECISIONS } from '../../domain/types';
import { updateView } from '../../url/useViewState';
import type { ViewState } from '../../url/viewState';
import { ActiveChips } from './ActiveChips';
import { DateRangeFields } from './DateRangeFields';
import { DatesBrush } from './DatesBrush';
import { FacetPicker, type FacetOption } from './FacetPicker';
import { Popover } from './Popover';
import { SpellingNote } from './SpellingNote';
import './filters.css';

/** The narrowest the search box gets before pickers fold into More filters (its CSS min-width). */
const SEARCH_MIN = 180;

type ListKey = 'types' | 'tags' | 'places' | 'prec' | 'etypes' | 'atags';

function toggle(key: ListKey, value: string) {
  updateView((s) => {
    const list = s[key] as string[];
    return {
      ...s,
      [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value],
    } as ViewState;
  });
}

function options(
  values: readonly string[],
  counts: Uint32Array,
  label: (v: string) => string = (v) => v,
): FacetOption[] {
  return values.map((v, i) => ({ value: v, label: label(v), count: counts[i] ?? 0 }));
}

/** Search, facet pickers with live counts, date range, match mode, grouping, and the active filters as chips. */
export function FilterBar() {
  const { loaded, view, result, layer } = useDeferredViewData();
  const { index } = loaded;
  const analystTags = [...layer.indexed.tags.keys()].sort();
  const { ready: textReady, unavailable: textError } = useTextStatus(loaded);
  const [q, setQ] = useState(view.q);
  // Follow the URL when it changes from elsewhere (Back, a chip, Clear all): adjust state during render.
  const [urlQ, setUrlQ] = useState(view.q);
  if (view.q !== urlQ) {
    setUrlQ(view.q);
    setQ(view.q);
  }
  const row = useRef<HTMLDivElement>(null);
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);

  // A query is asked of the search worker first and written to the URL with its answer at hand, so the page
  // renders once per search; only the latest query counts. Before the index is ready the URL changes at once.
  const asked = useRef(0);
  const commit = (value: string) => {
    clearTimeout(typing.current);
    const seq = ++asked.current;
    if (value.trim() === '' || !loaded.text.isReady()) return updateView({ q: value });
    loaded.text.search(value).then(
      () => seq === asked.current && updateView({ q: value }),
      () => seq === asked.current && updateView({ q: value }),
    );
  };
  const onSearch = (value: string) => {
    setQ(value);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => commit(value), 250);
  };

  const pickers: { key: string; badge: number; node: ReactNode }[] = [
    {
      key: 'types',
      badge: view.types.length,
      node: (
        <FacetPicker
          label="Event type"
          options={options(index.types.values, result.facets.types)}
          selected={view.types}
          onToggle={(v) => toggle('types', v)}
        />
      ),
    },
    {
      key: 'tags',
      badge: view.tags.length,
      node: (
        <FacetPicker
          label="Tag"
          options={options(index.tags.values, result.facets.tags)}
          selected={view.tags}
          onToggle={(v) => toggle('tags', v)}
        />
      ),
    },
    {
      key: 'places',
      badge: view.places.length,
      node: (
        <FacetPicker
          label="Place"
          options={options(index.places.values, result.facets.places)}
          selected={view.places}
          onToggle={(v) => toggle('places', v)}
        />
      ),
    },
    {
      key: 'etypes',
      badge: view.etypes.length,
      node: (
        <FacetPicker
          label="Actor type"
          options={options(ENTITY_TYPES, result.facets.etypes)}
          selected={view.etypes}
          onToggle={(v) => toggle('etypes', v)}
        />
      ),
    },
    {
      key: 'prec',
      badge: view.prec.length,
      node: (
        <FacetPicker
          label="Precision"
          options={options(
            PRECISIONS,
            result.facets.prec,
            (p) => `known ${describePrecision(p as never)}`,
          )}
          selected={view.prec}
          onToggle={(v) => toggle('prec', v)}
        />
      ),
    },
    {
      key: 'atags',
      badge: view.atags.length,
      node: (
        <FacetPicker
          label="Analyst tag"
          options={analystTags.map((t) => ({
            value: t,
            label: t,
            count: result.layer.atags.get(t) ?? 0,
          }))}
          selected={view.atags}
          onToggle={(v) => toggle('atags', v)}
        />
      ),
    },
    {
      key: 'starred',
      badge: view.starred ? 1 : 0,
      node: (
        <label className="cs-starred-filter">
          <input
            type="checkbox"
            checked={view.starred}
            onChange={(e) => updateView({ starred: e.target.checked })}
          />
          Starred <span className="cs-count">{formatCount(result.layer.starred)}</span>
        </label>
      ),
    },
    {
      key: 'match',
      badge: 0,
      node: (
        <fieldset className="cs-match" disabled={view.actors.length < 2}>
          <legend>Chosen actors</legend>
          {(['any', 'all'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="cs-match"
                value={m}
                checked={view.match === m}
                onChange={() => updateView({ match: m })}
              />
              {m === 'any' ? 'any of them' : 'all of them'}
            </label>
          ))}
        </fieldset>
      ),
    },
  ];
  // What the items say changes their widths: badges, counts, the chips (which pickers fold to make room for).
  const version = `${pickers.map((p) => p.badge).join()}|${formatCount(result.layer.starred)}|${filtersKey(view)}`;
  const shown = useFoldToFit(row, pickers.length, version);

  return (
    <div className="cs-filterbar">
      <div className="cs-filter-row" ref={row}>
        <input
          data-fold-min={SEARCH_MIN}
          id="cs-search"
          type="search"
          className="cs-search"
          aria-label="Search events"
          aria-busy={textReady || textError ? undefined : true}
          aria-invalid={textError ? true : undefined}
          title={textError}
          placeholder={
            textError ??
            (textReady ? 'Search: words, "exact phrase"  ( / )' : 'Search index is being built…')
          }
          value={q}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(q);
          }}
        />
        <Popover
          label="Dates"
          className="cs-dates-popover"
          badge={view.since || view.until ? 1 : 0}
          whenOpen={() => <DatesBrush />}
        >
          <DateRangeFields view={view} />
        </Popover>
        {pickers.slice(0, shown).map((p, k) => (
          <div key={p.key} className="cs-fold-item" data-fold={k}>
            {p.node}
          </div>
        ))}
        <div data-fold-menu="" hidden={shown >= pickers.length}>
          <Popover
            label="More filters"
            className="cs-more-filters"
            badge={pickers.slice(shown).reduce((n, p) => n + p.badge, 0)}
          >
            {pickers.slice(shown).map((p) => (
              <div key={p.key}>{p.node}</div>
            ))}
          </Popover>
        </div>
        <label className="cs-group">
          <span className="cs-group-word">Lanes</span>
          <select
            value={view.group}
            onChange={(e) => updateView({ group: e.target.value as GroupBy })}
            aria-label="Group timeline lanes by"
          >
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {g === 'none' ? 'no lanes' : `by ${g}`}
              </option>
            ))}
          </select>
        </label>
        <ActiveChips />
      </div>
      <SpellingNote q={view.q} spellings={result.spellings} />
      {result.notices.map((n) => (
        <p key={n} className="cs-note" role="note">
          {n}
        </p>
      ))}
    </div>
  );
}
