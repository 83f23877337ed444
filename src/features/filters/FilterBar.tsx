import { formatCount } from '../../domain/formatCount';
import { useEffect, useRef, useState } from 'react';
import { useTextStatus, useViewData } from '../../data/page/viewData';
import { describePrecision } from '../../domain/formatDate';
import { GROUP_BYS, type GroupBy } from '../../domain/lanes';
import { ENTITY_TYPES, PRECISIONS } from '../../domain/types';
import { updateView } from '../../url/useViewState';
import type { ViewState } from '../../url/viewState';
import { ActiveChips } from './ActiveChips';
import { DateRangeFields } from './DateRangeFields';
import { FacetPicker, type FacetOption } from './FacetPicker';
import { Popover } from './Popover';
import { SpellingNote } from './SpellingNote';
import './filters.css';

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
  const { loaded, view, result, layer } = useViewData();
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

  return (
    <div className="cs-filterbar">
      <div className="cs-filter-row">
        <input
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
        <FacetPicker
          label="Event type"
          options={options(index.types.values, result.facets.types)}
          selected={view.types}
          onToggle={(v) => toggle('types', v)}
        />
        <FacetPicker
          label="Tag"
          options={options(index.tags.values, result.facets.tags)}
          selected={view.tags}
          onToggle={(v) => toggle('tags', v)}
        />
        <FacetPicker
          label="Place"
          options={options(index.places.values, result.facets.places)}
          selected={view.places}
          onToggle={(v) => toggle('places', v)}
        />
        <Popover
          label="Dates"
          className="cs-dates-popover"
          badge={view.since || view.until ? 1 : 0}
        >
          <DateRangeFields
            since={view.since}
            until={view.until}
            {...(view.from !== undefined && view.to !== undefined
              ? { window: { from: view.from, to: view.to } }
              : {})}
          />
        </Popover>
        <Popover
          label="More filters"
          className="cs-more-filters"
          badge={view.etypes.length + view.prec.length + view.atags.length + (view.starred ? 1 : 0)}
        >
          <FacetPicker
            label="Actor type"
            options={options(ENTITY_TYPES, result.facets.etypes)}
            selected={view.etypes}
            onToggle={(v) => toggle('etypes', v)}
          />
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
          <label className="cs-starred-filter">
            <input
              type="checkbox"
              checked={view.starred}
              onChange={(e) => updateView({ starred: e.target.checked })}
            />
            Starred <span className="cs-count">{formatCount(result.layer.starred)}</span>
          </label>
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
        </Popover>
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
