import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ShortcutsDialog, type ShortcutLine } from './ShortcutsDialog';

const KEYMAP: ShortcutLine[] = [
  { show: '/', description: 'Focus the search box' },
  { show: 'j / k', description: 'Next / previous event' },
  { show: '?', description: 'Show these shortcuts' },
];

describe('ShortcutsDialog', () => {
  it('lists every shortcut it is given with its key and what it does', () => {
    render(<ShortcutsDialog open onClose={() => {}} shortcuts={KEYMAP} />);
    const table = screen.getByRole('table', { name: 'Keyboard shortcuts', hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true });
    expect(rows).toHaveLength(KEYMAP.length);
    rows.forEach((row, i) => {
      expect(within(row).getByRole('rowheader', { hidden: true })).toHaveTextContent(
        KEYMAP[i]!.show,
      );
      expect(row).toHaveTextContent(KEYMAP[i]!.description);
    });
  });

  it("closes on the dialog's cancel, which Escape sends", () => {
    const onClose = vi.fn();
    render(<ShortcutsDialog open onClose={onClose} shortcuts={KEYMAP} />);
    const notPrevented = fireEvent(
      screen.getByRole('dialog', { hidden: true }),
      new Event('cancel', { cancelable: true }),
    );
    expect(onClose).toHaveBeenCalledOnce();
    expect(notPrevented).toBe(false); // the app closes it, so that focus goes back where it came from
  });
});
