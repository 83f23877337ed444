import type { MappingPartProps } from './mappingProps';

const FIELDS = [
  ['url', 'urlSeparator', 'Several source URLs in one cell, separated by'],
  ['tags', 'tagSeparator', 'Several tags in one cell, separated by'],
] as const;

/** The separators that split a source URL or tag cell into several values. */
export function ManyValuesFieldset({ m, setM }: MappingPartProps) {
  const shown = FIELDS.filter(([role]) => m[role] !== undefined);
  if (shown.length === 0) return null;
  return (
    <fieldset>
      <legend>Several values in one cell</legend>
      {shown.map(([role, field, label]) => (
        <label key={role}>
          <span>{label}</span>
          <input
            type="text"
            maxLength={3}
            size={4}
            value={m[field] ?? ''}
            placeholder="none"
            onChange={(e) => {
              const value = e.target.value;
              setM((prev) => {
                const next = { ...prev };
                if (value === '') delete next[field];
                else next[field] = value;
                return next;
              });
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}
