import './import.css';
import { useId, useMemo, useState } from 'react';
import { recallMapping, rememberMapping } from '../../data/page/csvMappings';
import type { CsvPreview } from '../../data/read/importers/genericCsv';
import { missingColumns, type CsvMapping } from '../../domain/csvMapping';
import { guessMapping } from '../../domain/guessMapping';
import { updateView } from '../../url/useViewState';
import { ActorColumnsFieldset } from './mapping/ActorColumnsFieldset';
import { ColumnRolesFieldset } from './mapping/ColumnRolesFieldset';
import { DateReadingFieldset } from './mapping/DateReadingFieldset';
import { DuplicateIdsFieldset } from './mapping/DuplicateIdsFieldset';
import { ManyValuesFieldset } from './mapping/ManyValuesFieldset';
import { MappingPreviewTable } from './mapping/MappingPreviewTable';
import { previewRows } from './mapping/previewRows';
import { SheetPicker } from './mapping/SheetPicker';

interface Props {
  label: string;
  preview: CsvPreview;
  /** Why the dialog shows (no known layout, or a link's mapping that does not fit). */
  message: string;
  /** The mapping in the link, if any. */
  current?: CsvMapping;
  onCancel(): void;
}

/**
 * The column-mapping dialog for a CSV/TSV of no known layout (or read through the mapping on request): which
 * columns hold the date and how it reads, title, actors, type, place and coordinates, description, source URLs,
 * tags and id, with a preview of the first rows. The mapping goes into the link (so a colleague opens the same
 * events) and is remembered per header signature.
 */
export function CsvMappingDialog({ label, preview, message, current, onCancel }: Props) {
  const { sheets } = preview;
  // A workbook: the sheet in the link, else the first; the mapping names it when there are several.
  const [sheet, setSheet] = useState(
    () => sheets?.find((s) => s.name === current?.sheet)?.name ?? sheets?.[0]?.name,
  );
  const { headers, rows } = sheets?.find((s) => s.name === sheet) ?? preview;
  const many = sheets !== undefined && sheets.length > 1;
  const id = useId();
  const remembered = useMemo(() => recallMapping(headers), [headers]);
  const [initial, fromMemory] = useMemo((): [CsvMapping, boolean] => {
    // The sheet is named only for a workbook of several (a mapping remembered from one may meet a CSV).
    const named = ({ sheet: _, ...mapping }: CsvMapping): CsvMapping =>
      many && sheet ? { ...mapping, sheet } : mapping;
    if (current && missingColumns(current, headers).length === 0) return [named(current), false];
    if (remembered && missingColumns(remembered, headers).length === 0)
      return [named(remembered), true];
    return [named(guessMapping(headers, rows)), false];
  }, [current, remembered, headers, rows, many, sheet]);
  const [m, setM] = useState<CsvMapping>(initial);
  const [shown, setShown] = useState(initial);
  // Another sheet: its own columns, so the mapping starts again from what is known or guessed for them.
  if (shown !== initial) {
    setShown(initial);
    setM(initial);
  }
  const read = useMemo(() => previewRows(headers, rows, m), [headers, rows, m]);
  const part = { m, setM, headers, rows, id };

  return (
    <section className="cs-mapping" role="dialog" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Map the columns of {label}</h2>
      <p>{message}</p>
      {many && sheet !== undefined && (
        <SheetPicker sheets={sheets} value={sheet} onChange={setSheet} />
      )}
      {fromMemory && (
        <p className="cs-muted">
          Filled in from the mapping you used for a file with the same columns.
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          rememberMapping(headers, m);
          updateView((s) => ({ ...s, map: m }));
        }}
      >
        <div className="cs-mapping-grid">
          <ColumnRolesFieldset {...part} />
          <DateReadingFieldset {...part} allMidnight={read.facts.allMidnight} />
          <ActorColumnsFieldset {...part} />
          <ManyValuesFieldset {...part} />
          <DuplicateIdsFieldset {...part} repeatedIds={read.facts.repeatedIds} />
        </div>
        <MappingPreviewTable rows={read.rows} />
        <div className="cs-row">
          <button type="submit" className="cs-primary">
            Import
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
