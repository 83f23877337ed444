import { useState } from 'react';
import { formatCount } from '../../domain/formatCount';
import { FacetOption } from '../../ui/FacetOption';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

interface Props {
  label: string;
  options: FacetOption[];
  selected: string[];
  onToggle(value: string): void;
}

const SHOWN = 100;

/**
 * A dropdown of checkboxes with live counts (counts follow the facet rule). Its options are drawn only while it is
 * open, so a filter change does not re-sort and re-render hundreds of hidden rows.
 */
export function FacetPicker({ label, options, selected, onToggle }: Props) {
  const [find, setFind] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <details className="cs-facet" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {label}
        {selected.length > 0 && <span className="cs-badge">{selected.length}</span>}
      </summary>
      {open && (
        <FacetMenu
          label={label}
          options={options}
          selected={selected}
          onToggle={onToggle}
          find={find}
          setFind={setFind}
        />
      )}
    </details>
  );
}

function FacetMenu({
  label,
  options,
  selected,
  onToggle,
  find,
  setFind,
}: Props & { find: string; setFind(f: string): void }) {
  const needle = find.trim().toLowerCase();
  const shown = options
    .filter((o) => !needle || o.label.toLowerCase().includes(needle))
    .sort(
      (a, b) =>
        Number(selected.includes(b.value)) - Number(selected.includes(a.value)) ||
        b.count - a.count ||
        a.label.localeCompare(b.label),
    );
  return (
    <fieldset className="cs-facet-menu">
      <legend className="cs-visually-hidden">{label} values</legend>
      {options.length > 12 && (
        <input
          type="search"
          aria-label={`Find ${label.toLowerCase()}`}
          placeholder="Find…"
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
      )}
      {options.length === 0 && <p className="cs-muted">None in this dataset.</p>}
      {shown.slice(0, SHOWN).map((o) => (
        <FacetOption
          key={o.value}
          label={o.label}
          count={o.count}
          checked={selected.includes(o.value)}
          onToggle={() => onToggle(o.value)}
        />
      ))}
      {shown.length > SHOWN && (
        <p className="cs-muted">{formatCount(shown.length - SHOWN)} more: type to find them.</p>
      )}
    </fieldset>
  );
}
