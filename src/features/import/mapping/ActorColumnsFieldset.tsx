import { actorTypeSource, withActorType, type ActorTypeSource } from '../../../domain/csvMapping';
import { ENTITY_TYPES } from '../../../domain/types';
import type { MappingPartProps } from './mappingProps';

/** "type:person" or "column:inter1" in the select; nothing for unknown. */
const sourceValue = (s: ActorTypeSource | undefined) =>
  s === undefined ? '' : 'type' in s ? `type:${s.type}` : `column:${s.column}`;

function sourceOf(value: string): ActorTypeSource | undefined {
  if (value.startsWith('type:')) {
    const type = value.slice(5);
    return (ENTITY_TYPES as readonly string[]).includes(type)
      ? { type: type as ActorTypeSource extends { type: infer T } ? T : never }
      : undefined;
  }
  if (value.startsWith('column:')) return { column: value.slice(7) };
  return undefined;
}

/** Which columns name actors, how one cell holds several, and what kind of entity each column's actors are. */
export function ActorColumnsFieldset({ m, setM, headers }: MappingPartProps) {
  const toggle = (column: string) =>
    setM((prev) => ({
      ...prev,
      actors: prev.actors.includes(column)
        ? prev.actors.filter((a) => a !== column)
        : [...prev.actors, column],
    }));
  const setType = (column: string, value: string) =>
    setM((prev) => withActorType(prev, column, sourceOf(value)));
  return (
    <fieldset>
      <legend>Actor columns</legend>
      {headers.map((h) => (
        <label key={h} className="cs-check">
          <input type="checkbox" checked={m.actors.includes(h)} onChange={() => toggle(h)} />
          {h}
        </label>
      ))}
      <label>
        <span>Several actors in one cell, separated by</span>
        <input
          type="text"
          maxLength={3}
          size={4}
          value={m.separator}
          placeholder="none"
          onChange={(e) => setM((prev) => ({ ...prev, separator: e.target.value }))}
        />
      </label>
      {m.actors.map((column) => (
        <label key={column}>
          <span>Actors of {column} are</span>
          <select
            value={sourceValue(actorTypeSource(m, column))}
            onChange={(e) => setType(column, e.target.value)}
          >
            <option value="">of unknown type</option>
            {ENTITY_TYPES.filter((t) => t !== 'unknown').map((t) => (
              <option key={t} value={`type:${t}`}>
                {t === 'person' ? 'people' : `${t}s`}
              </option>
            ))}
            {headers
              .filter((h) => !m.actors.includes(h))
              .map((h) => (
                <option key={h} value={`column:${h}`}>
                  typed by column {h}
                </option>
              ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
