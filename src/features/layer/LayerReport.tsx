import { useState } from 'react';
import { useViewData } from '../../data/page/viewData';
import { clipText } from '../../domain/clipText';
import { formatCount } from '../../domain/formatCount';

/** Shown reasons, at most: a hostile layer may hold thousands. */
const SHOWN = 20;

/**
 * What of the analyst's layer this dataset could not take: marks on events it no longer holds (a changed file),
 * and added events that could not be joined. They stay in the layer (and in its exports); this says so.
 */
export function LayerReport() {
  const { layer } = useViewData();
  const [hidden, setHidden] = useState(false);
  const orphans = layer.indexed.orphans;
  const refused = layer.joined.refused;
  if (hidden || (orphans === 0 && refused.length === 0)) return null;
  return (
    <div className="cs-note cs-layer-report" role="note">
      <p>
        {orphans > 0 &&
          `${formatCount(orphans)} of your starred, noted or tagged events are not in this dataset (it may have changed); they are kept in your layer. `}
        {refused.length > 0 &&
          `${formatCount(refused.length)} of your added events could not be shown; they are kept in your layer.`}{' '}
        <button type="button" onClick={() => setHidden(true)}>
          Dismiss
        </button>
      </p>
      {refused.length > 0 && (
        <ul>
          {refused.slice(0, SHOWN).map((r) => (
            <li key={r.id}>
              {clipText(r.id, 80)}: {clipText(r.reason, 200)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
