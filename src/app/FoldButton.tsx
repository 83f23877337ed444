/**
 * Folds a panel away where panels are columns (its strip brings it back); hidden where panels are drawers. Each
 * panel draws it at the end of its header row, so the Tab order meets it where the eye does.
 */
export function FoldButton({
  label,
  controls,
  shortcut,
  glyph,
  onClick,
}: {
  label: string;
  controls: string;
  shortcut: string;
  /** Points where the panel goes. */
  glyph: string;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className="cs-fold"
      aria-expanded={true}
      aria-controls={controls}
      aria-label={label}
      title={`${label} (${shortcut})`}
      onClick={onClick}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
}

/** What is left of a folded panel: a strip with the button that brings it back (shown only while folded). */
export function PanelStrip({
  panel,
  label,
  title,
  onOpen,
}: {
  panel: 'entities' | 'details';
  label: string;
  /** The button's tooltip, naming its shortcut. */
  title: string;
  onOpen(): void;
}) {
  return (
    <div className={`cs-strip cs-strip-${panel}`}>
      <button
        type="button"
        aria-expanded={false}
        aria-controls={`cs-${panel}`}
        title={title}
        onClick={onOpen}
      >
        {label}
      </button>
    </div>
  );
}
