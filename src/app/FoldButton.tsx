import { useLayout } from '../state/layoutStore';

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

/** The side panels' keys and the way each folds (its glyph points where it goes). */
const SIDE_PANELS = {
  entities: { shortcut: '[', glyph: '«' },
  details: { shortcut: ']', glyph: '»' },
} as const;

type SidePanel = keyof typeof SIDE_PANELS;

/** A side panel's fold button: FoldButton with the panel's key, glyph and the layout's toggle. */
export function SidePanelFold({ panel, label }: { panel: SidePanel; label: string }) {
  const toggle = useLayout((s) => s.toggle);
  const { shortcut, glyph } = SIDE_PANELS[panel];
  return (
    <FoldButton
      label={label}
      controls={`cs-${panel}`}
      shortcut={shortcut}
      glyph={glyph}
      onClick={() => toggle(panel, false)}
    />
  );
}

/** What is left of a folded side panel: a strip with the button that brings it back (shown only while folded). */
export function PanelStrip({
  panel,
  label,
  title,
}: {
  panel: SidePanel;
  label: string;
  /** The button's tooltip, before its shortcut. */
  title: string;
}) {
  const toggle = useLayout((s) => s.toggle);
  return (
    <div className={`cs-strip cs-strip-${panel}`}>
      <button
        type="button"
        aria-expanded={false}
        aria-controls={`cs-${panel}`}
        title={`${title} (${SIDE_PANELS[panel].shortcut})`}
        onClick={() => toggle(panel, true)}
      >
        {label}
      </button>
    </div>
  );
}
