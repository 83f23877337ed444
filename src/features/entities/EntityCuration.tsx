import { useId, useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import { clipText } from '../../domain/clipText';
import {
  cleanName,
  editEntity,
  mergedInto,
  mergeEntity,
  unmergeEntity,
} from '../../domain/curation';
import { entityKey } from '../../domain/normalise';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../domain/types';
import { useUi } from '../../state/uiStore';

/** Options offered by the browser's autocomplete for "Merge into". */
const MAX_OPTIONS = 5000;

/**
 * The analyst's curation of one entity, from its profile: rename it, set its type, add aliases, merge it into
 * another entity, or undo a merge into it. Kept in the analyst's layer; the dataset's entities stay as they were.
 */
export function EntityCuration({ entity: e }: { entity: Entity }) {
  const { loaded, layer } = useViewData();
  const { session, state, joined } = layer;
  const curation = state.layer.curation;
  const ids = useId();
  const [name, setName] = useState(e.name);
  const [alias, setAlias] = useState('');
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const others = loaded.index.entities.filter((x) => x.id !== e.id);
  const baseName = (id: string) => {
    const code = joined.base.entityLookup.get(id);
    return code !== undefined ? joined.base.entities[code]!.name : id;
  };
  const merged = mergedInto(curation, e.id);

  const merge = () => {
    const key = entityKey(target);
    const into = others.find((x) => entityKey(x.name) === key || x.id === target.trim());
    if (!into) {
      setProblem('Choose an entity of this dataset to merge into.');
      return;
    }
    const r = mergeEntity(curation, e.id, into.id);
    if (!r.ok) {
      setProblem(r.error);
      return;
    }
    setProblem(undefined);
    session.curate(() => r.curation);
    useUi
      .getState()
      .offerUndo(`Merged “${clipText(e.name, 60)}” into “${clipText(into.name, 60)}”.`, () =>
        session.curate((c) => unmergeEntity(c, e.id)),
      );
  };

  return (
    <details className="cs-curation">
      <summary>Curate this entity</summary>
      <div className="cs-curation-row">
        <label htmlFor={`${ids}-name`}>Display name</label>
        <input id={`${ids}-name`} value={name} onChange={(ev) => setName(ev.target.value)} />
        <button
          type="button"
          disabled={!cleanName(name) || cleanName(name) === e.name}
          onClick={() => session.curate((c) => editEntity(c, e.id, (x) => ({ ...x, name })))}
        >
          Rename
        </button>
      </div>
      <div className="cs-curation-row">
        <label htmlFor={`${ids}-type`}>Type</label>
        <select
          id={`${ids}-type`}
          value={e.type}
          onChange={(ev) =>
            session.curate((c) =>
              editEntity(c, e.id, (x) => ({ ...x, type: ev.target.value as EntityType })),
            )
          }
        >
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="cs-curation-row">
        <label htmlFor={`${ids}-alias`}>Alias</label>
        <input id={`${ids}-alias`} value={alias} onChange={(ev) => setAlias(ev.target.value)} />
        <button
          type="button"
          disabled={!cleanName(alias)}
          onClick={() => {
            session.curate((c) =>
              editEntity(c, e.id, (x) => ({ ...x, aliases: [...(x.aliases ?? []), alias] })),
            );
            setAlias('');
          }}
        >
          Add alias
        </button>
      </div>
      <div className="cs-curation-row">
        <label htmlFor={`${ids}-merge`}>Merge into</label>
        <input
          id={`${ids}-merge`}
          list={`${ids}-others`}
          value={target}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ids}-merge-error` : undefined}
          onChange={(ev) => setTarget(ev.target.value)}
        />
        <datalist id={`${ids}-others`}>
          {others.slice(0, MAX_OPTIONS).map((x) => (
            <option key={x.id} value={x.name} />
          ))}
        </datalist>
        <button type="button" disabled={!target.trim()} onClick={merge}>
          Merge
        </button>
      </div>
      {problem && (
        <p id={`${ids}-merge-error`} className="cs-field-error">
          {problem}
        </p>
      )}
      {merged.length > 0 && (
        <>
          <p className="cs-muted">Merged into this one:</p>
          <ul aria-label="Merged into this entity">
            {merged.map((id) => (
              <li key={id}>
                {clipText(baseName(id), 120)}{' '}
                <button
                  type="button"
                  className="cs-link-button"
                  onClick={() => session.curate((c) => unmergeEntity(c, id))}
                >
                  Unmerge {clipText(baseName(id), 80)}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
