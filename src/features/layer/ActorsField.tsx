import { useId, useMemo, useState } from 'react';
import { entityKey } from '../../domain/normalise';
import type { Entity } from '../../domain/types';

/** Options offered by the browser's own autocomplete; a dataset may hold far more entities than a list can show. */
const MAX_OPTIONS = 5000;

interface Props {
  entities: readonly Entity[];
  /** Entity ids of the dataset, or names it does not know. */
  actors: string[];
  onChange(actors: string[]): void;
}

/**
 * Actors of an added event: names offered from the dataset's entities as they are typed; a name the dataset
 * does not know is kept as a new actor.
 */
export function ActorsField({ entities, actors, onChange }: Props) {
  const ids = useId();
  const [typed, setTyped] = useState('');
  const byName = useMemo(() => {
    const m = new Map<string, Entity>();
    for (const e of entities) if (!m.has(entityKey(e.name))) m.set(entityKey(e.name), e);
    return m;
  }, [entities]);
  const byId = useMemo(() => new Map(entities.map((e) => [e.id, e] as const)), [entities]);
  const add = () => {
    const name = typed.replace(/\s+/g, ' ').trim();
    if (!name) return;
    const ref = byName.get(entityKey(name))?.id ?? name;
    if (!actors.includes(ref)) onChange([...actors, ref]);
    setTyped('');
  };
  return (
    <fieldset className="cs-actors-field">
      <legend>Actors</legend>
      {actors.length > 0 && (
        <ul aria-label="Actors of this event">
          {actors.map((a) => {
            const known = byId.get(a);
            return (
              <li key={a}>
                {known ? known.name : a}
                {!known && <span className="cs-muted"> (new)</span>}{' '}
                <button
                  type="button"
                  className="cs-link-button"
                  aria-label={`Remove ${known ? known.name : a}`}
                  onClick={() => onChange(actors.filter((x) => x !== a))}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={`${ids}-actor`}>Actor</label>
      <input
        id={`${ids}-actor`}
        list={`${ids}-entities`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      <datalist id={`${ids}-entities`}>
        {entities.slice(0, MAX_OPTIONS).map((e) => (
          <option key={e.id} value={e.name} />
        ))}
      </datalist>
      <button type="button" onClick={add}>
        Add actor
      </button>
    </fieldset>
  );
}
