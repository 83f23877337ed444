import { useViewData } from '../../data/page/viewData';
import { entityName } from '../../domain/buildIndex';
import { isUnfiltered } from '../../domain/filters';
import { formatBbox } from '../../domain/geo';
import { describeMeasureRange, measureByName } from '../../domain/measures';
import { updateView } from '../../url/useViewState';
import { withoutFilters, type ViewState } from '../../url/viewState';
import { useRef } from 'react';
import { Chip } from '../../ui/Chip';
import { useScrollEdges } from '../../ui/useScrollEdges';

/** The room the chips keep on the filter row before pickers fold to make it. */
const CHIPS_MIN = 160;
/** Pickers fold to give the chips the room they take on one line, up to this; more chips scroll sideways. */
const CHIPS_MAX = 480;

type ListKey = 'actors' | 'xactors' | 'types' | 'tags' | 'places' | 'prec' | 'etypes' | 'atags';

const remove = (key: ListKey, value: string) =>
  updateView(
    (s) => ({ ...s, [key]: (s[key] as string[]).filter((v) => v !== value) }) as ViewState,
  );

/** Every active filter as a removable chip; values the dataset lacks are marked stale, never silently dropped. */
export function ActiveChips() {
  const { loaded, view, result } = useViewData();
  const chips = useRef<HTMLDivElement>(null);
  useScrollEdges(chips, view);
  if (isUnfiltered(view)) return null;
  const name = (id: string) => entityName(loaded.index, id);
  const stale = result.stale;
  return (
    <div
      ref={chips}
      className="cs-chips"
      aria-label="Active filters"
      role="group"
      data-fold-min={CHIPS_MIN}
      data-fold-max={CHIPS_MAX}
    >
      {view.q.trim() && <Chip label={`text “${view.q}”`} onRemove={() => updateView({ q: '' })} />}
      {view.actors.map((a) => (
        <Chip
          key={`a${a}`}
          label={`actor ${name(a)}`}
          kind="include"
          stale={stale.actors.includes(a)}
          onRemove={() => remove('actors', a)}
        />
      ))}
      {view.xactors.map((a) => (
        <Chip
          key={`x${a}`}
          label={`actor ${name(a)}`}
          kind="exclude"
          stale={stale.xactors.includes(a)}
          onRemove={() => remove('xactors', a)}
        />
      ))}
      {view.actors.length > 1 && <span className="cs-muted">(match {view.match})</span>}
      {view.etypes.map((t) => (
        <Chip key={`e${t}`} label={`actor type ${t}`} onRemove={() => remove('etypes', t)} />
      ))}
      {view.types.map((t) => (
        <Chip
          key={`t${t}`}
          label={`type ${t}`}
          stale={stale.types.includes(t)}
          onRemove={() => remove('types', t)}
        />
      ))}
      {view.tags.map((t) => (
        <Chip
          key={`g${t}`}
          label={`tag ${t}`}
          stale={stale.tags.includes(t)}
          onRemove={() => remove('tags', t)}
        />
      ))}
      {view.places.map((t) => (
        <Chip
          key={`p${t}`}
          label={`place ${t}`}
          stale={stale.places.includes(t)}
          onRemove={() => remove('places', t)}
        />
      ))}
      {view.prec.map((t) => (
        <Chip key={`r${t}`} label={`precision ${t}`} onRemove={() => remove('prec', t)} />
      ))}
      {(view.since || view.until) && (
        <Chip
          label={`dates ${view.since ?? '…'} – ${view.until ?? '…'}`}
          onRemove={() => updateView({ since: undefined, until: undefined })}
        />
      )}
      {view.starred && <Chip label="starred" onRemove={() => updateView({ starred: false })} />}
      {view.atags.map((t) => (
        <Chip key={`at${t}`} label={`analyst tag ${t}`} onRemove={() => remove('atags', t)} />
      ))}
      {view.measures.map((r) => (
        <Chip
          key={`m${r.name}`}
          label={describeMeasureRange(r)}
          stale={!measureByName(loaded.index.measures, r.name)}
          onRemove={() =>
            updateView((s) => ({ ...s, measures: s.measures.filter((m) => m.name !== r.name) }))
          }
        />
      ))}
      {view.bbox && (
        <Chip
          label={`area ${formatBbox(view.bbox)}`}
          onRemove={() => updateView({ bbox: undefined })}
        />
      )}
      <button type="button" className="cs-clear" onClick={() => updateView(withoutFilters)}>
        Clear all
      </button>
    </div>
  );
}
