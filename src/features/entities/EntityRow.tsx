import { memo } from 'react';
import { useDeferredViewData } from '../../data/page/viewData';
import { profileAnswerOf } from '../../domain/entityProfile';
import { EntityProfileCard } from '../../ui/EntityProfileCard';
import { EntityFacetRow, entityStateClass } from '../../ui/EntityFacetRow';
import type { Entity } from '../../domain/types';
import { updateView } from '../../url/useViewState';
import { toggleExcludedActor, toggleIncludedActor } from '../../url/viewState';
import { EntityCuration } from './EntityCuration';

interface Props {
  code: number;
  entity: Entity;
  count: number;
  included: boolean;
  excluded: boolean;
  open: boolean;
  onToggleOpen(code: number): void;
  /** Where the row sits in the whole (virtualised) list: index, length, offset in pixels. */
  place: number;
  of: number;
  top: number;
  measure(el: HTMLElement | null): void;
}

/**
 * One entity with its count and actions. Memoised on its own props and reading no context, so a filter change
 * re-renders only the rows whose count or state changed.
 */
export const EntityRow = memo(function EntityRow({
  code,
  entity: e,
  count,
  included,
  excluded,
  open,
  onToggleOpen,
  place,
  of,
  top,
  measure,
}: Props) {
  return (
    <li
      ref={measure}
      data-index={place}
      data-open={open || undefined}
      aria-posinset={place + 1}
      aria-setsize={of}
      style={{ transform: `translateY(${top}px)` }}
      className={`cs-entity${entityStateClass(included, excluded, count)}`}
    >
      <EntityFacetRow
        id={`entity-${code}`}
        entity={e}
        count={count}
        included={included}
        excluded={excluded}
        open={open}
        onInclude={() => updateView((s) => toggleIncludedActor(s, e.id))}
        onExclude={() => updateView((s) => toggleExcludedActor(s, e.id))}
        onToggleOpen={() => onToggleOpen(code)}
      />
      {open && <EntityProfileView code={code} />}
    </li>
  );
});

/** The profile of one entity among the workspace's matching events, with its curation. */
function EntityProfileView({ code }: { code: number }) {
  const { loaded, view, result } = useDeferredViewData();
  const { index } = loaded;
  const e = index.entities[code]!;
  const p = profileAnswerOf(index, result.matches, code);
  return (
    <EntityProfileCard
      entity={e}
      profile={p}
      tz={view.tz}
      onPick={(id) => updateView((s) => toggleIncludedActor(s, id))}
    >
      <EntityCuration key={e.id} entity={e} />
    </EntityProfileCard>
  );
}
