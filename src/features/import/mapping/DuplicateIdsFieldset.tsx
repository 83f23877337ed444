import { withField, type MappingPartProps } from './mappingProps';

const CHOICES = {
  auto: 'Keep every row whose content differs (ids made unique); drop exact copies',
  keep: 'Keep every row (ids made unique)',
  first: 'Keep the first row with each id',
} as const;

/** What happens to rows that share an id: the analyst's choice, with the default of keeping differing rows. */
export function DuplicateIdsFieldset({
  m,
  setM,
  id,
  repeatedIds,
}: MappingPartProps & { repeatedIds: string[] }) {
  if (m.id === undefined) return null;
  return (
    <fieldset>
      <legend>Rows that share an id</legend>
      {repeatedIds.length > 0 && (
        <p className="cs-note">
          Some of the first rows share an id ({repeatedIds.slice(0, 3).join(', ')}
          {repeatedIds.length > 3 ? '…' : ''}).
        </p>
      )}
      {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((choice) => (
        <label key={choice} className="cs-check">
          <input
            type="radio"
            name={`${id}-duplicates`}
            checked={(m.duplicates ?? 'auto') === choice}
            onChange={() =>
              setM((prev) => withField(prev, 'duplicates', choice === 'auto' ? undefined : choice))
            }
          />
          {CHOICES[choice]}
        </label>
      ))}
    </fieldset>
  );
}
