import { clipText } from '../../domain/clipText';
import { memo } from 'react';
import { useDeferredViewData } from '../../data/page/viewData';
import { profileAnswerOf } from '../../domain/entityProfile';
import { EntityProfileCard } from '../../ui/EntityProfileCard';
import type { Entity } from '../../domain/types';
import { updateView } from '../../url/useViewState';
import { toggleExcludedActor, toggleIncludedActor } from '../../url/viewState';
import { formatCount } from '../../domain/formatCount';
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
  const id = `entity-${code}`;
  return (
    <li
      ref={measure}
      data-index={place}
      data-open={open || undefined}
      aria-posinset={place + 1}
      aria-setsize={of}
      style={{ transform: `translateY(${top}px)` }}
      className={`cs-entity${included ? ' is-included' : ''}${excluded ? ' is-excluded' : ''}${count === 0 && !included && !excluded ? ' is-empty' : ''}`}
    >
      <div className="cs-entity-row">
        <input
          id={id}
          type="checkbox"
          checked={included}
          onChange={() => updateView((s) => toggleIncludedActor(s, e.id))}
          // Read as words ("Actor 7, person, 1,027 events"), not the label's run-together text ("Actor 7person").
          aria-label={`${clipText(e.name, 300)}, ${e.type}, ${formatCount(count)} ${count === 1 ? 'event' : 'events'}${excluded ? ', excluded' : ''}`}
        />
        <label
          htmlFor={id}
          className="cs-entity-name"
          title={`${clipText(e.name, 300)}${e.aliases.length ? ` (also: ${clipText(e.aliases.join(', '), 300)})` : ''}`}
        >
          <span className="cs-entity-label">
            {excluded ? <s>{clipText(e.name, 300)}</s> : clipText(e.name, 300)}
          </span>
          <span className="cs-entity-type" title={e.type}>
            {e.type === 'organization' ? 'org.' : e.type}
          </span>
        </label>
        <span className="cs-count" aria-label={`${count} matching events`}>
          {formatCount(count)}
        </span>
        <button
          type="button"
          className={`cs-icon-button${excluded ? ' is-on' : ''}`}
          aria-pressed={excluded}
          aria-label={`Exclude ${clipText(e.name, 300)}`}
          title={excluded ? 'Stop excluding' : 'Exclude'}
          onClick={() => updateView((s) => toggleExcludedActor(s, e.id))}
        >
          ⊘
        </button>
        <button
          type="button"
          className="cs-icon-button"
          aria-expanded={open}
          aria-label={`About ${clipText(e.name, 300)}`}
          title="Profile"
          onClick={() => onToggleOpen(code)}
        >
          i
        </button>
      </div>
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
