import { formatCount } from '../domain/formatCount';
import './facetOption.css';

/**
 * One value of a facet (an event type, a tag, a place…) as a checkbox with its live count: the filter bar's
 * pickers and the server's facets alike, so that a chosen value looks chosen the same way in both.
 */
export function FacetOption({
  label,
  count,
  checked,
  onToggle,
}: {
  label: string;
  count: number;
  checked: boolean;
  onToggle(): void;
}) {
  return (
    <label className={`cs-facet-option${count === 0 && !checked ? ' cs-facet-zero' : ''}`}>
      <input type="checkbox" checked={checked} onChange={onToggle} />
      <span className="cs-facet-label">{label}</span>
      <span className="cs-count">{formatCount(count)}</span>
    </label>
  );
}
