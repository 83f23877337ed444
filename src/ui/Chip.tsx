interface Props {
  label: string;
  onRemove(): void;
  stale?: boolean;
  kind?: 'include' | 'exclude' | 'plain';
}

/** A removable filter chip; a stale chip names a value the dataset does not hold. */
export function Chip({ label, onRemove, stale, kind = 'plain' }: Props) {
  return (
    <span className={`cs-chip cs-chip-${kind}${stale ? ' cs-chip-stale' : ''}`}>
      <span className="cs-chip-label">
        {kind === 'exclude' ? 'not ' : ''}
        {label}
        {stale ? ' (not in this dataset)' : ''}
      </span>
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove filter ${kind === 'exclude' ? 'not ' : ''}${label}`}
      >
        ×
      </button>
    </span>
  );
}
