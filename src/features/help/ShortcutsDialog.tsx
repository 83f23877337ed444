import { Dialog } from '../../ui/Dialog';

/** A shortcut as the dialog lists it (the app's keymap hands them in). */
export interface ShortcutLine {
  show: string;
  description: string;
}

export function ShortcutsDialog({
  open,
  onClose,
  shortcuts,
}: {
  open: boolean;
  onClose(): void;
  shortcuts: readonly ShortcutLine[];
}) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <p>Shortcuts work anywhere except while typing in a field.</p>
      <table className="cs-shortcuts">
        <caption className="cs-visually-hidden">Keyboard shortcuts</caption>
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
    </Dialog>
  );
}
