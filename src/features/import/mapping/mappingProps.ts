import type { Dispatch, SetStateAction } from 'react';
import type { CsvMapping } from '../../../domain/csvMapping';

/** What every part of the column-mapping dialog reads and changes. */
export interface MappingPartProps {
  m: CsvMapping;
  setM: Dispatch<SetStateAction<CsvMapping>>;
  headers: readonly string[];
  /** The first rows, one cell per header. */
  rows: readonly (readonly string[])[];
  /** A prefix for ids and radio-group names, unique to this dialog. */
  id: string;
}

/** A copy of the mapping with one optional field set, or left out when `value` is undefined. */
export function withField<K extends keyof CsvMapping>(
  m: CsvMapping,
  key: K,
  value: CsvMapping[K] | undefined,
): CsvMapping {
  const next = { ...m };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
