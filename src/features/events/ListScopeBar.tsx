import { formatCount } from '../../domain/formatCount';
import type { ListScope } from '../../url/viewState';
import { updateView } from '../../url/useViewState';

interface Props {
  scope: ListScope;
  total: number;
  /** Matches in the timeline's window, when a window is known. */
  inView: number | undefined;
}

/** The switch between every match and the matches in the timeline's window (`list=view` in the link). */
export function ListScopeBar({ scope, total, inView }: Props) {
  const options: { value: ListScope; label: string; count: number | undefined }[] = [
    { value: 'all', label: 'All matches', count: total },
    { value: 'view', label: 'In view', count: inView },
  ];
  return (
    <fieldset className="cs-list-scope">
      <legend className="cs-visually-hidden">Events list shows</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name="cs-list-scope"
            value={o.value}
            checked={scope === o.value}
            onChange={() => updateView({ list: o.value })}
          />
          {o.label}
          {o.count !== undefined && <span className="cs-muted"> ({formatCount(o.count)})</span>}
        </label>
      ))}
    </fieldset>
  );
}
