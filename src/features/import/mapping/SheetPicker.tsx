interface Props {
  sheets: readonly { name: string }[];
  value: string;
  onChange(sheet: string): void;
}

/** The worksheet of a workbook whose rows become events (shown only when the workbook has several). */
export function SheetPicker({ sheets, value, onChange }: Props) {
  return (
    <label className="cs-mapping-sheet">
      <span>Sheet</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {sheets.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
