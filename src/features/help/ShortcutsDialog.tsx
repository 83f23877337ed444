import { Dialog } from '../../ui/Dialog';

/** A shortcut as the dialog lists it (the app's keymap hands them in). */
export interface ShortcutLine {
  show: string;
  description: string;
}

function ShortcutTable({
  caption,
  shortcuts,
}: {
  caption: string;
  shortcuts: readonly ShortcutLine[];
}) {
  return (
    <table className="cs-shortcuts">
      <caption className="cs-visually-hidden">{caption}</caption>
      <tbody>
        {shortcuts.map(({ show, description }) => (
          <tr key={show}>
            <th scope="row">
              <kbd>{show}</kbd>
            </th>
            <td>{description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShortcutsDialog({
  open,
  onClose,
  shortcuts,
  unavailable,
}: {
  open: boolean;
  onClose(): void;
  shortcuts: readonly ShortcutLine[];
  /** Shortcuts that do not work on the open dataset, and why: listed apart rather than left to fail silently. */
  unavailable?: { why: string; shortcuts: readonly ShortcutLine[] };
}) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <p>Shortcuts work anywhere except while typing in a field.</p>
      <ShortcutTable caption="Keyboard shortcuts" shortcuts={shortcuts} />
      {unavailable && unavailable.shortcuts.length > 0 && (
        <>
          <p>{unavailable.why}</p>
          <ShortcutTable caption="Shortcuts not available here" shortcuts={unavailable.shortcuts} />
        </>
      )}
    </Dialog>
  );
}
