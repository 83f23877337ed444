import { Dialog } from '../../ui/Dialog';

export const SHORTCUTS: [string, string][] = [
  ['/', 'Search events'],
  ['j / k', 'Next / previous event in time'],
  ['Enter', 'Open the selected event’s details'],
  ['Esc', 'Close a dialog, or clear the selection'],
  ['+ / -', 'Zoom in / out'],
  ['← / →', 'Pan the timeline'],
  ['f', 'Fit all matching events'],
  ['g', 'Cycle lanes: none, actor, type, place'],
  ['c', 'Copy a link to this view'],
  ['x', 'Toggle the selected event’s first actor as a filter'],
  ['t', 'Switch light / dark theme'],
  ['?', 'This help'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <p>Shortcuts work anywhere except while typing in a field.</p>
      <table className="cs-shortcuts">
        <caption className="cs-visually-hidden">Keyboard shortcuts</caption>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{k}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
