import { clipText } from '../domain/clipText';
import { formatCount } from '../domain/formatCount';
import type { Entity } from '../domain/types';
import './entityFacetRow.css';

/**
 * The classes of an entity's list item that say its state (included, excluded, without matching events): the
 * row below reads them, so that both workspaces show a chosen entity alike.
 */
export function entityStateClass(included: boolean, excluded: boolean, count: number): string {
  return `${included ? ' is-included' : ''}${excluded ? ' is-excluded' : ''}${count === 0 && !included && !excluded ? ' is-empty' : ''}`;
}

interface Props {
  /** The checkbox's element id (its label points at it). */
  id: string;
  entity: Entity;
  count: number;
  included: boolean;
  excluded: boolean;
  /** Whether its profile is open under the row. */
  open: boolean;
  onInclude(): void;
  onExclude(): void;
  onToggleOpen(): void;
}

/**
 * One entity as a facet value: a checkbox that includes it, its name and type, its count, exclude and profile
 * buttons. The list item around it carries entityStateClass.
 */
export function EntityFacetRow({
  id,
  entity: e,
  count,
  included,
  excluded,
  open,
  onInclude,
  onExclude,
  onToggleOpen,
}: Props) {
  const name = clipText(e.name, 300);
  return (
    <div className="cs-entity-row">
      <input
        id={id}
        type="checkbox"
        checked={included}
        onChange={onInclude}
        // Read as words ("Actor 7, person, 1,027 events"), not the label's run-together text ("Actor 7person").
        aria-label={`${name}, ${e.type}, ${formatCount(count)} ${count === 1 ? 'event' : 'events'}${excluded ? ', excluded' : ''}`}
      />
      <label
        htmlFor={id}
        className="cs-entity-name"
        title={`${name}${e.aliases.length ? ` (also: ${clipText(e.aliases.join(', '), 300)})` : ''}`}
      >
        <span className="cs-entity-label">{excluded ? <s>{name}</s> : name}</span>
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
        aria-label={`Exclude ${name}`}
        title={excluded ? 'Stop excluding' : 'Exclude'}
        onClick={onExclude}
      >
        ⊘
      </button>
      <button
        type="button"
        className="cs-icon-button"
        aria-expanded={open}
        aria-label={`About ${name}`}
        title="Profile"
        onClick={onToggleOpen}
      >
        i
      </button>
    </div>
  );
}
