import type { ColumnRole, CsvMapping } from '../../../domain/csvMapping';
import type { MappingPartProps } from './mappingProps';

const ROLE_LABELS: Record<Exclude<ColumnRole, 'precision'>, string> = {
  date: 'Date',
  time: 'Time of day',
  end: 'End date',
  title: 'Title',
  type: 'Type',
  location: 'Place',
  lat: 'Latitude',
  lon: 'Longitude',
  latlon: 'Latitude, longitude (one column)',
  description: 'Description',
  url: 'Source URL',
  tags: 'Tags',
  id: 'Id',
};

/** One select per single-column role: which header cell holds the date, title, place, coordinates… */
export function ColumnRolesFieldset({ m, setM, headers }: MappingPartProps) {
  const setRole = (role: ColumnRole, column: string) =>
    setM((prev) => {
      const next: CsvMapping = { ...prev };
      if (role === 'date') next.date = column;
      else if (column === '') delete next[role];
      else next[role] = column;
      return next;
    });
  return (
    <fieldset>
      <legend>Columns</legend>
      {(Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((role) => (
        <label key={role}>
          <span>
            {ROLE_LABELS[role]}
            {role === 'date' ? ' (required)' : ''}
          </span>
          <select
            value={m[role] ?? ''}
            required={role === 'date'}
            onChange={(e) => setRole(role, e.target.value)}
          >
            {role !== 'date' && <option value="">(none)</option>}
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
